import { floorSessionFeature } from '../floor/floor-session.feature';
import { createSelector } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { Party } from '../../model/snapshots';
import { callsFeature } from '../calls/calls.feature';
import { escalationFeature, type EscalationPerson, type SupervisorRequest } from './escalation.feature';

/** One person's row in the active call panel: how far bringing them in got, in words. */
export interface EscalationRowViewModel {
  readonly personId: string;
  readonly name: string;
  /** The state chip: Preparing, Chat, Adding, Calling, Ringing, Joined, Failed. */
  readonly chip: string;
  readonly tone: 'progress' | 'done' | 'failed';
  /** "Adding Sam Okafor to the chat…", "Failed: Sam Okafor is busy." */
  readonly text: string;
  readonly failure: Failure | null;
  /** Finished or failed: the agent may put the row away. */
  readonly dismissable: boolean;
}

/** What became of asking a supervisor, in words. */
export interface SupervisorNoticeViewModel {
  readonly text: string;
  readonly tone: 'progress' | 'done' | 'failed';
  /** The request to cancel while supervisors see it. */
  readonly cancelRequestId: string | null;
  readonly dismissable: boolean;
}

export interface EscalationPanelViewModel {
  readonly callId: string;
  /** A connected 1:1 call: Escalate opens the dialog. */
  readonly canEscalate: boolean;
  /** A connected call with no request under way: Ask supervisor. */
  readonly canAskSupervisor: boolean;
  readonly rows: readonly EscalationRowViewModel[];
  readonly supervisor: SupervisorNoticeViewModel | null;
  /** Someone removed from the call could not be taken out of its chat. */
  readonly chatFailure: Failure | null;
}

export function escalationRow(person: EscalationPerson): EscalationRowViewModel {
  const { name } = person;
  const row = (chip: string, text: string, tone: EscalationRowViewModel['tone'] = 'progress') => ({
    personId: person.personId,
    name,
    chip,
    tone,
    text,
    failure: person.failure,
    dismissable: tone !== 'progress',
  });
  switch (person.status) {
    case 'preparing':
      return row('Preparing', `Getting the call’s chat ready for ${name}…`);
    case 'threadEnsured':
      return person.kind === 'microsoftTeamsUser'
        ? row('Chat', `Adding ${name} to the chat…`)
        : row('Adding', `Adding ${name} to the call…`);
    case 'memberAdded':
      return row('Adding', `Adding ${name} to the call…`);
    case 'participantAdded':
      return row('Calling', `Calling ${name}…`);
    case 'ringing':
      return row('Ringing', `Ringing ${name}…`);
    case 'connected':
      return row('Joined', `${name} joined the call.`, 'done');
    case 'failed':
      return row('Failed', `Failed: ${person.failure?.message ?? `${name} was not added.`}`, 'failed');
  }
}

/** The supervisor notice; gone once the supervisor's own row tells how joining went. */
export function supervisorNotice(
  request: SupervisorRequest | undefined,
  rows: readonly EscalationPerson[],
): SupervisorNoticeViewModel | null {
  switch (request?.status) {
    case undefined:
      return null;
    case 'asking':
      return { text: 'Asking a supervisor…', tone: 'progress', cancelRequestId: null, dismissable: false };
    case 'open':
      return {
        text: 'Asking a supervisor…',
        tone: 'progress',
        cancelRequestId: request.requestId,
        dismissable: false,
      };
    case 'failed':
      return {
        text: request.message ?? 'No supervisor could be asked.',
        tone: 'failed',
        cancelRequestId: null,
        dismissable: true,
      };
    case 'expired':
      return {
        text: 'No supervisor joined within a minute.',
        tone: 'failed',
        cancelRequestId: null,
        dismissable: true,
      };
    case 'joining': {
      const row = rows.find((p) => request.supervisorId && p.personId.endsWith(`:${request.supervisorId}`));
      if (row && (row.status === 'connected' || row.status === 'failed')) return null;
      return {
        text: `${request.supervisorName ?? 'A supervisor'} is joining.`,
        tone: 'progress',
        cancelRequestId: null,
        dismissable: false,
      };
    }
  }
}

const UNDER_WAY: ReadonlySet<SupervisorRequest['status']> = new Set(['asking', 'open', 'joining']);

/** The escalation controls and progress of the call the agent is on; null without one. */
export const selectEscalationPanelViewModel = createSelector(
  callsFeature.selectActiveCall,
  escalationFeature.selectAllPeople,
  escalationFeature.selectRequests,
  escalationFeature.selectChatFailures,
  (call, people, requests, chatFailures): EscalationPanelViewModel | null => {
    if (!call) return null;
    const ofCall = people.filter((p) => p.callId === call.id);
    const request = requests[call.id];
    const connected = call.state === 'Connected';
    return {
      callId: call.id,
      canEscalate: connected && call.kind === 'oneToOne' && !!call.counterpart?.identity,
      canAskSupervisor: connected && call.kind !== 'meeting' && !(request && UNDER_WAY.has(request.status)),
      rows: ofCall.map(escalationRow),
      supervisor: supervisorNotice(request, ofCall),
      chatFailure: chatFailures[call.id] ?? null,
    };
  },
);

/** Who muted the agent on the active call, when the floor said so; null otherwise. */
export const selectActiveCallMutedBy = createSelector(
  callsFeature.selectActiveCall,
  floorSessionFeature.selectMutedBy,
  (call, mutedBy): string | null => (call ? (mutedBy[call.id] ?? null) : null),
);

/** The last ended call, when the agent left it and it went on: with whom. */
export const selectLeftCallOthers = createSelector(
  callsFeature.selectLastEnded,
  escalationFeature.selectLeft,
  (ended, left): readonly Party[] | null => (ended && left?.callId === ended.id ? left.others : null),
);
