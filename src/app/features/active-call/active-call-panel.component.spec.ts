import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { Store } from '@ngrx/store';
import { CallingApiActions } from '../../state/calling-api.actions';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { call, participant } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { FailureMessageHarness } from '../../shared/failure-message.harness';
import { ActiveCallPanelComponent } from './active-call-panel.component';
import { ParticipantListHarness } from './participant-list.harness';

describe('ActiveCallPanelComponent', () => {
  const now = signal(0);

  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState(now) });
    const fixture = TestBed.createComponent(ActiveCallPanelComponent);
    const store = TestBed.inject(Store);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    const button = (name: string) => loader.getHarness(MatButtonHarness.with({ text: name }));
    await fixture.whenStable();
    return { fixture, store, loader, text, button };
  }

  it('invites the agent to take a call when there is none', async () => {
    const { text } = await setUp();
    expect(text()).toContain('No active call. Accept a call from the queue.');
  });

  it('shows the caller, the state in words, and the duration since connecting', async () => {
    const { fixture, store, text } = await setUp();
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('c1', { state: 'Connecting', startedAt: 1_000 }) }),
    );
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'c1', state: 'Connected', at: 2_000 }));
    now.set(65_000);
    await fixture.whenStable();
    expect(text()).toContain('Dana Smith');
    expect(text()).toContain('Call state: Connected');
    expect(text()).toContain('Call duration: 1:03');
  });

  it('offers Unmute and a Muted chip once the SDK reports the call muted', async () => {
    const { fixture, store, text, button, loader } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    await fixture.whenStable();
    await (await button('Mute')).click();
    expect(await (await button('Mute')).isDisabled()).toBeTrue();
    store.dispatch(CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: true }));
    await fixture.whenStable();
    expect(text()).toContain('Muted');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Unmute' }))).toHaveSize(1);
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

  it('says how the last call ended once it is gone', async () => {
    const { fixture, store, text } = await setUp();
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 560000 }, at: 5 }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Call with Dana Smith ended: The caller hung up.');
    expect(text()).toContain('No active call.');
  });
});
