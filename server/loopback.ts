const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a URL names this machine: the only place plain http is allowed (the emulator). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * `https`, or `http` to loopback. Over the network, plain http would let anyone on the path read
 * tokens or swap the keys tokens are checked against; on loopback it only reaches the emulator.
 */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
}
