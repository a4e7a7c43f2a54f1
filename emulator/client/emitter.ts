/**
 * Listener bookkeeping for every object the client hands out. Counting `on` minus `off` is how
 * tests prove that no listener outlives its call: an `off` with a different function reference
 * (`off('x', () => {})`, `fn.bind(this)`) removes nothing and the count stays up.
 */
let liveListeners = 0;

/** Live listeners across every object this module handed out. */
export function listenerCount(): number {
  return liveListeners;
}

/** The listeners on one agent's objects, reported to the world for `GET /emulator/listeners`. */
export class ListenerTally {
  count = 0;
  onChange: ((count: number) => void) | null = null;

  add(delta: number): void {
    this.count += delta;
    liveListeners += delta;
    this.onChange?.(this.count);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Listener = (...args: any[]) => void;

export class Emitter {
  private readonly listeners = new Map<string, Listener[]>();

  constructor(private readonly tally: ListenerTally) {}

  on(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    this.tally.add(1);
  }

  off(event: string, listener: Listener): void {
    const list = this.listeners.get(event) ?? [];
    const index = list.lastIndexOf(listener);
    if (index < 0) return;
    this.listeners.set(event, [...list.slice(0, index), ...list.slice(index + 1)]);
    this.tally.add(-1);
  }

  /** Drops every listener (a disposed feature's, as the SDK's features drop theirs). */
  removeAll(): void {
    for (const [event, list] of [...this.listeners])
      for (const listener of [...list]) this.off(event, listener);
  }

  emit(event: string, args?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(args);
      } catch (error) {
        // A throwing listener must not stop the others (the SDK behaves the same way).
        console.error(`Listener for '${event}' threw`, error);
      }
    }
  }
}
