import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { FloorRole } from '../../../../server/floor/floor-protocol';
import type { FloorStatus } from '../../floor/floor-connection';
import { ShellActions } from '../agent/shell.actions';
import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { callsFeature } from '../calls/calls.feature';
import { selectQueuedCalls, type QueuedCall } from '../queue/queue.feature';
import { FloorApiActions } from './floor-api.actions';
import type { SupervisorFloorState } from './supervisor-floor.feature';

/** This console's side of the floor, for both roles: it outlives any screen, as the session does. */
export interface FloorSessionState {
  readonly status: FloorStatus;
  /** Who the floor says the user is, once it has welcomed them. */
  readonly user: { readonly id: string; readonly displayName: string; readonly role: FloorRole } | null;
  /** When the floor first saw each call (epoch ms), by server call id: the wait everyone shows. */
  readonly firstSeen: Readonly<Record<string, number>>;
  /** Who muted this console's user, by the console's call id, until they unmute or dismiss it. */
  readonly mutedBy: Readonly<Record<string, string>>;
  /**
   * Who muted each other participant, as the floor said, by the call's id and then the
   * participant's raw id: the roster says "Muted by Sam Okafor" (or "Muted by you") while they
   * stay muted.
   */
  readonly participantsMutedBy: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const initialFloorSessionState: FloorSessionState = {
  status: { state: 'off' },
  user: null,
  firstSeen: {},
  mutedBy: {},
  participantsMutedBy: {},
};

const without = <T>(record: Readonly<Record<string, T>>, key: string) => {
  if (!(key in record)) return record;
  const { [key]: _gone, ...rest } = record;
  return rest;
};

/** The record with `previous`'s entry under `next` instead (a call's id changed). */
const rekeyed = <T>(record: Readonly<Record<string, T>>, previous: string, next: string) =>
  previous in record ? { ...without(record, previous), [next]: record[previous] } : record;

/** Who muted a participant (a participant's id is its raw id), for their roster line. */
const mutedParticipant = (
  state: FloorSessionState,
  callId: string,
  participantRawId: string,
  by: string,
): FloorSessionState => ({
  ...state,
  participantsMutedBy: {
    ...state.participantsMutedBy,
    [callId]: { ...state.participantsMutedBy[callId], [participantRawId]: by },
  },
});

export const floorSessionFeature = createFeature({
  name: 'floorSession',
  reducer: createReducer(
    initialFloorSessionState,
    on(FloorApiActions.connectionChanged, (state, { status }): FloorSessionState => ({ ...state, status })),
    on(FloorApiActions.welcomed, (state, { user }): FloorSessionState => ({ ...state, user })),
    on(FloorApiActions.firstSeen, (state, { calls }): FloorSessionState => ({
      ...state,
      firstSeen: { ...state.firstSeen, ...Object.fromEntries(calls.map(({ key, at }) => [key, at])) },
    })),
    on(FloorApiActions.mutedBy, (state, { callId, by }): FloorSessionState => ({
      ...state,
      mutedBy: { ...state.mutedBy, [callId]: by.displayName },
    })),
    on(FloorApiActions.participantMutedBy, (state, { callId, participantRawId, by }) =>
      mutedParticipant(state, callId, participantRawId, by.displayName),
    ),
    // The user's own mute: the floor tells the others, and this roster says "Muted by you".
    on(CallingApiActions.participantOperationSucceeded, (state, { callId, participantId, operation }) =>
      operation === 'muteParticipant' ? mutedParticipant(state, callId, participantId, 'you') : state,
    ),
    on(CallingSdkEvents.callMutedChanged, (state, { id, isMuted }): FloorSessionState =>
      isMuted ? state : { ...state, mutedBy: without(state.mutedBy, id) },
    ),
    on(ActiveCallPanelActions.mutedNoticeDismissed, (state, { callId }): FloorSessionState => ({
      ...state,
      mutedBy: without(state.mutedBy, callId),
    })),
    on(CallingSdkEvents.callEnded, (state, { id }): FloorSessionState => ({
      ...state,
      mutedBy: without(state.mutedBy, id),
      participantsMutedBy: without(state.participantsMutedBy, id),
    })),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }): FloorSessionState => ({
      ...state,
      mutedBy: rekeyed(state.mutedBy, previousId, id),
      participantsMutedBy: rekeyed(state.participantsMutedBy, previousId, id),
    })),
    on(ShellActions.signOutClicked, (): FloorSessionState => initialFloorSessionState),
  ),
});

/**
 * Who muted this console's user in a call, as the floor said ("Sam Okafor"), or null: the SDK's
 * `mutedByOthers` names nobody. Cleared when the user unmutes or dismisses the notice.
 */
export const selectMutedBy = (callId: string) =>
  createSelector(floorSessionFeature.selectMutedBy, (mutedBy) => mutedBy[callId] ?? null);

/** Whether the floor is connected now: "Ask supervisor" can go out. */
export const selectFloorConnected = createSelector(
  floorSessionFeature.selectStatus,
  (status) => status.state === 'open',
);

/**
 * Whether "Ask supervisor" can be asked for this call, and if not why, in words (null when it can):
 * the floor must be connected and the call known to it by its server id.
 */
export const selectAskSupervisorBlocked = (callId: string) =>
  createSelector(selectFloorConnected, callsFeature.selectEntities, (connected, calls): string | null => {
    if (!connected) return 'Not connected to the supervisors’ floor.';
    return calls[callId]?.serverCallId ? null : 'This call is not on the supervisors’ floor yet.';
  });

/** A ringing call with the time its caller's wait counts from. */
export interface WaitingCall extends QueuedCall {
  /**
   * When the floor first saw the call ring anywhere, else when a transfer says the caller first
   * rang, else when this console saw it (epoch ms).
   */
  readonly waitingSince: number;
  /**
   * On a supervisor's console, when the ringing call is an agent's call on the floor: the agent is
   * bringing the supervisor in (Escalate, or Ask supervisor), to a call with this caller.
   */
  readonly bringingIn: BringingIn | null;
}

export interface BringingIn {
  readonly agent: string;
  readonly caller: string;
  readonly queue: string | null;
}

const IN_THE_CALL = new Set(['Connected', 'LocalHold', 'RemoteHold']);

/**
 * The agents' calls the supervisor's floor knows, by key: only on the supervisor's workspace,
 * whose route registers the floor's view (elsewhere there is none, and nothing to say).
 */
const selectFloorCallsByKey = createSelector(
  (state: object) => (state as { supervisorFloor?: SupervisorFloorState }).supervisorFloor,
  (floor): ReadonlyMap<string, BringingIn> => {
    const byKey = new Map<string, BringingIn>();
    for (const id of floor?.ids ?? []) {
      const agent = floor!.entities[id]!;
      for (const call of agent.calls)
        if (IN_THE_CALL.has(call.state))
          byKey.set(call.key, {
            agent: agent.agent.displayName,
            caller: call.caller.displayName ?? call.caller.phoneNumber ?? 'a caller',
            queue: call.queue,
          });
    }
    return byKey;
  },
);

/**
 * The queue's calls, each waiting since the floor first saw it (the same wait on every console,
 * which a reload does not reset), or since it rang here when the floor has not said.
 */
export const selectWaitingCalls = createSelector(
  selectQueuedCalls,
  floorSessionFeature.selectFirstSeen,
  selectFloorCallsByKey,
  (calls, firstSeen, floorCalls): WaitingCall[] =>
    calls.map((call) => ({
      ...call,
      waitingSince:
        (call.serverCallId !== null ? firstSeen[call.serverCallId] : undefined) ??
        call.waitingSince ??
        call.receivedAt,
      bringingIn: (call.serverCallId !== null ? floorCalls.get(call.serverCallId) : undefined) ?? null,
    })),
);

/** "Floor: connected", "Floor: reconnecting in 4 s", "Floor: not available: <why>", at `now`. */
export function floorStatusText(status: FloorStatus, now: number): string {
  switch (status.state) {
    case 'off':
      return 'Floor: not connected';
    case 'connecting':
      return 'Floor: connecting…';
    case 'open':
      return 'Floor: connected';
    case 'closed':
      return status.retryAt === null
        ? `Floor: not available: ${status.reason}`
        : `Floor: reconnecting in ${Math.max(1, Math.ceil((status.retryAt - now) / 1000))} s (${status.reason})`;
  }
}
