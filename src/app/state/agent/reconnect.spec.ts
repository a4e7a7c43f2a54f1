import { TestBed } from '@angular/core/testing';
import { Actions } from '@ngrx/effects';
import { VirtualTimeScheduler } from 'rxjs';
import { CONNECT_SCHEDULER } from '../../calling/connect-agent';
import { RECONNECT_RANDOM, SDK_GIVES_UP_AFTER_MS } from '../../calling/connect-retry';
import { runFor } from '../../calling/testing/virtual-time';
import {
  startEmulatedConsole,
  type EmulatedConsoleOptions,
  type InMemoryAuth,
} from '../testing/emulated-console';
import { callsFeature } from '../calls/calls.feature';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { selectQueuedCalls } from '../queue/queue.feature';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { agentFeature, selectBackOnline, selectConnectionLabel } from './agent.feature';
import { CallingSessionActions } from './calling-session.actions';
import { BACK_ONLINE_NOTICE_MS } from './connection-notes';
import { ShellActions } from './shell.actions';

/** A console whose connection runs on a virtual clock, with jitter fixed at its middle. */
async function startConsole(beforeSignIn?: EmulatedConsoleOptions['beforeSignIn']) {
  const time = new VirtualTimeScheduler();
  const app = await startEmulatedConsole('alex', {
    waitUntilReady: false,
    providers: [
      { provide: CONNECT_SCHEDULER, useValue: time },
      { provide: RECONNECT_RANDOM, useValue: () => 0.5 },
    ],
    beforeSignIn,
  });
  await app.settle();
  const agent = () => app.state(agentFeature.selectAgentState);
  const label = () => app.state(selectConnectionLabel);
  /** Virtual time for the console's connection, then whatever it set off. */
  const wait = async (ms: number) => {
    runFor(time, ms);
    await app.settle();
  };
  return { ...app, time, agent, label, wait };
}

/** A queued phone call from Casey Morgan that rings this console. */
async function ringFromCasey(app: Awaited<ReturnType<typeof startConsole>>): Promise<string> {
  const id = app.emulator.world.enqueuePhoneCall({
    from: '+14255550142',
    displayName: 'Casey Morgan',
    patienceMs: 60_000,
    talkMs: 600_000,
  });
  await app.settle();
  return id;
}

describe('the connection, recovered by the console', () => {
  it('retries the first connection with backoff (1 s doubling to 30 s, jittered) until it connects, then rings', async () => {
    const app = await startConsole((emulator) => {
      for (let i = 0; i < 7; i++)
        emulator.world.faults.failNext('createTeamsCallAgent', { code: 408, subCode: 40114 });
    });
    // With the jitter at its middle each wait is three quarters of its ceiling.
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000];
    for (const [index, ceiling] of ceilings.entries()) {
      expect(app.label()).toBe('Offline');
      expect(app.agent().status).toBe('connecting');
      expect(app.agent().retry).toEqual({
        attempt: index + 1,
        at: jasmine.any(Number),
        retryInMs: ceiling * 0.75,
        failure: {
          message: 'Could not reach the calling service. Check the network and try again.',
          code: 408,
          subCode: 40114,
        },
      });
      await app.wait(ceiling * 0.75 - 1);
      expect(app.agent().retry?.attempt)
        .withContext('no attempt before its time')
        .toBe(index + 1);
      await app.wait(1);
    }
    expect(app.label()).toBe('Online');
    expect(app.agent().retry).toBeNull();
    const id = await ringFromCasey(app);
    expect(app.state(selectQueuedCalls).map((call) => call.id)).toEqual([id]);
  });

  it('retries a first connection that hit its time limit, and lets the late agent go', async () => {
    const app = await startConsole((emulator) =>
      emulator.world.faults.delayNext('createTeamsCallAgent', 60_000),
    );
    expect(app.label()).toBe('Connecting…');
    await app.wait(20_000);
    expect(app.label()).toBe('Offline');
    expect(app.agent().retry?.failure?.message).toBe(
      'Could not reach the calling service within 20 seconds. Check this computer’s network connection, then try again.',
    );
    await app.wait(750);
    expect(app.label()).toBe('Online');
    // The calling service answers the first attempt at last: that agent is disposed, not left ringing.
    await app.advance(60_000);
    expect(app.emulator.world.signedInEndpoints().length).toBe(1);
  });

  it('says Reconnecting… through a short loss, then Back online with the call still up, and rings again', async () => {
    const app = await startConsole();
    const first = await ringFromCasey(app);
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: first }));
    await app.settle();

    app.emulator.world.dropConnection('alex', 30);
    await app.settle();
    expect(app.label()).toBe('Reconnecting…');
    // The SDK resumes by itself once the loss is over: no agent is created again.
    await app.advance(34_000);
    expect(app.label()).toBe('Online');
    expect(app.agent().retry).toBeNull();
    expect(app.state(selectBackOnline)).toEqual([
      jasmine.objectContaining({
        counterpart: jasmine.objectContaining({ displayName: 'Casey Morgan' }),
        ended: null,
      }),
    ]);
    expect(app.state(callsFeature.selectActiveCall)?.state).toBe('Connected');
    const next = await ringFromCasey(app);
    expect(app.state(selectQueuedCalls).map((call) => call.id)).toEqual([next]);
    expect(app.emulator.world.signedInEndpoints().length).toBe(1);
  });

  it('says Reconnecting… when the connection drops, creates the agent again once the SDK has given up, and rings again', async () => {
    const app = await startConsole();
    const first = await ringFromCasey(app);
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: first }));
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)?.state).toBe('Connected');

    // Lost for longer than the guide's two minutes: the SDK ends the call (496/7) and gives up.
    app.emulator.world.dropConnection('alex', 180);
    await app.settle();
    expect(app.label()).toBe('Reconnecting…');
    await app.advance(120_000);
    await app.wait(SDK_GIVES_UP_AFTER_MS - 1);
    expect(app.label()).withContext('the SDK still has its window').toBe('Reconnecting…');
    await app.wait(1);
    expect(app.label()).toBe('Offline');
    expect(app.agent().retry).toEqual({ attempt: 1, at: jasmine.any(Number), retryInMs: 750, failure: null });

    // The calling service takes the user in again once the loss is over.
    await app.advance(60_000);
    await app.wait(750);
    expect(app.label()).toBe('Online');
    expect(app.state(selectBackOnline)).toEqual([
      jasmine.objectContaining({
        counterpart: jasmine.objectContaining({ displayName: 'Casey Morgan' }),
        ended: 'The network was lost and reconnecting gave up.',
      }),
    ]);
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    const next = await ringFromCasey(app);
    expect(app.state(selectQueuedCalls).map((call) => call.id)).toEqual([next]);
    expect(app.emulator.world.signedInEndpoints().length).toBe(1);

    // "Back online." goes by itself after a while.
    await app.wait(BACK_ONLINE_NOTICE_MS);
    expect(app.state(selectBackOnline)).toBeNull();
  });

  /** The service is unavailable (503) at the first attempt: a retry is scheduled. */
  async function unavailableOnce() {
    const app = await startConsole((emulator) =>
      emulator.world.faults.failNext('createTeamsCallAgent', { code: 503 }),
    );
    expect(app.agent().retry?.attempt).toBe(1);
    return app;
  }

  it('creates the agent again at once when the agent clicks Try now', async () => {
    const app = await unavailableOnce();
    app.store.dispatch(ShellActions.tryNowClicked());
    await app.settle();
    expect(app.label()).toBe('Online');
  });

  it('leaves no retry pending after sign-out', async () => {
    const app = await unavailableOnce();
    app.store.dispatch(ShellActions.signOutClicked());
    await app.settle();
    expect(app.time.actions).toEqual([]);
    await app.wait(60_000);
    expect(app.emulator.world.signedInEndpoints()).toEqual([]);
  });
});

describe('a refused token', () => {
  /** Refuses the next `times` tokens as ACS does (401/10009), and records every action from the start. */
  async function refusing(times: number) {
    const actions: string[] = [];
    const app = await startConsole((emulator) => {
      TestBed.inject(Actions).subscribe((action) => actions.push(action.type));
      for (let i = 0; i < times; i++)
        emulator.world.faults.failNext('createTeamsCallAgent', { code: 401, subCode: 10009 });
    });
    return { ...app, actions, sessions: (app.auth as InMemoryAuth).sessions };
  }

  it('gets fresh tokens and connects, with nothing said to the agent', async () => {
    const app = await refusing(1);
    expect(app.label()).toBe('Online');
    expect(app.sessions).toEqual([{ fresh: false }, { fresh: true }]);
    expect(app.actions).not.toContain(CallingSdkEvents.agentFailed.type);
    expect(app.actions).not.toContain(CallingSdkEvents.agentRetryScheduled.type);
    expect(app.actions).not.toContain(CallingSessionActions.signInNeeded.type);
  });

  it('says to sign in again, once, when the fresh tokens are refused too', async () => {
    const app = await refusing(2);
    expect(app.label()).toBe('Not connected');
    expect(app.agent()).toEqual(
      jasmine.objectContaining({
        status: 'failed',
        signInNeeded: true,
        retry: null,
        failure: {
          message: 'The calling service did not accept your sign-in, even renewed: sign in again.',
          code: 401,
          subCode: 10009,
        },
      }),
    );
    expect(app.sessions).toEqual([{ fresh: false }, { fresh: true }]);
    await app.wait(60_000);
    expect(app.actions.filter((type) => type === CallingSessionActions.signInNeeded.type).length).toBe(1);
    expect(app.actions).not.toContain(CallingSdkEvents.agentRetryScheduled.type);
  });
});
