import { MUTE_LIMIT_REASON } from '../../state/participants/participant-list.view-model';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import type { CallCapabilities, ConversationKind } from '../../model/snapshots';
import { CallingApiActions } from '../../state/calling-api.actions';
import { RosterActions } from '../../state/participants/roster.actions';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { call, participant } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { PARTICIPANT_STATES, participantStateLabel } from '../../shared/call-state-label';
import { ActiveCallPanelComponent } from './active-call-panel.component';
import { ParticipantListHarness } from './participant-list.harness';

const drew = participant('m', '8:orgid:drew', {
  identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:drew' },
  displayName: 'Drew Lee',
  role: 'Organizer',
});
const dana = participant('m');

/** The roster inside the active call panel, as the agent uses it. */
describe('ParticipantListComponent in the active call', () => {
  async function onACall(capabilities: CallCapabilities | null, kind: ConversationKind = 'meeting') {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(ActiveCallPanelComponent);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    store.dispatch(CallingSdkEvents.callAdded({ call: call('m', { kind, capabilities }) }));
    store.dispatch(CallingSdkEvents.participantsAdded({ callId: 'm', participants: [drew, dana] }));
    const roster = await TestbedHarnessEnvironment.loader(fixture).getHarness(ParticipantListHarness);
    return { fixture, store, roster, dispatched };
  }

  it('mutes and removes one participant, waiting for the SDK before allowing it again', async () => {
    const { store, roster, dispatched } = await onACall({
      muteOthers: { isPresent: true, reason: 'Capable' },
      removeParticipant: { isPresent: true, reason: 'Capable' },
    });
    const row = await roster.getParticipant('Dana Smith');
    await row.mute();
    await row.remove();
    expect(dispatched).toContain(RosterActions.muteClicked({ callId: 'm', participantId: '4:+14255550123' }));
    expect(dispatched).not.toContain(
      RosterActions.removeClicked({ callId: 'm', participantId: '4:+14255550123' }),
    );
    expect(await row.canMute()).toBeFalse();

    store.dispatch(
      CallingApiActions.participantOperationSucceeded({
        callId: 'm',
        participantId: '4:+14255550123',
        operation: 'muteParticipant',
      }),
    );
    store.dispatch(
      CallingSdkEvents.participantsChanged({
        changes: [{ callId: 'm', participantId: '4:+14255550123', changes: { isMuted: true } }],
      }),
    );
    expect(await row.getChips()).toEqual(['Connected', 'Muted by you']);
    expect(await row.canMute()).toBeFalse(); // the SDK cannot unmute someone else
    expect(await row.canRemove()).toBeTrue();
    await row.remove();
    expect(dispatched).toContain(
      RosterActions.removeClicked({ callId: 'm', participantId: '4:+14255550123' }),
    );
  });

  it('disables Add participant, Mute, Remove and Mute all others, saying why, for a meeting attendee', async () => {
    const { roster } = await onACall({
      muteOthers: { isPresent: false, reason: 'RoleRestricted' },
      removeParticipant: { isPresent: false, reason: 'RoleRestricted' },
      addTeamsUser: { isPresent: false, reason: 'RoleRestricted' },
      addPhoneNumber: { isPresent: false, reason: 'RoleRestricted' },
    });
    expect(await roster.canAddParticipant()).toBeFalse();
    expect(await roster.getReasons()).toEqual([
      'Only the organizer and presenters can add people to this meeting.',
      'Only the organizer and presenters can mute other people in this meeting.',
      'Only the organizer and presenters can remove people from this meeting.',
    ]);
    expect(await roster.canMuteAllOthers()).toBeFalse();
    const row = await roster.getParticipant('Drew Lee');
    expect(await row.canMute()).toBeFalse();
    expect(await row.canRemove()).toBeFalse();
    expect(await row.getChips()).toEqual(['Connected', 'Organizer']);
  });

  it('says once, in a 1:1 call, that muting and removing others do not apply', async () => {
    const notApplicable = { isPresent: false, reason: 'CapabilityNotApplicableForTheCallType' } as const;
    const { roster } = await onACall(
      { muteOthers: notApplicable, removeParticipant: notApplicable },
      'oneToOne',
    );
    expect(await roster.getReasons()).toEqual([
      'Muting and removing others is for group calls and meetings, not a one-to-one call.',
    ]);
    expect(await roster.canMuteAllOthers()).toBeFalse();
    expect(await (await roster.getParticipant('Dana Smith')).canRemove()).toBeFalse();
  });

  it('opens the Add participant dialog for the call', async () => {
    const { roster, fixture } = await onACall({ addTeamsUser: { isPresent: true, reason: 'Capable' } });
    await roster.addParticipant();
    const dialogs =
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getAllHarnesses(MatDialogHarness);
    expect(dialogs.length).toBe(1);
    await dialogs[0].close();
  });

  it('offers the controls while the call has not said what it allows', async () => {
    const { roster } = await onACall(null, 'group');
    expect(await roster.getReasons()).toEqual([]);
    expect(await roster.canAddParticipant()).toBeTrue();
    expect(await roster.canMuteAllOthers()).toBeTrue();
    expect(await (await roster.getParticipant('Drew Lee')).canRemove()).toBeTrue();
  });

  it('says why Mute all others failed, with the code, holds Mute while ACS’s limit lasts, and why one participant could not be muted', async () => {
    const { store, roster, dispatched } = await onACall({
      muteOthers: { isPresent: true, reason: 'Capable' },
    });
    await roster.muteAllOthers();
    expect(dispatched).toContain(RosterActions.muteAllOthersClicked({ callId: 'm' }));
    expect(await roster.canMuteAllOthers()).toBeFalse();
    const throttled = {
      message: 'Too many mute requests in a short time. Wait a few seconds and try again.',
      code: 429,
    };
    store.dispatch(
      CallingApiActions.callOperationFailed({
        callId: 'm',
        operation: 'muteAllRemoteParticipants',
        failure: throttled,
      }),
    );
    expect(await roster.getMuteAllFailure()).toBe(
      'Too many mute requests in a short time. Wait a few seconds and try again. (code 429)',
    );
    // ACS's limit holds for its window: Mute waits, and says why.
    expect(await roster.canMuteAllOthers()).toBeFalse();
    expect(await roster.getReasons()).toContain(MUTE_LIMIT_REASON);

    store.dispatch(
      CallingApiActions.participantOperationFailed({
        callId: 'm',
        participantId: '8:orgid:drew',
        operation: 'muteParticipant',
        failure: throttled,
      }),
    );
    const failure = await (await roster.getParticipant('Drew Lee')).getFailure();
    expect(await failure?.getCode()).toBe('429');
  });

  it('says every participant state in words', async () => {
    const { store, roster } = await onACall(null);
    const seen: string[] = [];
    for (const state of PARTICIPANT_STATES) {
      store.dispatch(
        CallingSdkEvents.participantsChanged({
          changes: [{ callId: 'm', participantId: '8:orgid:drew', changes: { state } }],
        }),
      );
      seen.push((await (await roster.getParticipant('Drew Lee')).getChips())[0]);
    }
    expect(seen).toEqual(PARTICIPANT_STATES.map(participantStateLabel));
  });
});
