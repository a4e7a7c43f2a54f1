import { ManualClock } from '../engine/clock';
import { World } from '../engine/world';
import type { ServerMessage } from '../protocol/messages';

/** A message as the world meant it, without the sequence number its endpoint gave it. */
export function unnumbered(message: ServerMessage): ServerMessage {
  const copy = { ...message } as { seq?: number };
  delete copy.seq;
  return copy as ServerMessage;
}

/**
 * A world on a manual clock with consoles signed in directly (no transport, no client library):
 * what each endpoint was sent, by user key. For the engine's own tests.
 */
export async function worldWithConsoles(...userKeys: string[]) {
  const clock = new ManualClock(0);
  const world = new World({ clock, seed: 3, scenario: false });
  const inbox = new Map<string, ServerMessage[]>();
  const endpoints: Record<string, string> = {};
  for (const key of userKeys) {
    const messages: ServerMessage[] = [];
    const id = world.open(
      (m) => messages.push(unnumbered(m)),
      () => undefined,
    );
    await world.request(id, { op: 'hello', token: world.issueToken(key).token });
    inbox.set(key, messages);
    endpoints[key] = id;
  }
  const of = (key: string, type: ServerMessage['type']) => inbox.get(key)!.filter((m) => m.type === type);
  return { clock, world, endpoints, inbox, of };
}
