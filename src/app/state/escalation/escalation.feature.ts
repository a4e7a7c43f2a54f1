import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { createFeature, createReducer, on } from '@ngrx/store';
import type { EscalationStepName } from '../../calling/escalation';
import { targetName, targetRawId } from '../../calling/dial-target';
import type { Failure } from '../../model/failure';
import type { Party } from '../../model/snapshots';
import { FloorApiActions } from '../floor/floor-api.actions';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { ChatThreadsApiActions } from '../dialer/chat-threads-api.actions';
import { CallLeavingActions } from './call-leaving.actions';
import { EscalationApiActions } from './escalation-api.actions';
import { EscalationPanelActions } from './escalation-panel.actions';

/** How far bringing one person into a call got: the workflow's steps, in order. */
export type EscalationStatus =
  'preparing' | 'threadEnsured' | 'memberAdded' | 'participantAdded' | 'ringing' | 'connected' | 'failed';

/** One person being brought into a call, until the agent dismisses their row. */
export interface EscalationPerson {
  readonly callId: string;
  /** Their raw id, as the roster knows participants. */
  readonly personId: string;
  readonly name: string;
  readonly kind: 'microsoftTeamsUser' | 'phoneNumber';
  readonly status: EscalationStatus;
  readonly failedStep: EscalationStepName | null;
  readonly failure: Failure | null;
  /** Order of arrival, latest last. */
  readonly order: number;
}

/** Asking the floor for a supervisor, per call: what the agent is told. */
export interface SupervisorRequest {
  /** `asking`: sent; `open`: supervisors see it (it can be cancelled); then how it ended. */
  readonly status: 'asking' | 'open' | 'failed' | 'expired' | 'joining';
  readonly requestId: string | null;
  readonly message: string | null;
  readonly supervisorName: string | null;
  /** The joining supervisor's Teams user id (object id), to find their row. */
  readonly supervisorId: string | null;
}

export interface EscalationState extends EntityState<EscalationPerson> {
  readonly arrivals: number;
  readonly requests: Readonly<Record<string, SupervisorRequest>>;
  /** Taking someone out of a call's chat failed (after their removal from the call), per call. */
  readonly chatFailures: Readonly<Record<string, Failure>>;
  /** Group calls the agent is hanging up while others stay: who stays. */
  readonly leaving: Readonly<Record<string, readonly Party[]>>;
  /** The last group call the agent left that went on, and with whom. */
  readonly left: { readonly callId: string; readonly others: readonly Party[] } | null;
}

export const escalationKey = (callId: string, personId: string) => `${callId}|${personId}`;

const adapter = createEntityAdapter<EscalationPerson>({
  selectId: (p) => escalationKey(p.callId, p.personId),
  sortComparer: (a, b) => a.order - b.order,
});

export const initialEscalationState: EscalationState = adapter.getInitialState({
  arrivals: 0,
  requests: {},
  chatFailures: {},
  leaving: {},
  left: null,
});

function step(
  state: EscalationState,
  callId: string,
  personId: string,
  changes: Partial<EscalationPerson>,
): EscalationState {
  return adapter.updateOne({ id: escalationKey(callId, personId), changes }, state);
}

/** A record without one call's entry. */
function without<T>(record: Readonly<Record<string, T>>, callId: string): Record<string, T> {
  const { [callId]: _gone, ...rest } = record;
  return rest;
}

function request(
  state: EscalationState,
  callId: string,
  changes: Partial<SupervisorRequest>,
): EscalationState {
  const current = state.requests[callId] ?? {
    status: 'asking',
    requestId: null,
    message: null,
    supervisorName: null,
    supervisorId: null,
  };
  return { ...state, requests: { ...state.requests, [callId]: { ...current, ...changes } } };
}

const keysOfCall = (state: EscalationState, callId: string) =>
  (state.ids as string[]).filter((key) => key.startsWith(`${callId}|`));

export const escalationFeature = createFeature({
  name: 'escalation',
  reducer: createReducer(
    initialEscalationState,
    on(EscalationApiActions.escalationStarted, (state, { callId, targets }) =>
      adapter.upsertMany(
        targets.map((target, index) => ({
          callId,
          personId: targetRawId(target),
          name: targetName(target),
          kind: target.kind,
          status: 'preparing' as const,
          failedStep: null,
          failure: null,
          order: state.arrivals + index,
        })),
        { ...state, arrivals: state.arrivals + targets.length },
      ),
    ),
    on(EscalationApiActions.threadEnsured, (state, { callId, personId }) =>
      step(state, callId, personId, { status: 'threadEnsured' }),
    ),
    on(EscalationApiActions.chatMemberAdded, (state, { callId, personId }) =>
      step(state, callId, personId, { status: 'memberAdded' }),
    ),
    on(EscalationApiActions.participantAdded, (state, { callId, personId }) =>
      step(state, callId, personId, { status: 'participantAdded' }),
    ),
    on(EscalationApiActions.ringing, (state, { callId, personId }) =>
      step(state, callId, personId, { status: 'ringing' }),
    ),
    on(EscalationApiActions.connected, (state, { callId, personId }) =>
      step(state, callId, personId, { status: 'connected' }),
    ),
    on(EscalationApiActions.failed, (state, { callId, personId, failedStep, failure }) =>
      step(state, callId, personId, { status: 'failed', failedStep, failure }),
    ),
    on(EscalationPanelActions.stepDismissed, (state, { callId, personId }) =>
      adapter.removeOne(escalationKey(callId, personId), state),
    ),
    on(EscalationPanelActions.askSupervisorClicked, (state, { callId }) =>
      request(state, callId, {
        status: 'asking',
        requestId: null,
        message: null,
        supervisorName: null,
        supervisorId: null,
      }),
    ),
    on(FloorApiActions.requestOpened, (state, { callId, requestId }) =>
      request(state, callId, { status: 'open', requestId }),
    ),
    on(FloorApiActions.requestFailed, (state, { callId, message }) =>
      request(state, callId, { status: 'failed', message }),
    ),
    on(FloorApiActions.requestExpired, (state, { callId, requestId }) =>
      state.requests[callId]?.requestId === requestId ? request(state, callId, { status: 'expired' }) : state,
    ),
    on(FloorApiActions.joinRequested, (state, { callId, supervisor, requestId }) =>
      request(state, callId, {
        status: 'joining',
        requestId,
        supervisorName: supervisor.displayName,
        supervisorId: supervisor.id.toLowerCase(),
      }),
    ),
    on(
      EscalationPanelActions.askSupervisorCancelled,
      EscalationPanelActions.supervisorNoticeDismissed,
      (state, { callId }) => ({
        ...state,
        requests: without(state.requests, callId),
      }),
    ),
    on(ChatThreadsApiActions.chatMemberRemovalFailed, (state, { callId, failure }) => ({
      ...state,
      chatFailures: { ...state.chatFailures, [callId]: failure },
    })),
    on(CallLeavingActions.leftWhileOthersStay, (state, { callId, others }) => ({
      ...state,
      leaving: { ...state.leaving, [callId]: others },
    })),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }) => {
      const moved = keysOfCall(state, previousId).map((key) => ({ ...state.entities[key]!, callId: id }));
      const request = state.requests[previousId];
      return adapter.addMany(moved, {
        ...adapter.removeMany(keysOfCall(state, previousId), state),
        requests: request ? { ...without(state.requests, previousId), [id]: request } : state.requests,
      });
    }),
    on(CallingSdkEvents.callEnded, (state, { id, callEndReason }) => {
      const others = state.leaving[id];
      // Only the agent's own hang-up (0/0) leaves the others to go on; any other end is the call's.
      const wentOn = others && callEndReason?.code === 0 && (callEndReason.subCode ?? 0) === 0;
      return adapter.removeMany(keysOfCall(state, id), {
        ...state,
        requests: without(state.requests, id),
        chatFailures: without(state.chatFailures, id),
        leaving: without(state.leaving, id),
        left: wentOn ? { callId: id, others } : state.left,
      });
    }),
    on(ShellActions.signOutClicked, SoftphoneActions.released, () => initialEscalationState),
  ),
  extraSelectors: ({ selectEscalationState }) => ({
    selectAllPeople: adapter.getSelectors(selectEscalationState).selectAll,
  }),
});
