import type { Action } from '@ngrx/store';
import type { CallCapabilities } from '../../model/snapshots';
import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { callsFeature } from '../calls/calls.feature';
import { call, participant } from '../testing/snapshots';
import { MuteLimitActions } from '../calls/mute-limit.actions';
import {
  MUTE_LIMIT_REASON,
  selectActiveParticipantListViewModel,
  selectParticipantListViewModel,
  type ParticipantListViewModel,
} from './participant-list.view-model';
import { participantsFeature } from './participants.feature';
import { FloorApiActions } from '../floor/floor-api.actions';
import { floorSessionFeature } from '../floor/floor-session.feature';
import { RosterActions } from './roster.actions';

/** The root state the roster reads, after the actions, through the real reducers. */
function stateAfter(...actions: Action[]) {
  return {
    calls: actions.reduce(callsFeature.reducer, callsFeature.reducer(undefined, { type: 'init' })),
    participants: actions.reduce(
      participantsFeature.reducer,
      participantsFeature.reducer(undefined, { type: 'init' }),
    ),
    floorSession: actions.reduce(
      floorSessionFeature.reducer,
      floorSessionFeature.reducer(undefined, { type: 'init' }),
    ),
  };
}

const drew = participant('c', '8:orgid:drew', {
  identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:drew' },
  displayName: 'Drew Lee',
  role: 'Organizer',
});
const dana = participant('c');

function rosterOf(
  capabilities: CallCapabilities | null,
  kind: 'oneToOne' | 'group' | 'meeting',
  ...more: Action[]
) {
  return selectActiveParticipantListViewModel(
    stateAfter(
      CallingSdkEvents.callAdded({ call: call('c', { kind, capabilities }) }),
      CallingSdkEvents.participantsAdded({ callId: 'c', participants: [drew, dana] }),
      ...more,
    ),
  )!;
}

const row = (roster: ParticipantListViewModel, participantId: string) =>
  roster.participants.find((p) => p.participantId === participantId)!;

const notApplicable = { isPresent: false, reason: 'CapabilityNotApplicableForTheCallType' } as const;
const capable = { isPresent: true, reason: 'Capable' } as const;
const roleRestricted = { isPresent: false, reason: 'RoleRestricted' } as const;

describe('the participant list view-model', () => {
  it('disables Mute and Remove in a 1:1 call, with one reason for both', () => {
    const roster = rosterOf({ muteOthers: notApplicable, removeParticipant: notApplicable }, 'oneToOne');
    expect(roster.reasons).toEqual([
      {
        key: 'muteAndRemove',
        text: 'Muting and removing others is for group calls and meetings, not a one-to-one call.',
      },
    ]);
    expect(row(roster, dana.participantId).mute).toEqual({
      enabled: false,
      interactive: true,
      reason: 'muteAndRemove',
    });
    expect(row(roster, dana.participantId).remove.reason).toBe('muteAndRemove');
    expect(roster.muteAll).toEqual({ enabled: false, interactive: true, reason: 'muteAndRemove' });
    expect(roster.add).toEqual({ enabled: true, interactive: false, reason: null });
  });

  it('says why a meeting attendee may not add, mute or remove, one line each', () => {
    const roster = rosterOf(
      {
        muteOthers: roleRestricted,
        removeParticipant: roleRestricted,
        addTeamsUser: roleRestricted,
        addPhoneNumber: roleRestricted,
      },
      'meeting',
    );
    expect(roster.reasons).toEqual([
      { key: 'add', text: 'Only the organizer and presenters can add people to this meeting.' },
      { key: 'mute', text: 'Only the organizer and presenters can mute other people in this meeting.' },
      { key: 'remove', text: 'Only the organizer and presenters can remove people from this meeting.' },
    ]);
    expect(roster.add).toEqual({ enabled: false, interactive: true, reason: 'add' });
    const organizer = row(roster, drew.participantId);
    expect(organizer.role).toBe('Organizer');
    expect(organizer.mute).toEqual({ enabled: false, interactive: true, reason: 'mute' });
    expect(organizer.remove).toEqual({ enabled: false, interactive: true, reason: 'remove' });
  });

  it('leaves every control enabled while the call has not said what it allows', () => {
    const roster = rosterOf(null, 'group');
    expect(roster.reasons).toEqual([]);
    expect(roster.add.enabled).toBeTrue();
    expect(roster.muteAll.enabled).toBeTrue();
    expect(row(roster, drew.participantId).mute).toEqual({ enabled: true, interactive: false, reason: null });
    expect(row(roster, drew.participantId).remove.enabled).toBeTrue();
  });

  it('waits for the SDK after Mute, and offers no Mute for someone muted (there is no remote unmute)', () => {
    const caps = { muteOthers: capable, removeParticipant: capable };
    const clicked = rosterOf(
      caps,
      'group',
      RosterActions.muteClicked({ callId: 'c', participantId: dana.participantId }),
    );
    expect(row(clicked, dana.participantId).mute).toEqual({
      enabled: false,
      interactive: false,
      reason: null,
    });
    expect(row(clicked, dana.participantId).remove.enabled).toBeFalse();

    const muted = rosterOf(
      caps,
      'group',
      CallingSdkEvents.participantsChanged({
        changes: [{ callId: 'c', participantId: dana.participantId, changes: { isMuted: true } }],
      }),
    );
    expect(row(muted, dana.participantId).isMuted).toBeTrue();
    expect(row(muted, dana.participantId).mute.enabled).toBeFalse();
    expect(row(muted, dana.participantId).remove.enabled).toBeTrue();
  });

  it('disables Mute and Mute all others while ACS’s mute limit holds, saying why', () => {
    const caps = { muteOthers: capable, removeParticipant: capable };
    const refused = CallingApiActions.participantOperationFailed({
      callId: 'c',
      participantId: drew.participantId,
      operation: 'muteParticipant',
      failure: { message: 'Too many mute requests in a short time.', code: 429 },
    });
    const limited = rosterOf(caps, 'group', refused);
    expect(row(limited, dana.participantId).mute.enabled).toBeFalse();
    expect(limited.muteAll.enabled).toBeFalse();
    expect(limited.reasons).toContain({ key: 'mute', text: MUTE_LIMIT_REASON });
    expect(row(limited, dana.participantId).remove.enabled).toBeTrue();
    const lifted = rosterOf(caps, 'group', refused, MuteLimitActions.lifted());
    expect(row(lifted, dana.participantId).mute.enabled).toBeTrue();
    expect(lifted.reasons).toEqual([]);
  });

  it('says who muted a participant when the floor said so, while they stay muted', () => {
    const caps = { muteOthers: capable, removeParticipant: capable };
    const sam = { id: 'sam', displayName: 'Sam Okafor' };
    const mutedBySam = FloorApiActions.participantMutedBy({
      callId: 'c',
      participantRawId: drew.identity.rawId,
      by: sam,
    });
    const mute = (isMuted: boolean) =>
      CallingSdkEvents.participantsChanged({
        changes: [{ callId: 'c', participantId: drew.participantId, changes: { isMuted } }],
      });
    expect(row(rosterOf(caps, 'group', mute(true)), drew.participantId).mutedBy).toBeNull();
    const muted = rosterOf(caps, 'group', mute(true), mutedBySam);
    expect(row(muted, drew.participantId).mutedBy).toBe('Sam Okafor');
    expect(row(muted, dana.participantId).mutedBy).toBeNull();
    expect(
      row(rosterOf(caps, 'group', mute(true), mutedBySam, mute(false)), drew.participantId).mutedBy,
    ).toBeNull();
    const byMe = CallingApiActions.participantOperationSucceeded({
      callId: 'c',
      participantId: drew.participantId,
      operation: 'muteParticipant',
    });
    expect(row(rosterOf(caps, 'group', byMe, mute(true)), drew.participantId).mutedBy).toBe('you');
  });

  it('disables Mute all others while it runs or when nobody connected is unmuted, and shows its failure', () => {
    const caps = { muteOthers: capable };
    expect(
      rosterOf(caps, 'group', RosterActions.muteAllOthersClicked({ callId: 'c' })).muteAll.enabled,
    ).toBeFalse();
    const everyoneMuted = rosterOf(
      caps,
      'group',
      CallingSdkEvents.participantsChanged({
        changes: [
          { callId: 'c', participantId: dana.participantId, changes: { isMuted: true } },
          { callId: 'c', participantId: drew.participantId, changes: { state: 'Ringing' } },
        ],
      }),
    );
    expect(everyoneMuted.muteAll.enabled).toBeFalse();

    const failure = { message: 'Muting everyone else failed. Try again.', code: 500 };
    const failed = rosterOf(
      caps,
      'group',
      RosterActions.muteAllOthersClicked({ callId: 'c' }),
      CallingApiActions.callOperationFailed({ callId: 'c', operation: 'muteAllRemoteParticipants', failure }),
    );
    expect(failed.muteAll.enabled).toBeTrue();
    expect(failed.muteAllFailure).toEqual(jasmine.objectContaining(failure));
  });

  it('shows who has their camera on and who is speaking', () => {
    const roster = rosterOf(
      null,
      'meeting',
      CallingSdkEvents.participantsChanged({
        changes: [
          {
            callId: 'c',
            participantId: drew.participantId,
            changes: {
              isSpeaking: true,
              videoStreams: [{ id: 1, mediaStreamType: 'Video', isAvailable: true }],
            },
          },
        ],
      }),
    );
    expect(row(roster, drew.participantId)).toEqual(
      jasmine.objectContaining({ isSpeaking: true, cameraOn: true }),
    );
    expect(row(roster, dana.participantId)).toEqual(
      jasmine.objectContaining({ isSpeaking: false, cameraOn: false, role: null }),
    );
  });

  it('reads any call’s roster by its id, and nothing once it has ended', () => {
    const state = stateAfter(
      CallingSdkEvents.callAdded({ call: call('c', { kind: 'group' }) }),
      CallingSdkEvents.callAdded({ call: call('held', { kind: 'group', state: 'LocalHold' }) }),
      CallingSdkEvents.participantsAdded({ callId: 'held', participants: [participant('held')] }),
    );
    expect(
      selectParticipantListViewModel('held')(state)?.participants.map((p) => p.party.displayName),
    ).toEqual(['Dana Smith']);
    expect(selectParticipantListViewModel('c')(state)?.participants).toEqual([]);
    expect(selectParticipantListViewModel('gone')(state)).toBeNull();
  });
});
