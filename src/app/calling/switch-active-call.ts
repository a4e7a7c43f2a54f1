import type { TeamsCall, TeamsCallAgent } from '@azure/communication-calling';
import { type SchedulerLike } from 'rxjs';
import { first, startWith } from 'rxjs/operators';
import { withTimeLimit } from '../core/with-time-limit';
import type { CallRegistry } from './call-registry';
import { toFailure } from './calling-codes';
import { type Failure } from '../model/failure';
import { toSdkIdentifier } from './dial-target';
import { type DialTarget } from '../model/dial-target';
import type { MeetingLocator } from '../model/meeting-locator';
import { fromSdkEvent } from './sdk-event';

/**
 * States a call passes through on its way to Connected (docs/architecture.md, call states). A switch
 * waits for them to pass: such a call cannot be put on hold yet, and would be live beside the new one.
 */
export const SETTLING_STATES: ReadonlySet<string> = new Set(['None', 'Connecting', 'Ringing', 'EarlyMedia']);

/** States in which the agent's media flows, or flows again as soon as the other side resumes. */
const HOLDABLE_STATES: ReadonlySet<string> = new Set(['Connected', 'RemoteHold']);

/** How long a switch waits for a connecting call to connect before it gives up and says so. */
export const SETTLE_TIMEOUT_MS = 10_000;

export const STILL_CONNECTING: Failure = {
  message: 'Your current call is still connecting. Try again once it has connected.',
};

export const SWITCH_ABANDONED: Failure = {
  message: 'The calling service did not answer in time. Check your calls before trying again.',
};

/**
 * The call to make the one the agent talks on: a ringing call to accept, a held call to resume, a
 * new call to place, or a meeting to join. `startCall` and `join` return the new call at once
 * (the SDK's methods are synchronous); `onCall` receives it.
 */
export type CallToTake =
  | { readonly operation: 'accept'; readonly incomingCallId: string }
  | { readonly operation: 'resume'; readonly callId: string }
  | {
      readonly operation: 'startCall';
      readonly targets: readonly DialTarget[];
      /** The chat thread a group call needs (several targets). */
      readonly threadId?: string;
      readonly onCall?: (call: TeamsCall) => void;
    }
  | {
      readonly operation: 'join';
      readonly locator: MeetingLocator;
      readonly onCall?: (call: TeamsCall) => void;
    };

/** What a switch has just done, in order, for whoever reports its progress. */
export type SwitchStep =
  | { readonly step: 'waitingForConnectingCall'; readonly callId: string }
  | { readonly step: 'held'; readonly callId: string }
  | { readonly step: 'taking' }
  | { readonly step: 'resumedAfterFailure'; readonly callId: string }
  | { readonly step: 'resumeFailed'; readonly callId: string; readonly failure: Failure };

export interface SwitchOptions {
  /** Aborted when the switch is abandoned (a time limit, sign-out): it stops and undoes its holds. */
  readonly signal: AbortSignal;
  /** Whose time the wait for a connecting call runs on (tests give a virtual one). */
  readonly scheduler: SchedulerLike;
  readonly onStep?: (step: SwitchStep) => void;
}

/**
 * Makes another call the one the agent talks on (one active call at a time). In order:
 * 1. finds the call to take: one that stopped ringing, or ended, leaves the agent's calls alone;
 * 2. waits for any call still connecting to connect (it could not be held, and would stay live);
 * 3. holds every call the agent is live on, by the SDK's own state (the store may lag behind);
 * 4. accepts or resumes the call to take, or places or joins the new one.
 * A failed step resumes what the switch held. Resolves to the failure to report, or null: either
 * the agent is on the new call, or back where they were, or told which call is still on hold.
 */
export async function switchActiveCall(
  registry: CallRegistry,
  target: CallToTake,
  { signal, scheduler, onStep = () => undefined }: SwitchOptions,
): Promise<Failure | null> {
  const keep = target.operation === 'resume' ? target.callId : null;
  try {
    findTake(registry, target);
  } catch (error) {
    return toFailure(error, target.operation);
  }

  for (const call of registry.liveCalls()) {
    if (call.id === keep || !SETTLING_STATES.has(call.state)) continue;
    onStep({ step: 'waitingForConnectingCall', callId: call.id });
    if (!(await settled(call, scheduler, signal)))
      return signal.aborted ? SWITCH_ABANDONED : STILL_CONNECTING;
  }

  let take: () => Promise<TeamsCall | void>;
  try {
    // Again, after any wait: the call may have stopped ringing meanwhile.
    take = findTake(registry, target);
  } catch (error) {
    return toFailure(error, target.operation);
  }

  const held: TeamsCall[] = [];
  const undo = async (failure: Failure) =>
    withHeldNote(failure, await resumeAll(held, 'The switch failed', onStep));
  for (const call of registry.liveCalls()) {
    if (signal.aborted) break;
    if (call.id === keep || !HOLDABLE_STATES.has(call.state)) continue;
    try {
      await call.hold();
      held.push(call);
      onStep({ step: 'held', callId: call.id });
    } catch (error) {
      const failure = toFailure(error, 'hold');
      return undo({
        ...failure,
        message: `Your current call could not be put on hold, so nothing changed. ${failure.message}`,
      });
    }
  }
  if (signal.aborted) return undo(SWITCH_ABANDONED);

  onStep({ step: 'taking' });
  let taken: TeamsCall | void;
  try {
    taken = await take();
  } catch (error) {
    return undo(toFailure(error, target.operation));
  }
  if (taken && held.length > 0) resumeIfNeverConnected(taken, held, registry, onStep);
  return null;
}

/**
 * A call placed or joined while the agent's calls were held for it can still fail once it exists
 * (busy, declined, no answer, a meeting not found, refused from the lobby). If it ends before it
 * ever connects, the calls held for it are resumed (unless another call has become live since),
 * so the agent is back with their caller rather than left with everyone on hold.
 */
function resumeIfNeverConnected(
  call: TeamsCall,
  held: readonly TeamsCall[],
  registry: CallRegistry,
  onStep: (step: SwitchStep) => void,
): void {
  const watch = fromSdkEvent(call, 'stateChanged').subscribe(() => {
    if (call.state === 'Connected') return watch.unsubscribe();
    if (call.state !== 'Disconnected') return;
    watch.unsubscribe();
    const calls = registry.liveCalls();
    if (calls.some((live) => HOLDABLE_STATES.has(live.state))) return;
    const stillHeld = held.filter((heldCall) => calls.includes(heldCall) && heldCall.state === 'LocalHold');
    void resumeAll(stillHeld, 'The new call ended before it connected', onStep);
  });
}

/** The SDK call that takes the target; throws (in words) if the target has gone. */
function findTake(registry: CallRegistry, target: CallToTake): () => Promise<TeamsCall | void> {
  switch (target.operation) {
    case 'accept': {
      const incoming = registry.incomingCall(target.incomingCallId);
      return async () => void (await incoming.accept());
    }
    case 'resume': {
      const call = registry.call(target.callId);
      return () => call.resume();
    }
    case 'startCall': {
      const agent = registry.agent;
      // Synchronous in the SDK: a missing thread or a bad target throws here, and no call starts.
      return async () => {
        const call = startCall(agent, target.targets, target.threadId);
        target.onCall?.(call);
        return call;
      };
    }
    case 'join': {
      const agent = registry.agent;
      return async () => {
        const call = joinMeeting(agent, target.locator);
        target.onCall?.(call);
        return call;
      };
    }
  }
}

/** A 1:1 call takes its one target as is; a group call takes them all and its chat thread. */
function startCall(agent: TeamsCallAgent, targets: readonly DialTarget[], threadId?: string): TeamsCall {
  const identifiers = targets.map(toSdkIdentifier);
  return identifiers.length === 1 && threadId === undefined
    ? agent.startCall(identifiers[0])
    : agent.startCall(identifiers, threadId === undefined ? {} : { threadId });
}

/**
 * `TeamsCallAgent.join` takes a meeting's link, its ID and passcode, or its coordinates (thread,
 * organizer, tenant and message ids). The SDK's typings declare the first two for Teams users; the
 * coordinates go through the same method.
 */
function joinMeeting(agent: TeamsCallAgent, locator: MeetingLocator): TeamsCall {
  return (agent as { join(locator: MeetingLocator): TeamsCall }).join(locator);
}

/** True once the call has left the connecting states; false after the time limit or when abandoned. */
function settled(call: TeamsCall, scheduler: SchedulerLike, signal: AbortSignal): Promise<boolean> {
  const settled$ = fromSdkEvent(call, 'stateChanged').pipe(
    startWith(undefined),
    first(() => !SETTLING_STATES.has(call.state)),
  );
  return withTimeLimit(settled$, SETTLE_TIMEOUT_MS, { scheduler, signal }).then(
    (waited) => 'value' in waited,
    () => false,
  );
}

/**
 * Resumes what a failed switch held, reporting each resume as a step, and each failed one as a
 * failure that says why the call was being resumed; resolves to the calls that stayed on hold.
 */
async function resumeAll(
  held: readonly TeamsCall[],
  why: string,
  onStep: (step: SwitchStep) => void,
): Promise<number> {
  let stillHeld = 0;
  for (const call of held) {
    try {
      await call.resume();
      onStep({ step: 'resumedAfterFailure', callId: call.id });
    } catch (error) {
      stillHeld++;
      const failure = toFailure(error, 'resume');
      onStep({
        step: 'resumeFailed',
        callId: call.id,
        failure: {
          ...failure,
          message: `${why}, and the held call could not be resumed. ${failure.message}`,
        },
      });
    }
  }
  return stillHeld;
}

function withHeldNote(failure: Failure, stillHeld: number): Failure {
  return stillHeld === 0
    ? failure
    : {
        ...failure,
        message: `${failure.message} Your other call is still on hold: resume it from Calls on hold.`,
      };
}
