import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import type { Party } from '../../model/snapshots';
import { CallingApiActions } from '../../state/calling-api.actions';
import { ActiveCallPanelActions } from '../../state/calls/active-call-panel.actions';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { call, participant } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { CALL_STATES, callStateLabel } from '../../shared/call-state-label';
import { FailureMessageHarness } from '../../shared/failure-message.harness';
import { ActiveCallCardHarness } from './active-call-card.harness';
import { ActiveCallPanelComponent } from './active-call-panel.component';
import { DtmfKeypadHarness } from './dtmf-keypad.harness';
import { ParticipantListHarness } from './participant-list.harness';

const nobody: Party = { identity: null, displayName: null };

function teamsUser(callId: string, key: string, displayName: string) {
  return participant(callId, `8:orgid:${key}`, {
    identity: { kind: 'microsoftTeamsUser', rawId: `8:orgid:${key}` },
    displayName,
  });
}

describe('ActiveCallPanelComponent', () => {
  const now = signal(0);

  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState(now) });
    const fixture = TestBed.createComponent(ActiveCallPanelComponent);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    const button = (name: string) => loader.getHarness(MatButtonHarness.with({ text: name }));
    const card = () => loader.getHarness(ActiveCallCardHarness);
    await fixture.whenStable();
    return { fixture, store, loader, text, button, card, dispatched };
  }

  it('invites the agent to take a call when there is none', async () => {
    const { text } = await setUp();
    expect(text()).toContain('No active call. Accept a call from the queue.');
  });

  it('shows the caller, the queue, the state in words, and the duration since connecting', async () => {
    const { fixture, store, text, card } = await setUp();
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('c1', { state: 'Connecting', startedAt: 1_000 }) }),
    );
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'c1', state: 'Connected', at: 2_000 }));
    now.set(65_000);
    await fixture.whenStable();
    expect(await (await card()).getTitle()).toBe('Dana Smith +1 (425) 555-0123');
    expect(await (await card()).getDetail()).toBe('Incoming call via Billing');
    expect(text()).toContain('Call state: Connected');
    expect(text()).toContain('Call duration: 1:03');
  });

  it('names an outgoing call by the person called, while it rings', async () => {
    const { store, card } = await setUp();
    store.dispatch(
      CallingSdkEvents.callAdded({
        call: call('c1', { direction: 'Outgoing', state: 'Ringing', caller: nobody, queue: null }),
      }),
    );
    store.dispatch(
      CallingSdkEvents.participantsAdded({
        callId: 'c1',
        participants: [teamsUser('c1', 'drew', 'Drew Lee')],
      }),
    );
    const shown = await card();
    expect(await shown.getTitle()).toBe('Drew Lee');
    expect(await shown.getDetail()).toBe('Outgoing call to a Teams user');
    expect(await shown.getState()).toBe('Call state: Ringing');
    expect(await shown.getStateTone()).toBe('waiting');
  });

  it('names a group call by its size and who is in it', async () => {
    const { store, card } = await setUp();
    store.dispatch(
      CallingSdkEvents.callAdded({
        call: call('g', { direction: 'Outgoing', kind: 'group', threadId: '19:a@thread.v2', caller: nobody }),
      }),
    );
    store.dispatch(
      CallingSdkEvents.participantsAdded({
        callId: 'g',
        participants: [teamsUser('g', 'drew', 'Drew Lee'), participant('g')],
      }),
    );
    expect(await (await card()).getTitle()).toBe('Group call of 3');
    expect(await (await card()).getDetail()).toBe('With Drew Lee and Dana Smith');
    expect(await (await card()).getMainSpeaker()).toBeNull();
    store.dispatch(
      CallingSdkEvents.callDominantSpeakersChanged({
        id: 'g',
        dominantSpeakers: ['8:orgid:drew', '4:+14255550123'],
      }),
    );
    expect(await (await card()).getMainSpeaker()).toBe('Main speaker: Drew Lee');
  });

  it('names a meeting, how many are in it and the agent’s role', async () => {
    const { store, card } = await setUp();
    store.dispatch(
      CallingSdkEvents.callAdded({
        call: call('m', {
          direction: 'Outgoing',
          kind: 'meeting',
          role: 'Attendee',
          caller: nobody,
          queue: null,
        }),
      }),
    );
    store.dispatch(
      CallingSdkEvents.participantsAdded({
        callId: 'm',
        participants: [teamsUser('m', 'drew', 'Drew Lee'), teamsUser('m', 'sam', 'Sam Ortiz')],
      }),
    );
    expect(await (await card()).getTitle()).toBe('Teams meeting');
    expect(await (await card()).getDetail()).toBe('3 people, you are an attendee');
  });

  it('says every state the active call can be in, in words', async () => {
    const { fixture, store, card } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1', { state: 'None' }) }));
    const seen: string[] = [];
    // LocalHold moves the call to Calls on hold; Disconnected removes it (the bridge reports an end).
    for (const state of CALL_STATES.filter((s) => s !== 'LocalHold' && s !== 'Disconnected')) {
      store.dispatch(CallingSdkEvents.callStateChanged({ id: 'c1', state, at: 1 }));
      await fixture.whenStable();
      seen.push(await (await card()).getState());
    }
    expect(seen).toEqual(
      [
        'None',
        'Connecting',
        'Ringing',
        'EarlyMedia',
        'Connected',
        'RemoteHold',
        'InLobby',
        'Disconnecting',
      ].map((state) => `Call state: ${callStateLabel(state as never)}`),
    );
  });

  it('offers Unmute and a Muted chip once the SDK reports the call muted', async () => {
    const { fixture, store, button, loader, card } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    await fixture.whenStable();
    await (await button('Mute')).click();
    expect(await (await button('Mute')).isDisabled()).toBeTrue();
    store.dispatch(CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: true }));
    await fixture.whenStable();
    expect(await (await card()).getChips()).toEqual(['Muted']);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Unmute' }))).toHaveSize(1);
  });

  it('says the agent was muted by someone else until they unmute or dismiss it', async () => {
    const { store, card } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: true }));
    store.dispatch(CallingSdkEvents.callMutedByOthers({ id: 'c1', at: 3 }));
    expect(await (await card()).getMutedNotice()).toBe('You were muted by another participant.');

    await (await card()).dismissMutedNotice();
    expect(await (await card()).getMutedNotice()).toBeNull();

    store.dispatch(CallingSdkEvents.callMutedByOthers({ id: 'c1', at: 4 }));
    expect(await (await card()).getMutedNotice()).not.toBeNull();
    store.dispatch(CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: false }));
    expect(await (await card()).getMutedNotice()).toBeNull();
  });

  it('turns the camera on and off through the panel, and says so', async () => {
    const { store, card, dispatched } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    await (await (await card()).getControl('Start video')).click();
    expect(dispatched).toContain(ActiveCallPanelActions.startVideoClicked({ callId: 'c1' }));
    store.dispatch(CallingApiActions.callOperationSucceeded({ callId: 'c1', operation: 'startVideo' }));
    store.dispatch(CallingSdkEvents.callLocalVideoChanged({ id: 'c1', isLocalVideoStarted: true }));
    expect(await (await card()).getChips()).toEqual(['Camera on']);
    await (await (await card()).getControl('Stop video')).click();
    expect(dispatched).toContain(ActiveCallPanelActions.stopVideoClicked({ callId: 'c1' }));
  });

  it('keeps Start video and Unmute disabled, with the reason, where the call does not allow them', async () => {
    const { store, card } = await setUp();
    store.dispatch(
      CallingSdkEvents.callAdded({
        call: call('m', {
          kind: 'meeting',
          isMuted: true,
          capabilities: {
            turnVideoOn: { isPresent: false, reason: 'MeetingRestricted' },
            unmuteMic: { isPresent: false, reason: 'RoleRestricted' },
          },
        }),
      }),
    );
    const shown = await card();
    expect(await (await shown.getControl('Start video')).isDisabled()).toBeTrue();
    expect(await (await shown.getControl('Unmute')).isDisabled()).toBeTrue();
    expect(await shown.getReasons()).toEqual([
      'Only the organizer and presenters can unmute your microphone in this meeting.',
      "The meeting's options do not let you turn your camera on.",
    ]);
  });

  it('shows a failed control with the SDK code beside the message', async () => {
    const { store, loader } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(
      CallingApiActions.callOperationFailed({
        callId: 'c1',
        operation: 'mute',
        failure: { message: 'Muting the microphone failed. Try again.', code: 500, subCode: 41015 },
      }),
    );
    const failure = await loader.getHarness(FailureMessageHarness);
    expect(await failure.getText()).toBe('Muting the microphone failed. Try again. (code 500/41015)');
  });

  it('lists the active call’s participants only, with state, muted and speaking in words', async () => {
    const { store, loader } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('held', { state: 'LocalHold' }) }));
    store.dispatch(
      CallingSdkEvents.participantsAdded({
        callId: 'held',
        participants: [participant('held', '4:+14255550199')],
      }),
    );
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(CallingSdkEvents.participantsAdded({ callId: 'c1', participants: [participant('c1')] }));
    store.dispatch(
      CallingSdkEvents.participantsChanged({
        changes: [
          { callId: 'c1', participantId: '4:+14255550123', changes: { isSpeaking: true, isMuted: true } },
        ],
      }),
    );
    const roster = await loader.getHarness(ParticipantListHarness);
    expect(await roster.getHeading()).toBe('Participants (1)');
    expect(await roster.getParticipants()).toEqual([
      { name: 'Dana Smith', chips: ['Connected', 'Muted', 'Speaking'] },
    ]);
  });

  it('offers the keypad only while a phone number takes part', async () => {
    const { store, loader } = await setUp();
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('c1', { direction: 'Outgoing', caller: nobody }) }),
    );
    store.dispatch(
      CallingSdkEvents.participantsAdded({
        callId: 'c1',
        participants: [teamsUser('c1', 'drew', 'Drew Lee')],
      }),
    );
    expect(await loader.getAllHarnesses(DtmfKeypadHarness)).toEqual([]);
    store.dispatch(CallingSdkEvents.participantsAdded({ callId: 'c1', participants: [participant('c1')] }));
    expect(await loader.getAllHarnesses(DtmfKeypadHarness)).toHaveSize(1);
  });

  it('says how the last call ended once it is gone, for every kind of call', async () => {
    const { fixture, store, text } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 560000 }, at: 5 }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Call with Dana Smith ended: The caller hung up.');
    expect(text()).toContain('No active call.');

    store.dispatch(CallingSdkEvents.callAdded({ call: call('m', { kind: 'meeting', caller: nobody }) }));
    store.dispatch(CallingSdkEvents.callEnded({ id: 'm', callEndReason: { code: 0, subCode: 4097 }, at: 6 }));
    await fixture.whenStable();
    expect(text()).toContain('Meeting ended: The organizer ended the meeting.');
  });
});
