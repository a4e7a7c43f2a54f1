import { signal, type Type } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { ActionsSubject, provideState, Store, type Action } from '@ngrx/store';
import { FloorApiActions } from '../../state/floor/floor-api.actions';
import { SupervisorFloorPageActions } from '../../state/floor/supervisor-floor-page.actions';
import { supervisorFloorFeature } from '../../state/floor/supervisor-floor.feature';
import {
  floorAgent,
  floorCall,
  floorRequest,
  queueStats,
  SAM,
} from '../../state/floor/testing/floor-fixtures';
import { provideTestState } from '../../state/testing/provide-test-state';
import { FloorAgentsPanelComponent } from './floor-agents-panel.component';
import { FloorAgentsPanelHarness } from './floor-agents-panel.harness';
import { FloorQueuesPanelComponent } from './floor-queues-panel.component';
import { FloorQueuesPanelHarness } from './floor-queues-panel.harness';
import { FloorRequestsPanelComponent } from './floor-requests-panel.component';
import { FloorRequestsPanelHarness } from './floor-requests-panel.harness';
import { FloorStatusComponent } from './floor-status.component';

const t = (iso: string) => Date.parse(iso);
const ringing = floorCall('q1', { state: 'Ringing', firstSeenAt: '2026-01-05T09:00:10.000Z' });
const talking = floorCall('c1', { since: '2026-01-05T09:01:00.000Z' });
const casey = floorAgent('casey', 'Casey Diaz', [talking], { since: '2026-01-05T09:01:00.000Z' });
const snapshot = FloorApiActions.snapshotReceived({
  agents: [floorAgent('alex', 'Alex Rivera', [ringing]), floorAgent('blake', 'Blake Chen', [ringing]), casey],
  queues: [
    queueStats('Billing', {
      offered: 4,
      answered: 3,
      abandoned: 1,
      answeredWithinThreshold: 3,
      handled: 2,
      handleSeconds: 185,
    }),
    queueStats('Sales'),
  ],
  requests: [],
  serviceLevelSeconds: 20,
});

describe('the supervisor’s floor panels', () => {
  const now = signal(t('2026-01-05T09:02:10Z'));

  async function render<T>(component: Type<T>) {
    const dispatched: Action[] = [];
    TestBed.configureTestingModule({
      providers: [...provideTestState(now), provideState(supervisorFloorFeature)],
    });
    const store = TestBed.inject(Store);
    store.dispatch(snapshot);
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    const fixture = TestBed.createComponent(component);
    await fixture.whenStable();
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ').trim();
    return { fixture, store, dispatched, text };
  }

  it('shows each queue’s waiting calls once, its longest wait ticking, and today’s figures', async () => {
    const { fixture } = await render(FloorQueuesPanelComponent);
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, FloorQueuesPanelHarness);
    expect(await panel.getRows()).toEqual([
      {
        Queue: 'Billing',
        'Waiting now': '1',
        'Longest wait': '2:00',
        Offered: '4',
        Answered: '3',
        Abandoned: '1',
        'Service level': '75 %',
        'Avg handle time': '1:33',
      },
      {
        Queue: 'Sales',
        'Waiting now': '0',
        'Longest wait': '—',
        Offered: '0',
        Answered: '0',
        Abandoned: '0',
        'Service level': '—',
        'Avg handle time': '—',
      },
    ]);
    now.set(t('2026-01-05T09:02:11Z'));
    expect((await panel.getRows())[0]['Longest wait']).toBe('2:01');
    expect(await panel.getServiceLevelExplanation()).toBe(
      'Answered within 20 s of arriving, over calls offered today (as Genesys and Dynamics define it)',
    );
    now.set(t('2026-01-05T09:02:10Z'));
  });

  it('lists agents by name with their state in words, time in it, and their call; Join joins from the floor', async () => {
    const { fixture, dispatched, store } = await render(FloorAgentsPanelComponent);
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, FloorAgentsPanelHarness);
    expect(await panel.getRows()).toEqual([
      ['Alex Rivera', 'Available', '32:10', 'No call'],
      ['Blake Chen', 'Available', '32:10', 'No call'],
      ['Casey Diaz', 'On a call', '1:10', 'Kim Lee · Billing · 1:10'],
    ]);
    expect(await panel.joinButtonCount()).toBe(1);

    store.dispatch(
      FloorApiActions.updateReceived({
        agents: [{ ...casey, calls: [{ ...talking, onHold: true, state: 'LocalHold' }] }],
        queues: [],
      }),
    );
    expect((await panel.getRows())[2][3]).toBe('Kim Lee · Billing · 1:10 · On hold');

    await panel.join('Casey Diaz');
    expect(dispatched).toContain(
      SupervisorFloorPageActions.joinClicked({ agentId: 'casey', callKey: 'c1', requestId: null }),
    );
  });

  it('counts agents by state and shows After-call work and Away with the time in them', async () => {
    const { fixture, store } = await render(FloorAgentsPanelComponent);
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, FloorAgentsPanelHarness);
    expect(await panel.getStateCounts()).toEqual([
      'Available 2',
      'On a call 1',
      'After-call work 0',
      'Away 0',
      'Offline 0',
    ]);
    store.dispatch(
      FloorApiActions.updateReceived({
        agents: [
          floorAgent('alex', 'Alex Rivera', [], {
            state: 'afterCallWork',
            since: '2026-01-05T09:01:55.000Z',
          }),
          floorAgent('blake', 'Blake Chen', [], { state: 'away', since: '2026-01-05T08:59:10.000Z' }),
        ],
        queues: [],
      }),
    );
    expect((await panel.getRows()).slice(0, 2)).toEqual([
      ['Alex Rivera', 'After-call work', '0:15', 'No call'],
      ['Blake Chen', 'Away', '3:00', 'No call'],
    ]);
    expect(await panel.getStateCounts()).toEqual([
      'Available 0',
      'On a call 1',
      'After-call work 1',
      'Away 1',
      'Offline 0',
    ]);
  });

  it('rings a request as a card with the agent, caller, queue and wait; Join and Decline answer it', async () => {
    const { fixture, dispatched, store } = await render(FloorRequestsPanelComponent);
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, FloorRequestsPanelHarness);
    expect(await panel.getCards()).toEqual([]);
    store.dispatch(FloorApiActions.requestReceived({ request: floorRequest('r1', casey, talking) }));
    store.dispatch(
      FloorApiActions.requestReceived({ request: floorRequest('r2', casey, { ...talking, key: 'c2' }) }),
    );
    const [first, second] = await panel.getCards();
    expect(await first.getText()).toBe(
      'Casey Diaz asks for help Kim Lee · Billing · Waited 3:10 Join Decline',
    );

    await first.join();
    expect(dispatched).toContain(
      SupervisorFloorPageActions.joinClicked({ agentId: 'casey', callKey: 'c1', requestId: 'r1' }),
    );
    expect(await first.canJoin()).toBeFalse();

    await second.decline();
    expect(dispatched).toContain(SupervisorFloorPageActions.declineClicked({ requestId: 'r2' }));
    expect((await panel.getCards()).length).toBe(1);
  });

  it('says who took a request, or that it expired, then lets the card go', async () => {
    const { fixture, store } = await render(FloorRequestsPanelComponent);
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, FloorRequestsPanelHarness);
    store.dispatch(FloorApiActions.requestReceived({ request: floorRequest('r1', casey, talking) }));
    store.dispatch(
      FloorApiActions.requestReceived({ request: floorRequest('r2', casey, { ...talking, key: 'c2' }) }),
    );
    store.dispatch(FloorApiActions.requestClosed({ requestId: 'r1', outcome: 'taken', by: SAM, at: now() }));
    store.dispatch(
      FloorApiActions.requestClosed({ requestId: 'r2', outcome: 'expired', by: null, at: now() }),
    );
    const cards = await panel.getCards();
    expect(await Promise.all(cards.map((card) => card.getClosed()))).toEqual([
      'Taken by Sam Okafor',
      'Expired',
    ]);
    expect(await cards[0].canJoin()).toBeFalse();

    now.set(now() + 5_000);
    expect(await panel.getCards()).toEqual([]);
    now.set(t('2026-01-05T09:02:10Z'));
  });

  it('says why a join failed where the supervisor clicked', async () => {
    const { fixture, store } = await render(FloorRequestsPanelComponent);
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, FloorRequestsPanelHarness);
    store.dispatch(FloorApiActions.requestReceived({ request: floorRequest('r1', casey, talking) }));
    await (await panel.getCards())[0].join();
    store.dispatch(FloorApiActions.errorReceived({ code: 'not_found', message: 'The request has closed.' }));
    expect(await panel.getFailure()).toBe('Could not join: The request has closed.');
    expect(await (await panel.getCards())[0].canJoin()).toBeTrue();
  });

  it('says whether the floor is live, when it tries again, and why it is not available', async () => {
    const { fixture, store, text } = await render(FloorStatusComponent);
    expect(text()).toBe('Floor: not connected');
    store.dispatch(FloorApiActions.connectionChanged({ status: { state: 'open' } }));
    await fixture.whenStable();
    expect(text()).toBe('Floor: connected');
    store.dispatch(
      FloorApiActions.connectionChanged({
        status: { state: 'closed', reason: 'the connection was lost', retryAt: now() + 4_000 },
      }),
    );
    await fixture.whenStable();
    expect(text()).toBe('Floor: reconnecting in 4 s (the connection was lost)');
    store.dispatch(
      FloorApiActions.connectionChanged({
        status: {
          state: 'closed',
          reason: 'your account has neither the Agent nor the Supervisor role',
          retryAt: null,
        },
      }),
    );
    await fixture.whenStable();
    expect(text()).toBe('Floor: not available: your account has neither the Agent nor the Supervisor role');
  });
});
