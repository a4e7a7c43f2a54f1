import { createSelector } from '@ngrx/store';
import {
  MAX_CALLS,
  MAX_PARTICIPANTS,
  type AgentState,
  type FloorCall,
  type FloorCallState,
} from '../../../../server/floor/floor-protocol';
import type { Party } from '../../model/snapshots';
import { callsFeature, type CallEntry } from '../calls/calls.feature';
import { participantsFeature, type ParticipantEntry } from '../participants/participants.feature';
import { selectQueuedCalls, type QueuedCall } from '../queue/queue.feature';
import { presenceFeature, selectEffectivePresence } from '../presence/presence.feature';

/** Changes within this time make one report. */
export const REPORT_DEBOUNCE_MS = 100;

/** What this console reports to the floor, but for `since` (`selectFloorReport` adds it). */
export interface FloorReportBody {
  readonly state: AgentState;
  readonly calls: readonly FloorCall[];
}

export interface FloorReport extends FloorReportBody {
  /** When the user entered `state` (epoch ms); null until the console has counted it. */
  readonly since: number | null;
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** A name to show, never a raw id: the display name, else the phone number, else what it is. */
function nameOf(party: Pick<Party, 'displayName' | 'identity'>): string {
  if (party.displayName) return party.displayName;
  if (party.identity?.phoneNumber) return party.identity.phoneNumber;
  return party.identity?.kind === 'microsoftTeamsUser' ? 'Teams user' : 'Unknown participant';
}

function caller(party: Party): FloorCall['caller'] {
  return {
    displayName: party.displayName,
    phoneNumber: party.identity?.phoneNumber ?? null,
    rawId: party.identity?.rawId ?? 'unknown',
  };
}

/** When the call entered its state, as far as the store knows: connected, put on hold, or started. */
function since(call: CallEntry): number {
  if (call.state === 'LocalHold') return call.changedAt;
  if (call.state === 'Connected' || call.state === 'RemoteHold') return call.connectedAt ?? call.startedAt;
  return call.startedAt;
}

function liveCall(call: CallEntry & { serverCallId: string }, participants: ParticipantEntry[]): FloorCall {
  return {
    key: call.serverCallId,
    caller: caller(call.counterpart ?? call.caller),
    queue: call.queue,
    state: call.state as FloorCallState,
    since: iso(since(call)),
    onHold: call.state === 'LocalHold' || call.state === 'RemoteHold',
    // A meeting may hold hundreds; the floor takes the first names and refuses a longer list.
    participants: participants
      .filter((p) => p.callId === call.id)
      .slice(0, MAX_PARTICIPANTS)
      .map(nameOf),
  };
}

function ringingCall(call: QueuedCall & { serverCallId: string }): FloorCall {
  return {
    key: call.serverCallId,
    caller: caller(call.caller),
    queue: call.queue,
    state: 'Ringing',
    since: iso(call.receivedAt),
    onHold: false,
    participants: [nameOf(call.caller)],
  };
}

const hasKey = <T extends { serverCallId: string | null }>(call: T): call is T & { serverCallId: string } =>
  call.serverCallId !== null;

/**
 * The user's state and calls as the floor wants them: the effective presence (on a call while any
 * call is live, else after-call work, else what the agent chose); every call the SDK has given a
 * server id (the floor's key; the others join once it is known), live ones first, then those ringing.
 */
export const selectFloorReportBody = createSelector(
  selectEffectivePresence,
  callsFeature.selectAllCalls,
  selectQueuedCalls,
  participantsFeature.selectAllParticipants,
  (state, calls, queued, participants): FloorReportBody => {
    const live = calls.filter(hasKey).map((call) => liveCall(call, participants));
    const keys = new Set(live.map((call) => call.key));
    const ringing = queued
      .filter(hasKey)
      .filter((call) => !keys.has(call.serverCallId))
      .map(ringingCall);
    return { state, calls: [...live, ...ringing].slice(0, MAX_CALLS) };
  },
);

/** The report with the time the state was entered, once the presence has counted it. */
export const selectFloorReport = createSelector(
  selectFloorReportBody,
  presenceFeature.selectEntered,
  presenceFeature.selectSince,
  (body, entered, since): FloorReport => ({ ...body, since: entered === body.state ? since : null }),
);
