import { createSelector } from '@ngrx/store';
import type { Party } from '../../model/snapshots';
import { callsFeature, type CallEntry } from '../calls/calls.feature';
import { participantsFeature, type ParticipantEntry } from './participants.feature';

/** A call with what its roster says about it: how to name it, and whether it has a phone party. */
export interface CallSummary {
  readonly call: CallEntry;
  /** Everyone in the call who has not left, the agent included. */
  readonly peopleCount: number;
  /** The first few other parties still in the call, for naming a group call. */
  readonly others: readonly Party[];
  /** A phone number takes part: the call can send DTMF tones. */
  readonly hasPhoneParty: boolean;
  /** The most dominant speaker still in the call (`Features.DominantSpeakers`), if any. */
  readonly dominantSpeaker: Party | null;
}

/** How many other parties a summary names. */
export const NAMED_OTHERS = 3;

const present = (participant: ParticipantEntry) => participant.state !== 'Disconnected';

function dominantSpeaker(call: CallEntry, inCall: readonly ParticipantEntry[]): Party | null {
  const [first] = call.dominantSpeakers;
  const speaker = first === undefined ? undefined : inCall.find((p) => p.participantId === first);
  return speaker ? { identity: speaker.identity, displayName: speaker.displayName } : null;
}

/**
 * A 1:1 call is named after the one other party in it. That is the caller or callee it started
 * with, until a transfer puts someone else on the line (the consult call a colleague completes
 * goes on with the caller): then it is named after whoever is there now.
 */
function withCounterpartNow(call: CallEntry, inCall: readonly ParticipantEntry[]): CallEntry {
  const [only, ...more] = inCall;
  if (call.kind !== 'oneToOne' || !only || more.length > 0) return call;
  if (call.counterpart?.identity?.rawId === only.identity.rawId) return call;
  if (!call.counterpart?.identity) return call;
  return { ...call, counterpart: { identity: only.identity, displayName: only.displayName } };
}

function summarize(call: CallEntry, roster: readonly ParticipantEntry[]): CallSummary {
  const inCall = roster.filter(present);
  return {
    call: withCounterpartNow(call, inCall),
    peopleCount: inCall.length + 1,
    others: inCall.slice(0, NAMED_OTHERS).map(({ identity, displayName }) => ({ identity, displayName })),
    hasPhoneParty: inCall.some((participant) => participant.identity.kind === 'phoneNumber'),
    dominantSpeaker: dominantSpeaker(call, inCall),
  };
}

const selectRosters = createSelector(participantsFeature.selectAllParticipants, (participants) => {
  const rosters = new Map<string, ParticipantEntry[]>();
  for (const participant of participants) {
    const roster = rosters.get(participant.callId);
    if (roster) roster.push(participant);
    else rosters.set(participant.callId, [participant]);
  }
  return rosters;
});

export const selectActiveCallSummary = createSelector(
  callsFeature.selectActiveCall,
  selectRosters,
  (call, rosters): CallSummary | null => (call ? summarize(call, rosters.get(call.id) ?? []) : null),
);

export const selectHeldCallSummaries = createSelector(
  callsFeature.selectHeldCalls,
  selectRosters,
  (calls, rosters): CallSummary[] => calls.map((call) => summarize(call, rosters.get(call.id) ?? [])),
);
