import { createSelector } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { ConversationKind, Party } from '../../model/snapshots';
import { addPeoplePermission, permissionFor, type Permission } from '../calls/capability-permission';
import { callsFeature, type CallEntry } from '../calls/calls.feature';
import { floorSessionFeature } from '../floor/floor-session.feature';
import {
  participantsFeature,
  selectActiveCallParticipants,
  type ParticipantEntry,
} from './participants.feature';

/** Why neither Mute nor Remove applies, when the call's kind is the reason. */
const NOT_IN_ONE_TO_ONE: Record<ConversationKind, string> = {
  oneToOne: 'Muting and removing others is for group calls and meetings, not a one-to-one call.',
  group: 'This group call does not let you mute or remove others.',
  meeting: 'This meeting does not let you mute or remove others.',
};

/** Roles worth a chip: the people who run a meeting. */
const ROLE_LABELS: Record<string, string> = {
  Organizer: 'Organizer',
  'Co-organizer': 'Co-organizer',
  Presenter: 'Presenter',
};

/**
 * One line saying why a roster control is unavailable. `key` names the line within one roster: the
 * screen makes it a DOM id of its own (two rosters on a page must not share ids).
 */
export interface RosterReason {
  readonly key: 'add' | 'mute' | 'remove' | 'muteAndRemove';
  readonly text: string;
}

/**
 * A roster button: `enabled` it can be clicked now; `interactive` it stays focusable while
 * disabled, because the call does not allow it (so its reason can be read; otherwise it only waits
 * for the SDK or for someone to act on); `reason` the line that says why not.
 */
export interface RosterControl {
  readonly enabled: boolean;
  readonly interactive: boolean;
  readonly reason: RosterReason['key'] | null;
}

export interface ParticipantRowViewModel {
  readonly participantId: string;
  /** Who they are, for naming them on screen. */
  readonly party: Party;
  readonly state: ParticipantEntry['state'];
  /** "Organizer", "Co-organizer", "Presenter"; null for anyone else. */
  readonly role: string | null;
  readonly isMuted: boolean;
  /** Who muted them, when the floor said so ("Sam Okafor"); null when nobody said. */
  readonly mutedBy: string | null;
  readonly isSpeaking: boolean;
  readonly cameraOn: boolean;
  readonly mute: RosterControl;
  readonly remove: RosterControl;
  /** Why Mute or Remove failed on them, with the SDK's code. */
  readonly failure: Failure | null;
}

/** The roster of one call, as the agent sees it: who is in it and what the agent may do to each. */
export interface ParticipantListViewModel {
  readonly callId: string;
  readonly participants: readonly ParticipantRowViewModel[];
  readonly add: RosterControl;
  readonly muteAll: RosterControl;
  /** Why Add participant, Mute or Remove are unavailable: one line each, or one for Mute and Remove. */
  readonly reasons: readonly RosterReason[];
  readonly muteAllFailure: Failure | null;
}

function control(
  enabled: boolean,
  permission: Permission,
  reason: RosterReason['key'] | null,
): RosterControl {
  return { enabled, interactive: !permission.allowed, reason };
}

/**
 * Why Mute and Remove are unavailable, one line each, and the line each button points to. In a
 * 1:1 call neither applies: one line says so for both.
 */
function restrictions(call: CallEntry, mute: Permission, remove: Permission) {
  const notApplicable = (name: 'muteOthers' | 'removeParticipant') =>
    call.capabilities?.[name]?.reason === 'CapabilityNotApplicableForTheCallType';
  if (!mute.allowed && !remove.allowed && notApplicable('muteOthers') && notApplicable('removeParticipant')) {
    return {
      mute: 'muteAndRemove' as const,
      remove: 'muteAndRemove' as const,
      lines: [{ key: 'muteAndRemove' as const, text: NOT_IN_ONE_TO_ONE[call.kind] }],
    };
  }
  return {
    mute: mute.reason ? ('mute' as const) : null,
    remove: remove.reason ? ('remove' as const) : null,
    lines: [
      ...(mute.reason ? [{ key: 'mute' as const, text: mute.reason }] : []),
      ...(remove.reason ? [{ key: 'remove' as const, text: remove.reason }] : []),
    ],
  };
}

/** The permission matrix: what the call's capabilities, its kind and each participant's state allow. */
/** Why Mute waits while ACS's mute limit holds (docs/acs-codes.md, 429). */
export const MUTE_LIMIT_REASON =
  'ACS allows 15 mute requests in 30 seconds: Mute comes back within 30 seconds.';

export function participantListViewModel(
  call: CallEntry,
  roster: readonly ParticipantEntry[],
  mutedBy: Readonly<Record<string, string>> = {},
  muteLimited = false,
): ParticipantListViewModel {
  const allowed = permissionFor(call.capabilities, 'muteOthers', call.kind);
  const mute: Permission =
    muteLimited && allowed.allowed ? { allowed: false, reason: MUTE_LIMIT_REASON } : allowed;
  const remove = permissionFor(call.capabilities, 'removeParticipant', call.kind);
  const add = addPeoplePermission(call.capabilities, call.kind);
  const why = restrictions(call, mute, remove);
  const mutingAll = call.pending === 'muteAllRemoteParticipants';
  const failure = call.failure;
  return {
    callId: call.id,
    participants: roster.map((p) => ({
      participantId: p.participantId,
      party: { identity: p.identity, displayName: p.displayName },
      state: p.state,
      role: ROLE_LABELS[p.role] ?? null,
      isMuted: p.isMuted,
      mutedBy: p.isMuted ? (mutedBy[p.identity.rawId] ?? null) : null,
      isSpeaking: p.isSpeaking,
      cameraOn: p.videoStreams.some((stream) => stream.mediaStreamType === 'Video' && stream.isAvailable),
      // Only someone connected and unmuted can be muted; the SDK has no remote unmute.
      mute: control(
        mute.allowed && p.pending === null && p.state === 'Connected' && !p.isMuted,
        mute,
        why.mute,
      ),
      remove: control(remove.allowed && p.pending === null && p.state !== 'Disconnected', remove, why.remove),
      failure: p.failure,
    })),
    add: control(add.allowed, add, add.allowed ? null : 'add'),
    muteAll: control(
      mute.allowed && !mutingAll && roster.some((p) => p.state === 'Connected' && !p.isMuted),
      mute,
      why.mute,
    ),
    reasons: [...(add.reason ? [{ key: 'add' as const, text: add.reason }] : []), ...why.lines],
    muteAllFailure: failure?.operation === 'muteAllRemoteParticipants' ? failure : null,
  };
}

const selectRosterOf = (callId: string) =>
  createSelector(participantsFeature.selectAllParticipants, (participants) =>
    participants.filter((participant) => participant.callId === callId),
  );

const selectMutedByIn = (callId: string | undefined) =>
  createSelector(floorSessionFeature.selectParticipantsMutedBy, (all) => (callId ? all[callId] : undefined));

/** The roster of one call, as the participant list shows it; null once the call is gone. */
export const selectParticipantListViewModel = (callId: string) =>
  createSelector(
    callsFeature.selectEntities,
    selectRosterOf(callId),
    selectMutedByIn(callId),
    callsFeature.selectMuteLimited,
    (calls, roster, mutedBy, muteLimited): ParticipantListViewModel | null => {
      const call = calls[callId];
      return call ? participantListViewModel(call, roster, mutedBy, muteLimited) : null;
    },
  );

/** The roster of the call the agent is on, as the active call panel shows it. */
export const selectActiveParticipantListViewModel = createSelector(
  callsFeature.selectActiveCall,
  selectActiveCallParticipants,
  floorSessionFeature.selectParticipantsMutedBy,
  callsFeature.selectMuteLimited,
  (call, roster, mutedBy, muteLimited): ParticipantListViewModel | null =>
    call ? participantListViewModel(call, roster, mutedBy[call.id], muteLimited) : null,
);
