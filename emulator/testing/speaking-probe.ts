import { ManualClock } from '../engine/clock';
import { World } from '../engine/world';

/**
 * How long after an accept the first call of a world seeded `seed` has its caller speaking (to
 * within `stepMs`). The speaking turns depend only on the seed and the accept time, so a test
 * that needs the caller to be speaking at some moment (to hang up mid-sentence) asks here first,
 * in a world of its own, instead of hoping a fixed time lands in a turn.
 */
export async function msUntilCallerSpeaks(seed: number, stepMs = 10): Promise<number> {
  const clock = new ManualClock(0);
  const world = new World({ clock, seed, scenario: false });
  try {
    const endpoint = world.open(
      () => undefined,
      () => undefined,
    );
    await world.request(endpoint, { op: 'hello', token: world.issueToken('alex').token });
    const id = world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await world.request(endpoint, { op: 'accept', incomingCallId: id });
    const speaking = () => [...world.calls.all.get(id)!.parties.values()].some((party) => party.isSpeaking);
    for (let elapsed = stepMs; elapsed < 600_000; elapsed += stepMs) {
      clock.advance(stepMs);
      if (speaking()) return elapsed;
    }
    throw new Error(`The caller never spoke in a world seeded ${seed}.`);
  } finally {
    world.dispose();
  }
}
