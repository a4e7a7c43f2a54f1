import { TestBed } from '@angular/core/testing';
import { Actions } from '@ngrx/effects';
import type { Action } from '@ngrx/store';
import type { ClientMessage } from '../../../../server/floor/floor-protocol';
import { FLOOR_SCHEDULER } from '../../floor/floor-socket';
import { FakeFloor, provideFakeFloor } from '../../floor/testing/fake-floor';
import { ManualScheduler } from '../../floor/testing/manual-scheduler';
import { CallingApiActions } from '../calling-api.actions';
import { EscalationPanelActions } from '../escalation/escalation-panel.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { startEmulatedConsole } from '../testing/emulated-console';
import { FloorApiActions } from './floor-api.actions';
import { REPORT_DEBOUNCE_MS } from './floor-report';
import { floorSessionFeature, selectMutedBy, selectWaitingCalls } from './floor-session.feature';

const SAM = { id: 'sam-id', displayName: 'Sam Okafor' };

async function startAgent() {
  const floor = new FakeFloor();
  const clock = new ManualScheduler(Date.parse('2026-01-05T09:00:00Z'));
  const app = await startEmulatedConsole('alex', {
    providers: [...provideFakeFloor(floor), { provide: FLOOR_SCHEDULER, useValue: clock }],
  });
  const actions: Action[] = [];
  TestBed.inject(Actions).subscribe((action) => actions.push(action));
  const socket = floor.welcome({ id: 'alex-id', displayName: 'Alex Rivera', role: 'agent' });
  await app.settle();
  /** The reports sent so far, once the debounce has passed. */
  const reports = async () => {
    clock.advance(REPORT_DEBOUNCE_MS);
    await app.settle();
    return socket.sentOf('report');
  };
  const queuedCall = async () => {
    const id = app.emulator.world.enqueuePhoneCall({
      from: '+14255550142',
      displayName: 'Kim Lee',
      queue: 'Billing',
      patienceMs: 60_000,
      talkMs: 120_000,
    });
    await app.settle();
    return id;
  };
  const accepted = async () => {
    const id = await queuedCall();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    return id;
  };
  return { app, floor, socket, clock, actions, reports, queuedCall, accepted };
}

describe('the floor, from an agent’s console', () => {
  it('reports available once welcomed, then the ringing call, then onCall with the call’s key, caller and queue', async () => {
    const { app, socket, reports, queuedCall } = await startAgent();
    expect(app.state(floorSessionFeature.selectStatus)).toEqual({ state: 'open' });
    expect(socket.sent[0].type).toBe('hello');
    expect(await reports()).toEqual([
      jasmine.objectContaining({ type: 'report', state: 'available', calls: [] }),
    ]);

    const id = await queuedCall();
    expect((await reports()).at(-1)).toEqual(
      jasmine.objectContaining({
        state: 'available',
        calls: [jasmine.objectContaining({ key: id, state: 'Ringing', queue: 'Billing' })],
      }),
    );

    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    const last = (await reports()).at(-1) as Extract<ClientMessage, { type: 'report' }>;
    expect(last.state).toBe('onCall');
    expect(last.calls).toEqual([
      {
        key: id,
        caller: { displayName: 'Kim Lee', phoneNumber: '+14255550142', rawId: '4:+14255550142' },
        queue: 'Billing',
        state: 'Connected',
        since: jasmine.any(String),
        onHold: false,
        participants: ['Kim Lee'],
      },
    ]);
  });

  it('does not send the same report twice, and sends it again after a new welcome', async () => {
    const { app, floor, clock, reports } = await startAgent();
    expect((await reports()).length).toBe(1);
    expect((await reports()).length).toBe(1);
    floor.current!.drop(1001, 'The server is restarting');
    clock.advance(1_000);
    await app.settle();
    const again = floor.welcome({ id: 'alex-id', displayName: 'Alex Rivera', role: 'agent' });
    clock.advance(REPORT_DEBOUNCE_MS);
    await app.settle();
    expect(again.sentOf('report').length).toBe(1);
  });

  it('names the call by the console’s id when a supervisor is joining, muted the agent or muted the caller', async () => {
    const { app, socket, actions, accepted } = await startAgent();
    const id = await accepted();
    socket.receive({ type: 'joinRequested', supervisor: SAM, callKey: id, requestId: 'r1' });
    socket.receive({ type: 'mutedBy', callKey: id, participantRawId: '8:orgid:alex-id', by: SAM });
    socket.receive({ type: 'mutedBy', callKey: id, participantRawId: '4:+14255550142', by: SAM });
    socket.receive({
      type: 'mutedBy',
      callKey: 'a call elsewhere',
      participantRawId: '8:orgid:alex-id',
      by: SAM,
    });
    await app.settle();
    expect(actions).toContain(
      FloorApiActions.joinRequested({ callId: id, supervisor: SAM, requestId: 'r1' }),
    );
    expect(actions.filter((a) => a.type === FloorApiActions.mutedBy.type)).toEqual([
      FloorApiActions.mutedBy({ callId: id, by: SAM }),
    ]);
    expect(actions).toContain(
      FloorApiActions.participantMutedBy({ callId: id, participantRawId: '4:+14255550142', by: SAM }),
    );
    expect(app.state(selectMutedBy(id))).toBe('Sam Okafor');
  });

  it('asks for a supervisor with the call’s key, and says why when the floor refuses', async () => {
    const { app, socket, actions, accepted } = await startAgent();
    const id = await accepted();
    app.store.dispatch(EscalationPanelActions.askSupervisorClicked({ callId: id }));
    await app.settle();
    expect(socket.sentOf('ask')).toEqual([{ type: 'ask', callKey: id }]);
    socket.receive({ type: 'requestOpened', requestId: 'r1', callKey: id });
    await app.settle();
    expect(actions).toContain(FloorApiActions.requestOpened({ callId: id, requestId: 'r1' }));

    app.store.dispatch(EscalationPanelActions.askSupervisorClicked({ callId: id }));
    socket.receive({ type: 'error', code: 'not_found', message: 'No such call on the floor.' });
    await app.settle();
    expect(actions).toContain(
      FloorApiActions.requestFailed({
        callId: id,
        message: 'The floor could not take the request: No such call on the floor.',
      }),
    );

    app.store.dispatch(EscalationPanelActions.askSupervisorCancelled({ callId: id, requestId: 'r1' }));
    await app.settle();
    expect(socket.sentOf('cancel')).toEqual([{ type: 'cancel', requestId: 'r1' }]);
  });

  it('says the floor is not connected when asked while it is away', async () => {
    const { app, socket, actions, accepted } = await startAgent();
    const id = await accepted();
    socket.drop(1006);
    app.store.dispatch(EscalationPanelActions.askSupervisorClicked({ callId: id }));
    await app.settle();
    expect(actions).toContain(
      FloorApiActions.requestFailed({
        callId: id,
        message: 'Not connected to the supervisors’ floor. Try again once it reconnects.',
      }),
    );
  });

  it('counts a ringing call’s wait from when the floor first saw it', async () => {
    const { app, socket, queuedCall } = await startAgent();
    const id = await queuedCall();
    const [local] = app.state(selectWaitingCalls);
    expect(local.waitingSince).toBe(local.receivedAt);
    socket.receive({ type: 'firstSeen', calls: [{ key: id, at: '2026-01-05T08:59:30.000Z' }] });
    await app.settle();
    expect(app.state(selectWaitingCalls)[0].waitingSince).toBe(Date.parse('2026-01-05T08:59:30Z'));
  });

  it('tells the floor whom the user muted', async () => {
    const { app, socket, accepted } = await startAgent();
    const id = await accepted();
    app.store.dispatch(
      CallingApiActions.participantOperationSucceeded({
        callId: id,
        participantId: '4:+14255550142',
        operation: 'muteParticipant',
      }),
    );
    app.store.dispatch(
      CallingApiActions.callOperationSucceeded({ callId: id, operation: 'muteAllRemoteParticipants' }),
    );
    await app.settle();
    expect(socket.sentOf('muted')).toEqual([
      { type: 'muted', callKey: id, participantRawId: '4:+14255550142' },
      { type: 'muted', callKey: id, participantRawId: '4:+14255550142' },
    ]);
  });
});
