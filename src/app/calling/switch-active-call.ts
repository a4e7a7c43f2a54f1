import { InjectionToken } from '@angular/core';
import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type { CallRegistry } from '../../calling/call-registry';
import { toFailure, type CallOperation, type Failure } from '../../calling/calling-codes';
import type { CallEntry } from './calls.feature';

/**
 * States a call passes through on its way to Connected (the guide's call-state table). A switch
 * waits for them to pass: such a call cannot be put on hold yet, and would be live beside the new one.
 */
export const SETTLING_STATES: ReadonlySet<string> = new Set(['None', 'Connecting', 'Ringing', 'EarlyMedia']);

/** States in which the agent's media flows, or flows again as soon as the other side resumes. */
const HOLDABLE_STATES: ReadonlySet<string> = new Set(['Connected', 'RemoteHold']);

/** Whose time the switch's limits run on (tests give a virtual one). */
export const SWITCH_SCHEDULER = new InjectionToken<SchedulerLike>('SWITCH_SCHEDULER', {
  factory: () => asyncScheduler,
});

/** How long a switch waits for a connecting call to connect before it gives up and says so. */
export const SETTLE_TIMEOUT_MS = 10_000;

export const STILL_CONNECTING: Failure = {
  message: 'Your current call is still connecting. Try again once it has connected.',
};

/** How long a whole switch (hold, then accept or resume) may take before it is reported as stuck. */
export const SWITCH_TIMEOUT_MS = 30_000;

export const SWITCH_TIMED_OUT: Failure = {
  message: 'The calling service did not answer in time. Check your calls before trying again.',
};

/**
 * Makes another call the one the agent talks on: holds every call the agent is live on (but
 * `keep`), runs `take` (accept an incoming call, resume a held one), and on failure resumes the
 * calls it held. Resolves to the failure to report, or null. Nothing is left half-done: either
 * the agent is on the new call, or back where they were (or told which call is still on hold).
 * Once `abandoned` is aborted (the switch was reported as timed out, or the agent signed out),
 * it takes no further step and resumes what it held.
 */
export async function switchActiveCall(
  registry: CallRegistry,
  calls: readonly CallEntry[],
  keep: string | null,
  operation: CallOperation,
  take: () => Promise<unknown>,
  abandoned: AbortSignal,
): Promise<Failure | null> {
  const held: string[] = [];
  for (const { id } of calls) {
    if (abandoned.aborted) break;
    // The SDK's own state, not the store's: a call resumed a moment ago may not have reported it yet.
    const live = registry.findCall(id);
    if (id === keep || !live || !HOLDABLE_STATES.has(live.state)) continue;
    try {
      await live.hold();
      held.push(id);
    } catch (error) {
      const failure = toFailure(error, 'hold');
      return withHeldNote(
        {
          ...failure,
          message: `Your current call could not be put on hold, so nothing changed. ${failure.message}`,
        },
        await resumeAll(registry, held),
      );
    }
  }
  if (abandoned.aborted) return withHeldNote(SWITCH_TIMED_OUT, await resumeAll(registry, held));
  try {
    await take();
    return null;
  } catch (error) {
    return withHeldNote(toFailure(error, operation), await resumeAll(registry, held));
  }
}

/** Resumes what a failed switch held; resolves to the calls that stayed on hold. */
async function resumeAll(registry: CallRegistry, held: readonly string[]): Promise<string[]> {
  const stillHeld: string[] = [];
  for (const id of held) {
    try {
      await registry.call(id).resume();
    } catch {
      stillHeld.push(id);
    }
  }
  return stillHeld;
}

function withHeldNote(failure: Failure, stillHeld: readonly string[]): Failure {
  return stillHeld.length === 0
    ? failure
    : {
        ...failure,
        message: `${failure.message} Your other call is still on hold: resume it from Calls on hold.`,
      };
}
