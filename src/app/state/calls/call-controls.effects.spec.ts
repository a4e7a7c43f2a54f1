import { TestBed } from '@angular/core/testing';
import { Actions, ofType } from '@ngrx/effects';
import { ShellActions } from '../agent/shell.actions';
import { CallingApiActions } from '../calling-api.actions';
import { ActiveCallPanelActions } from './active-call-panel.actions';
import { HeldCallsPanelActions } from './held-calls-panel.actions';
import { agentFeature } from '../agent/agent.feature';
import { participantsFeature } from '../participants/participants.feature';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { startEmulatedConsole } from '../testing/emulated-console';
import { ManualScheduler } from '../../floor/testing/manual-scheduler';
import { CALL_CONTROL_SCHEDULER } from './call-control-time';
import { callsFeature, MUTE_LIMIT_WINDOW_MS } from './calls.feature';

async function onACall(talkMs = 600_000) {
  const app = await startEmulatedConsole('alex');
  const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs });
  await app.settle();
  app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
  await app.settle();
  const active = () => app.state(callsFeature.selectActiveCall);
  return { app, id, active };
}

describe('call control effects on the emulator', () => {
  it('waits out ACS’s mute limit: after a 429 the roster’s Mute is off for a whole window', async () => {
    const clock = new ManualScheduler(0);
    const app = await startEmulatedConsole('alex', {
      providers: [{ provide: CALL_CONTROL_SCHEDULER, useValue: clock }],
    });
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    // 15 mute operations in 30 seconds are allowed; the 16th is refused.
    for (let i = 0; i < 16; i++) {
      const click = i % 2 === 0 ? ActiveCallPanelActions.muteClicked : ActiveCallPanelActions.unmuteClicked;
      app.store.dispatch(click({ callId: id }));
      await app.settle();
    }
    expect(app.state(callsFeature.selectActiveCall)?.failure).toEqual(
      jasmine.objectContaining({ code: 429, operation: 'unmute' }),
    );
    expect(app.state(callsFeature.selectMuteLimited)).toBeTrue();
    clock.advance(MUTE_LIMIT_WINDOW_MS - 1);
    await app.settle();
    expect(app.state(callsFeature.selectMuteLimited)).toBeTrue();
    clock.advance(1);
    await app.settle();
    expect(app.state(callsFeature.selectMuteLimited)).toBeFalse();
  });

  it('mutes and unmutes the call', async () => {
    const { app, id, active } = await onACall();
    app.store.dispatch(ActiveCallPanelActions.muteClicked({ callId: id }));
    await app.settle();
    expect(active()).toEqual(jasmine.objectContaining({ isMuted: true, pending: null, failure: null }));
    app.store.dispatch(ActiveCallPanelActions.unmuteClicked({ callId: id }));
    await app.settle();
    expect(active()?.isMuted).toBeFalse();
  });

  it('reports a failed mute in words with the SDK code, and leaves the call unmuted', async () => {
    const { app, id, active } = await onACall();
    app.emulator.world.faults.failNext('mute', { code: 500, subCode: 41015 });
    app.store.dispatch(ActiveCallPanelActions.muteClicked({ callId: id }));
    await app.settle();
    expect(active()).toEqual(
      jasmine.objectContaining({
        isMuted: false,
        pending: null,
        failure: {
          message: 'Muting the microphone failed. Try again.',
          code: 500,
          subCode: 41015,
          operation: 'mute',
        },
      }),
    );
  });

  it('holds and resumes the call', async () => {
    const { app, id, active } = await onACall();
    app.store.dispatch(ActiveCallPanelActions.holdClicked({ callId: id }));
    await app.settle();
    expect(active()).toBeNull();
    expect(app.state(callsFeature.selectHeldCalls).map((c) => c.state)).toEqual(['LocalHold']);
    app.store.dispatch(HeldCallsPanelActions.resumeClicked({ callId: id }));
    await app.settle();
    expect(active()).toEqual(jasmine.objectContaining({ id, state: 'Connected' }));
  });

  it('hangs up: the call and its roster leave the store, and the reason is shown', async () => {
    const { app, id } = await onACall();
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId: id }));
    await app.settle();
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    expect(app.state(participantsFeature.selectAllParticipants)).toEqual([]);
    expect(app.state(callsFeature.selectLastEnded)?.message).toBe('You hung up.');
  });

  it('ends the call when the caller hangs up after talking', async () => {
    const { app } = await onACall(90_000);
    await app.advance(90_001);
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    expect(app.state(callsFeature.selectLastEnded)?.message).toBe('The caller hung up.');
  });

  it('shows the caller speaking as the emulator toggles it', async () => {
    const { app, id } = await onACall();
    let sawSpeaking = false;
    for (let i = 0; i < 60 && !sawSpeaking; i++) {
      await app.advance(1_000);
      sawSpeaking = app
        .state(participantsFeature.selectAllParticipants)
        .some((p) => p.callId === id && p.isSpeaking);
    }
    expect(sawSpeaking).toBeTrue();
  });

  it('leaks no listener once a call the agent muted, held and resumed ends', async () => {
    const app = await startEmulatedConsole('alex');
    const signedIn = app.listenerCount();
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    expect(app.listenerCount()).toBeGreaterThan(signedIn);
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    for (const action of [
      ActiveCallPanelActions.muteClicked({ callId: id }),
      ActiveCallPanelActions.holdClicked({ callId: id }),
      HeldCallsPanelActions.resumeClicked({ callId: id }),
      ActiveCallPanelActions.hangUpClicked({ callId: id }),
    ]) {
      app.store.dispatch(action);
      await app.settle();
    }
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    expect(app.listenerCount()).toBe(signedIn);
    expect(app.registry.size).toBe(1); // the agent alone
  });

  it('leaks no listener once the caller hangs up, nor once the agent signs out', async () => {
    const app = await startEmulatedConsole('alex');
    const signedIn = app.listenerCount();
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 90_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    await app.advance(90_001);
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    expect(app.listenerCount()).toBe(signedIn);

    app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000 });
    await app.settle();
    app.store.dispatch(ShellActions.signOutClicked());
    await app.settle();
    expect(app.state(agentFeature.selectStatus)).toBe('signedOut');
    expect(app.registry.size).toBe(0);
    expect(app.listenerCount()).toBe(app.baseline);
  });

  it('carries out a Hold clicked on the new call during Accept after the accept, not before it', async () => {
    const { app, id: first } = await onACall();
    const second = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    const log: string[] = [];
    TestBed.inject(Actions).subscribe(({ type }) => {
      if (/^\[(Queue Panel|Active Call Panel|Call Switch|Calling API)\]/.test(type)) log.push(type);
    });
    app.emulator.world.faults.delayNext('hold', 1_000);
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: second }));
    app.store.dispatch(ActiveCallPanelActions.holdClicked({ callId: second }));
    await app.settle(); // the switch is holding the first call: the Hold waits behind it
    await app.advance(1_000);
    expect(app.state(callsFeature.selectAllCalls).map((c) => [c.id, c.state, c.failure])).toEqual([
      [first, 'LocalHold', null],
      [second, 'LocalHold', null],
    ]);
    expect(log).toEqual([
      '[Queue Panel] Accept Clicked',
      '[Active Call Panel] Hold Clicked',
      '[Call Switch] Current Call Held',
      '[Call Switch] Accepting',
      '[Calling API] Accept Succeeded',
      '[Calling API] Call Operation Succeeded',
    ]);
  });

  it('runs a Mute clicked after Hang up once the hang-up is done, and says the call has ended', async () => {
    const { app, id } = await onACall();
    const outcomes: string[] = [];
    TestBed.inject(Actions)
      .pipe(ofType(CallingApiActions.callOperationSucceeded, CallingApiActions.callOperationFailed))
      .subscribe((action) =>
        outcomes.push(`${action.operation}: ${'failure' in action ? action.failure.message : 'done'}`),
      );
    app.emulator.world.faults.delayNext('hangUp', 1_000);
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId: id }));
    app.store.dispatch(ActiveCallPanelActions.muteClicked({ callId: id }));
    await app.settle();
    await app.advance(1_000);
    expect(outcomes).toEqual(['hangUp: done', 'mute: This call has already ended.']);
    expect(app.state(callsFeature.selectLastEnded)?.message).toBe('You hung up.');
  });

  it('reports a control that throws as failed at once, in words, and frees the line', async () => {
    const { app, id, active } = await onACall();
    const second = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    const failures: unknown[] = [];
    TestBed.inject(Actions)
      .pipe(ofType(CallingApiActions.acceptFailed))
      .subscribe(({ failure }) => failures.push(failure));
    const liveCalls = app.registry.liveCalls.bind(app.registry);
    spyOn(app.registry, 'liveCalls').and.callFake(() => {
      (app.registry.liveCalls as jasmine.Spy).and.callFake(liveCalls);
      throw new Error('the registry broke');
    });
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: second }));
    await app.settle();
    expect(failures).toEqual([{ message: 'Your request failed: the registry broke' }]);
    // Without moving the clock: the next click is carried out, not held behind the first.
    app.store.dispatch(ActiveCallPanelActions.muteClicked({ callId: id }));
    await app.settle();
    expect(active()).toEqual(jasmine.objectContaining({ id, isMuted: true, pending: null }));
  });
});
