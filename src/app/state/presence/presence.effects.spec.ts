import { TestBed } from '@angular/core/testing';
import { FLOOR_SCHEDULER } from '../../floor/floor-socket';
import { FakeFloor, provideFakeFloor } from '../../floor/testing/fake-floor';
import { ManualScheduler } from '../../floor/testing/manual-scheduler';
import { GraphFailure, GraphService } from '../../graph/graph.service';
import type { TeamsPresence } from '../../model/agent-presence';
import { AfterCallWorkPanelActions } from '../after-call-work/after-call-work-panel.actions';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { REPORT_DEBOUNCE_MS } from '../floor/floor-report';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { SettingsPageActions } from '../settings/settings-page.actions';
import { startEmulatedConsole } from '../testing/emulated-console';
import { AgentStatusMenuActions } from './agent-status-menu.actions';
import { presenceFeature, selectEffectivePresence } from './presence.feature';
import { selectStatusMenuViewModel } from './presence.view-model';
import { PRESENCE_RENEWAL_MS, PRESENCE_SCHEDULER } from './presence-scheduler';

/**
 * Graph's presence as the console uses it, recorded. The emulator's Graph in this process has no
 * presence routes, so the effects are tested against this double of `GraphService`; the requests
 * themselves are tested in graph.service.spec.ts.
 */
class PresenceGraph extends GraphService {
  readonly requests: string[] = [];
  private failure: GraphFailure | null = null;
  private set: TeamsPresence | null = null;
  /** What Teams shows instead of what was set (a presence the user chose in Teams). */
  shown: TeamsPresence | null = null;

  failNext(failure: GraphFailure): void {
    this.failure = failure;
  }

  override async setPresence(userId: string, presence: TeamsPresence): Promise<void> {
    this.record(`set ${presence.availability}/${presence.activity} for ${userId}`);
    this.set = presence;
  }

  override async presence(): Promise<TeamsPresence> {
    return this.shown ?? this.set ?? { availability: 'Offline', activity: 'Offline' };
  }

  override async clearPresence(userId: string): Promise<void> {
    this.record(`clear for ${userId}`);
  }

  private record(request: string): void {
    this.requests.push(request);
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure;
  }
}

const ALEX = '00000000-0000-4000-8000-00000000a001';
const START = Date.parse('2026-01-05T09:00:00Z');

async function startAgent({ awayAfterMissedCall = true } = {}) {
  const clock = new ManualScheduler(START);
  const floor = new FakeFloor();
  const app = await startEmulatedConsole('alex', {
    providers: [
      { provide: GraphService, useFactory: () => new PresenceGraph() },
      { provide: PRESENCE_SCHEDULER, useValue: clock },
      ...provideFakeFloor(floor),
      { provide: FLOOR_SCHEDULER, useValue: clock },
    ],
  });
  const graph = TestBed.inject(GraphService) as PresenceGraph;
  if (!awayAfterMissedCall)
    app.store.dispatch(SettingsPageActions.settingsChanged({ changes: { awayAfterMissedCall: false } }));
  await app.settle();
  const queueCall = async (talkMs = 120_000, from = '+14255550142', displayName = 'Robin Park') => {
    const id = app.emulator.world.enqueuePhoneCall({
      from,
      displayName,
      queue: 'Billing',
      patienceMs: 10 * 60_000,
      talkMs,
    });
    await app.settle();
    return id;
  };
  const choose = async (status: 'available' | 'away' | 'offline') => {
    app.store.dispatch(AgentStatusMenuActions.statusChosen({ status }));
    await app.settle();
  };
  return { app, graph, clock, floor, queueCall, choose };
}

describe('the agent’s Teams presence', () => {
  it('is set Available at sign-in and renewed every 5 minutes, and Busy/InACall while a call is live', async () => {
    const { app, graph, clock, queueCall } = await startAgent();
    expect(graph.requests).toEqual([`set Available/Available for ${ALEX}`]);
    expect(app.state(presenceFeature.selectTeams)).toEqual({
      availability: 'Available',
      activity: 'Available',
    });

    clock.advance(PRESENCE_RENEWAL_MS - 1);
    await app.settle();
    expect(graph.requests.length).toBe(1);
    clock.advance(1);
    await app.settle();
    expect(graph.requests).toEqual([
      `set Available/Available for ${ALEX}`,
      `set Available/Available for ${ALEX}`,
    ]);

    const id = await queueCall();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    expect(app.state(selectEffectivePresence)).toBe('onCall');
    expect(graph.requests.at(-1)).toBe(`set Busy/InACall for ${ALEX}`);

    // After the call, its after-call work (Away for the queues), then Available again at Done.
    app.store.dispatch(ActiveCallPanelActions.hangUpClicked({ callId: id }));
    await app.settle();
    expect(app.state(selectEffectivePresence)).toBe('afterCallWork');
    expect(graph.requests.at(-1)).toBe(`set Away/Away for ${ALEX}`);
    app.store.dispatch(AfterCallWorkPanelActions.doneClicked());
    await app.settle();
    expect(app.state(selectEffectivePresence)).toBe('available');
    expect(graph.requests.at(-1)).toBe(`set Available/Available for ${ALEX}`);
  });

  it('is Away/Away when the agent goes Away; Offline clears the session and stops renewing it; sign-out clears it', async () => {
    const { app, graph, clock, choose } = await startAgent();
    await choose('away');
    expect(graph.requests.at(-1)).toBe(`set Away/Away for ${ALEX}`);

    await choose('offline');
    expect(graph.requests.at(-1)).toBe(`clear for ${ALEX}`);
    expect(app.state(presenceFeature.selectTeams)).toBeNull();
    const made = graph.requests.length;
    clock.advance(3 * PRESENCE_RENEWAL_MS);
    await app.settle();
    expect(graph.requests.length).withContext('no renewal while Offline').toBe(made);

    await choose('available');
    app.store.dispatch(ShellActions.signOutClicked());
    await app.settle();
    expect(graph.requests.slice(-2)).toEqual([`set Available/Available for ${ALEX}`, `clear for ${ALEX}`]);
  });

  it('stops setting it once another tab of the agent’s takes the softphone', async () => {
    const { app, graph, clock } = await startAgent();
    app.store.dispatch(SoftphoneActions.released({ reason: 'usedElsewhere' }));
    await app.settle();
    const made = graph.requests.length;
    clock.advance(2 * PRESENCE_RENEWAL_MS);
    await app.settle();
    expect(graph.requests.length).toBe(made);
  });

  it('says why Teams refused the presence, with Graph’s code, until it is set', async () => {
    const { app, graph, choose } = await startAgent();
    graph.failNext(
      new GraphFailure(
        'Your Teams presence could not be set: your account is not allowed to do this (ask an administrator about the app’s Graph permissions).',
        403,
      ),
    );
    await choose('away');
    expect(app.state(presenceFeature.selectFailure)).toEqual({
      message:
        'Your Teams presence could not be set: your account is not allowed to do this (ask an administrator about the app’s Graph permissions).',
      code: 403,
    });
    await choose('available');
    expect(app.state(presenceFeature.selectFailure)).toBeNull();
  });

  it('says when Teams shows the agent as something else while they are Available here', async () => {
    const { app, graph, clock, choose } = await startAgent();
    expect(app.state(presenceFeature.selectSeen)).toEqual({
      availability: 'Available',
      activity: 'Available',
    });
    graph.shown = { availability: 'DoNotDisturb', activity: 'Presenting' };
    clock.advance(PRESENCE_RENEWAL_MS);
    await app.settle();
    expect(app.state(selectStatusMenuViewModel).teamsShows).toBe('Do not disturb');
    await choose('away');
    expect(app.state(selectStatusMenuViewModel).teamsShows).toBeNull();
  });

  it('reports the effective state and when it was entered to the floor', async () => {
    const { app, clock, floor, choose } = await startAgent();
    const socket = floor.welcome({ id: ALEX, displayName: 'Alex Rivera', role: 'agent' });
    await app.settle();
    clock.advance(60_000);
    await choose('away');
    clock.advance(REPORT_DEBOUNCE_MS);
    await app.settle();
    expect(socket.sentOf('report').at(-1)).toEqual(
      jasmine.objectContaining({ state: 'away', since: new Date(START + 60_000).toISOString() }),
    );
  });
});

describe('a queue call that rings out on the agent', () => {
  it('sets an Available agent Away and says who it was from', async () => {
    const { app, graph, queueCall } = await startAgent();
    await queueCall();
    await app.advance(120_000);
    expect(app.state(selectEffectivePresence)).toBe('away');
    expect(app.state(presenceFeature.selectMissedCall)).toEqual({
      caller: jasmine.objectContaining({ displayName: 'Robin Park' }),
      queue: 'Billing',
    });
    expect(graph.requests.at(-1)).toBe(`set Away/Away for ${ALEX}`);
  });

  it('leaves the agent Available when the setting is off', async () => {
    const { app, queueCall } = await startAgent({ awayAfterMissedCall: false });
    await queueCall();
    await app.advance(120_000);
    expect(app.state(selectEffectivePresence)).toBe('available');
    expect(app.state(presenceFeature.selectMissedCall)).toBeNull();
  });

  it('leaves an agent on another call on that call', async () => {
    const { app, queueCall } = await startAgent();
    const first = await queueCall(10 * 60_000);
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: first }));
    await app.settle();
    await queueCall(60_000, '+14255550199', 'Kim Lee');
    await app.advance(120_000);
    expect(app.state(selectEffectivePresence)).toBe('onCall');
    expect(app.state(presenceFeature.selectChosen)).toBe('available');
  });
});
