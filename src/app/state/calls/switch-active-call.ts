import type { CallRegistry } from '../../calling/call-registry';
import { toFailure, type CallOperation, type Failure } from '../../calling/calling-codes';
import type { CallEntry } from './calls.feature';

/**
 * Makes another call the one the agent talks on: holds the current one, runs `take` (accept an
 * incoming call, resume a held one), and on failure resumes the call it held. Resolves to the
 * failure to report, or null. Nothing is left half-done: either the agent is on the new call, or
 * back on the old one (or told that it is still on hold).
 */
export async function switchActiveCall(
  registry: CallRegistry,
  active: CallEntry | null,
  operation: CallOperation,
  take: () => Promise<unknown>,
): Promise<Failure | null> {
  let held: string | null = null;
  if (active && active.state === 'Connected') {
    try {
      await registry.call(active.id).hold();
      held = active.id;
    } catch (error) {
      const failure = toFailure(error, 'hold');
      return {
        ...failure,
        message: `Your current call could not be put on hold, so nothing changed. ${failure.message}`,
      };
    }
  }
  try {
    await take();
    return null;
  } catch (error) {
    const failure = toFailure(error, operation);
    if (!held) return failure;
    try {
      await registry.call(held).resume();
      return failure;
    } catch {
      return {
        ...failure,
        message: `${failure.message} Your other call is still on hold: resume it from Calls on hold.`,
      };
    }
  }
}
