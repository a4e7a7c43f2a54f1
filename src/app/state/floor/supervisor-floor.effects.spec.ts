import type { TeamsCall } from '@azure/communication-calling';
import { FLOOR_SCHEDULER } from '../../floor/floor-socket';
import { FakeFloor, provideFakeFloor } from '../../floor/testing/fake-floor';
import { ManualScheduler } from '../../floor/testing/manual-scheduler';
import { callsFeature } from '../calls/calls.feature';
import { selectQueuedCalls } from '../queue/queue.feature';
import { startEmulatedConsole } from '../testing/emulated-console';
import { floorAgent, floorCall } from './testing/floor-fixtures';
import { otherConsole, PHONE } from '../testing/group-call';
import { selectWaitingCalls } from './floor-session.feature';
import { provideSupervisorState } from './provide-supervisor-state';
import { SupervisorFloorPageActions } from './supervisor-floor-page.actions';
import { supervisorFloorFeature } from './supervisor-floor.feature';

const SAM = { id: 'sam-id', displayName: 'Sam Okafor', role: 'supervisor' as const };

async function startSupervisor() {
  const floor = new FakeFloor();
  const clock = new ManualScheduler(Date.parse('2026-01-05T09:00:00Z'));
  const app = await startEmulatedConsole('sam', {
    providers: [
      ...provideFakeFloor(floor),
      { provide: FLOOR_SCHEDULER, useValue: clock },
      provideSupervisorState(),
    ],
  });
  const socket = floor.welcome(SAM);
  await app.settle();
  return { app, floor, socket, clock };
}

/** Blake's console in a group call with a phone caller, in a chat Sam is a member of. */
async function blakeOnACall(app: Awaited<ReturnType<typeof startEmulatedConsole>>) {
  const blake = await otherConsole(app, 'blake');
  const samId = app.emulator.world.directory.user('sam')!.microsoftTeamsUserId;
  const thread = app.emulator.world.threads.create({ members: [blake.id, samId] }, app.emulator.clock.now());
  const call: TeamsCall = blake.agent.startCall([{ phoneNumber: PHONE }], { threadId: thread.id });
  await app.advance(10_000);
  const key = await call.info.getServerCallId();
  const addSam = async () => {
    await call.addParticipant({ microsoftTeamsUserId: samId }, { threadId: thread.id });
    await app.settle();
  };
  return { blake, call, key, addSam };
}

describe('the supervisor’s floor effects', () => {
  it('subscribes once welcomed, and asks to join with the request it answers', async () => {
    const { app, socket } = await startSupervisor();
    expect(socket.sent.map((m) => m.type)).toEqual(['hello', 'subscribe']);
    app.store.dispatch(
      SupervisorFloorPageActions.joinClicked({ agentId: 'blake-id', callKey: 'k1', requestId: 'r1' }),
    );
    app.store.dispatch(
      SupervisorFloorPageActions.joinClicked({ agentId: 'blake-id', callKey: 'k2', requestId: null }),
    );
    app.store.dispatch(SupervisorFloorPageActions.declineClicked({ requestId: 'r2' }));
    await app.settle();
    expect(socket.sent.slice(2)).toEqual([
      { type: 'join', agentId: 'blake-id', callKey: 'k1', requestId: 'r1' },
      { type: 'join', agentId: 'blake-id', callKey: 'k2' },
      { type: 'decline', requestId: 'r2' },
    ]);
  });

  it('says a join could not go out while the floor is away', async () => {
    const { app, socket } = await startSupervisor();
    socket.drop(1006);
    app.store.dispatch(
      SupervisorFloorPageActions.joinClicked({ agentId: 'blake-id', callKey: 'k1', requestId: null }),
    );
    await app.settle();
    expect(app.state(supervisorFloorFeature.selectFailure)).toBe(
      'Could not join: not connected to the floor. Try again once it reconnects.',
    );
  });

  it('answers the call it asked to join when the agent’s console adds the supervisor', async () => {
    const { app } = await startSupervisor();
    const { blake, key, addSam } = await blakeOnACall(app);
    app.store.dispatch(
      SupervisorFloorPageActions.joinClicked({ agentId: 'blake-id', callKey: key, requestId: null }),
    );
    await addSam();
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([]);
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ serverCallId: key, state: 'Connected' }),
    );
    await blake.dispose();
  });

  it('answers the call it asks to join if it is already ringing here', async () => {
    const { app } = await startSupervisor();
    const { blake, key, addSam } = await blakeOnACall(app);
    await addSam();
    expect(app.state(selectQueuedCalls)).toEqual([jasmine.objectContaining({ serverCallId: key })]);
    app.store.dispatch(
      SupervisorFloorPageActions.joinClicked({ agentId: 'blake-id', callKey: key, requestId: null }),
    );
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ serverCallId: key, state: 'Connected' }),
    );
    await blake.dispose();
  });

  it('says who brings the supervisor into which call when an agent adds him unasked', async () => {
    const { app, socket } = await startSupervisor();
    const { blake, key, addSam } = await blakeOnACall(app);
    const call = floorCall(key, { caller: { displayName: null, phoneNumber: PHONE, rawId: `4:${PHONE}` } });
    socket.receive({
      type: 'snapshot',
      agents: [floorAgent('blake-id', 'Blake Chen', [call])],
      queues: [],
      requests: [],
      serviceLevelSeconds: 20,
    });
    await addSam();
    expect(app.state(selectWaitingCalls)).toEqual([
      jasmine.objectContaining({
        serverCallId: key,
        status: 'ringing',
        bringingIn: { agent: 'Blake Chen', caller: PHONE, queue: 'Billing' },
      }),
    ]);
    // Not answered by itself: the supervisor did not ask for this one.
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    await blake.dispose();
  });

  it('lets any other call ring, and the joined call too once a minute has passed', async () => {
    const { app, clock } = await startSupervisor();
    const { blake, key, addSam } = await blakeOnACall(app);
    app.store.dispatch(
      SupervisorFloorPageActions.joinClicked({ agentId: 'blake-id', callKey: key, requestId: null }),
    );
    clock.advance(60_001);
    await addSam();
    expect(app.state(selectQueuedCalls)).toEqual([
      jasmine.objectContaining({ serverCallId: key, status: 'ringing' }),
    ]);
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    await blake.dispose();
  });
});
