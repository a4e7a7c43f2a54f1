import { TestBed } from '@angular/core/testing';
import { Actions, ofType } from '@ngrx/effects';
import { CallingApiActions } from '../calling-api.actions';
import { HeldCallsPanelActions } from './held-calls-panel.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { selectQueuedCalls } from '../queue/queue.feature';
import { startEmulatedConsole } from '../testing/emulated-console';
import { callsFeature } from './calls.feature';
import { SWITCH_ABANDONED } from '../../calling/switch-active-call';
import { VirtualTimeScheduler } from 'rxjs';
import { CALL_CONTROL_SCHEDULER } from './call-control-time';

/** Every call the console holds for the agent, with its state: which callers hear the agent. */
function liveLegs(app: Awaited<ReturnType<typeof startEmulatedConsole>>) {
  return app.state(callsFeature.selectAllCalls).map((call) => [call.id, call.state]);
}

/** Alex talking to one caller while a second call rings. */
async function onACallWithAnotherRinging(console?: Awaited<ReturnType<typeof startEmulatedConsole>>) {
  const app = console ?? (await startEmulatedConsole('alex'));
  const first = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
  await app.settle();
  app.store.dispatch(QueuePanelActions.acceptClicked({ id: first }));
  await app.settle();
  const second = app.emulator.world.enqueuePhoneCall({ patienceMs: 120_000, talkMs: 600_000 });
  await app.settle();
  return { app, first, second };
}

describe('taking another call (accept, resume) on the emulator', () => {
  it('puts the active call on hold when the agent accepts another, and swaps back on Resume', async () => {
    const { app, first, second } = await onACallWithAnotherRinging();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: second }));
    await app.settle();

    expect(app.state(callsFeature.selectActiveCall)?.id).toBe(second);
    expect(app.state(callsFeature.selectHeldCalls).map((c) => [c.id, c.state])).toEqual([
      [first, 'LocalHold'],
    ]);

    app.store.dispatch(HeldCallsPanelActions.resumeClicked({ callId: first }));
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)?.id).toBe(first);
    expect(app.state(callsFeature.selectHeldCalls).map((c) => [c.id, c.state])).toEqual([
      [second, 'LocalHold'],
    ]);
  });

  it('never leaves the agent live on two calls when Accept is clicked on two calls at once', async () => {
    const app = await startEmulatedConsole('alex');
    const first = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    const second = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    expect(app.state(selectQueuedCalls).map((c) => c.id)).toEqual([first, second]);

    app.store.dispatch(QueuePanelActions.acceptClicked({ id: first }));
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: second }));
    await app.settle();

    expect(liveLegs(app)).toEqual(
      jasmine.arrayWithExactContents([
        [first, 'LocalHold'],
        [second, 'Connected'],
      ]),
    );
    expect(app.state(callsFeature.selectActiveCall)?.id).toBe(second);
  });

  it('never leaves two calls live when Resume is clicked on two held calls at once', async () => {
    const app = await startEmulatedConsole('alex');
    const ids = [0, 1, 2].map(() =>
      app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 }),
    );
    await app.settle();
    for (const id of ids) app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    expect(app.state(callsFeature.selectHeldCalls).length).toBe(2);

    app.store.dispatch(HeldCallsPanelActions.resumeClicked({ callId: ids[0] }));
    app.store.dispatch(HeldCallsPanelActions.resumeClicked({ callId: ids[1] }));
    await app.settle();

    expect(liveLegs(app)).toEqual(
      jasmine.arrayWithExactContents([
        [ids[0], 'LocalHold'],
        [ids[1], 'Connected'],
        [ids[2], 'LocalHold'],
      ]),
    );
  });

  it('leaves the current call alone when the call accepted has already stopped ringing', async () => {
    const app = await startEmulatedConsole('alex');
    const first = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    const gone = app.emulator.world.enqueuePhoneCall({ patienceMs: 10_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: first }));
    await app.settle();
    const states: string[] = [];
    TestBed.inject(Actions)
      .pipe(ofType(CallingSdkEvents.callStateChanged))
      .subscribe(({ state }) => states.push(state));
    const failures: string[] = [];
    TestBed.inject(Actions)
      .pipe(ofType(CallingApiActions.acceptFailed))
      .subscribe(({ failure }) => failures.push(failure.message));

    await app.advance(10_001); // the second caller hangs up
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: gone }));
    await app.settle();

    expect(failures).toEqual(['This call is no longer ringing.']);
    expect(states).toEqual([]);
    expect(liveLegs(app)).toEqual([[first, 'Connected']]);
  });

  it('takes the agent back to their call when accepting another fails after holding it', async () => {
    const { app, first, second } = await onACallWithAnotherRinging();
    app.emulator.world.faults.failNext('accept', { code: 500 });
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: second }));
    await app.settle();

    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ id: first, state: 'Connected' }),
    );
    expect(app.state(callsFeature.selectHeldCalls)).toEqual([]);
    expect(app.state(selectQueuedCalls)[0].failure?.message).toBe(
      'The calling service had a problem. Try again.',
    );
  });

  it('says nothing changed when the current call cannot be put on hold, and does not accept', async () => {
    const { app, first, second } = await onACallWithAnotherRinging();
    app.emulator.world.faults.failNext('hold', { code: 500, subCode: 41033 });
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: second }));
    await app.settle();

    expect(liveLegs(app)).toEqual([[first, 'Connected']]);
    expect(app.state(selectQueuedCalls)).toEqual([
      jasmine.objectContaining({
        id: second,
        status: 'ringing',
        failure: {
          message:
            'Your current call could not be put on hold, so nothing changed. Putting the call on hold failed. The call is still live.',
          code: 500,
          subCode: 41033,
        },
      }),
    ]);
  });

  it('reports a switch the SDK never finishes, then undoes its hold once the SDK answers', async () => {
    const time = new VirtualTimeScheduler();
    const app = await startEmulatedConsole('alex', {
      providers: [{ provide: CALL_CONTROL_SCHEDULER, useValue: time }],
    });
    const { first, second } = await onACallWithAnotherRinging(app);
    app.emulator.world.faults.delayNext('hold', 60_000);
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: second }));
    await app.settle();
    time.flush();
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([
      jasmine.objectContaining({ id: second, status: 'ringing', failure: SWITCH_ABANDONED }),
    ]);
    await app.advance(60_000); // the hold finally goes through: the abandoned switch resumes it
    expect(liveLegs(app)).toEqual([[first, 'Connected']]);
    expect(app.state(selectQueuedCalls).map((c) => c.id)).toEqual([second]);
    // Later clicks are not held up behind it.
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: second }));
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)?.id).toBe(second);
  });
});
