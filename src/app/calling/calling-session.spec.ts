import { TestBed } from '@angular/core/testing';
import type { CallClient } from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import { VirtualTimeScheduler } from 'rxjs';
import { LOG_SINK } from '../core/logger';
import { CALL_CLIENT_FACTORY, CALLING_VALUES, type CallingValues } from './calling-backend';
import type { CallingEvent } from './calling-events';
import { CallingSession } from './calling-session';
import { CONNECT_SCHEDULER } from './connect-agent';
import { RECONNECT_RANDOM, SDK_GIVES_UP_AFTER_MS } from './connect-retry';
import { FakeAgent } from './testing/fake-sdk-objects';
import { runFor } from './testing/virtual-time';

/** The SDK's `invalidToken` and a long loss are never shown by today's emulator: fakes stand in for them. */
describe('calling session, when the SDK gives up', () => {
  function setUp() {
    const time = new VirtualTimeScheduler();
    const agents: FakeAgent[] = [];
    const clients: { disposed: boolean }[] = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: CONNECT_SCHEDULER, useValue: time },
        { provide: RECONNECT_RANDOM, useValue: () => 0 },
        { provide: LOG_SINK, useValue: { error() {}, warn() {}, info() {}, debug() {} } },
        { provide: CALLING_VALUES, useValue: async () => ({ Features: {} }) as unknown as CallingValues },
        {
          provide: CALL_CLIENT_FACTORY,
          useValue: async () => {
            const client = {
              disposed: false,
              createTeamsCallAgent: async () => agents[agents.push(new FakeAgent()) - 1],
              dispose: async () => void (client.disposed = true),
            };
            clients.push(client);
            return client as unknown as CallClient;
          },
        },
      ],
    });
    const asked: { fresh: boolean }[] = [];
    const credentials: { disposed: boolean }[] = [];
    const credential = async ({ fresh }: { fresh: boolean }) => {
      asked.push({ fresh });
      const made = { disposed: false, getToken: async () => ({ token: 't', expiresOnTimestamp: 0 }) };
      credentials.push(made);
      return Object.assign(made, {
        dispose: () => void (made.disposed = true),
      }) as unknown as CommunicationTokenCredential;
    };
    const events: CallingEvent[] = [];
    const subscription = TestBed.inject(CallingSession)
      .connect({ credential, now: () => 5 })
      .subscribe((event) => events.push(event));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    return { time, agents, clients, asked, credentials, events, subscription, settle };
  }

  it('creates the agent again at once with fresh tokens when the SDK says its token was refused', async () => {
    const session = setUp();
    await session.settle();
    const [first] = session.agents;
    first.connectionState = 'Disconnected';
    first.emit('connectionStateChanged', {
      newValue: 'Disconnected',
      oldValue: 'Connected',
      reason: 'invalidToken',
    });
    await session.settle();
    expect(session.asked).toEqual([{ fresh: false }, { fresh: true }]);
    expect(session.events.map((event) => event.type)).toEqual([
      'agentReady',
      'connectionStateChanged',
      'agentReady',
    ]);
    expect(session.events[1]).toEqual({
      type: 'connectionStateChanged',
      connectionState: 'Disconnected',
      reason: 'invalidToken',
    });
    expect(first.disposed).toBeTrue();
    expect(first.listenerCount).toBe(0);
    expect(session.clients[0].disposed).toBeTrue();
    expect(session.credentials[0].disposed).toBeTrue();
    session.subscription.unsubscribe();
  });

  it('waits the SDK’s window out before taking over, and leaves no timer once the session ends', async () => {
    const session = setUp();
    await session.settle();
    const [first] = session.agents;
    first.connectionState = 'Disconnected';
    first.emit('connectionStateChanged', { newValue: 'Disconnected', oldValue: 'Connected' });
    runFor(session.time, SDK_GIVES_UP_AFTER_MS - 1);
    first.connectionState = 'Connected';
    first.emit('connectionStateChanged', { newValue: 'Connected', oldValue: 'Disconnected' });
    runFor(session.time, 10);
    await session.settle();
    expect(session.agents.length).withContext('the SDK came back in time').toBe(1);

    first.connectionState = 'Disconnected';
    first.emit('connectionStateChanged', { newValue: 'Disconnected', oldValue: 'Connected' });
    runFor(session.time, SDK_GIVES_UP_AFTER_MS);
    await session.settle();
    expect(session.events.at(-1)).toEqual({
      type: 'agentRetryScheduled',
      attempt: 1,
      at: 5,
      retryInMs: 500,
      failure: null,
    });
    expect(first.disposed).toBeTrue();
    session.subscription.unsubscribe();
    expect(session.time.actions).toEqual([]);
    await session.settle();
    expect(session.agents.length).toBe(1);
  });
});
