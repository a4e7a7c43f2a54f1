import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient } from '../../../../emulator/client';
import { ManualScheduler } from '../../floor/testing/manual-scheduler';
import { CALL_CONTROL_SCHEDULER, CONTROL_TIME_LIMIT_MS } from '../calls/call-control-time';
import { ActiveCallPanelActions } from '../calls/active-call-panel.actions';
import { callsFeature } from '../calls/calls.feature';
import { DialerActions } from '../dialer/dialer.actions';
import { phoneNumberTarget } from '../../model/dial-target';
import { startEmulatedConsole } from '../testing/emulated-console';
import { QueuePanelActions } from './queue-panel.actions';
import { QUEUE_NOTICE_MS, queueFeature, selectQueuedCalls } from './queue.feature';

/**
 * How late the SDK's answer comes, on the emulator's clock: after the console's time limit, which
 * runs on a clock of its own.
 */
const LATE_MS = CONTROL_TIME_LIMIT_MS + 5_000;

/** Alex's console, whose call controls' time limit runs on a clock the test moves. */
async function console() {
  const controls = new ManualScheduler(0);
  const app = await startEmulatedConsole('alex', {
    providers: [{ provide: CALL_CONTROL_SCHEDULER, useValue: controls }],
  });
  return { app, controls };
}

/** Blake, at another console, answering the first call that rings for them. */
async function colleague(app: Awaited<ReturnType<typeof console>>['app']) {
  const blake = await new CallClient().createTeamsCallAgent(
    new AzureCommunicationTokenCredential(app.emulator.tokenFor('blake')),
  );
  const ringing: { accept(): Promise<unknown> }[] = [];
  const onIncoming = ({ incomingCall }: { incomingCall: { accept(): Promise<unknown> } }) =>
    ringing.push(incomingCall);
  blake.on('incomingCall', onIncoming);
  return {
    accept: () => ringing[0].accept(),
    leave: async () => {
      blake.off('incomingCall', onIncoming);
      await blake.dispose();
    },
  };
}

/** Alex clicks Accept, and Blake answers first (Alex's accept comes a second late). */
async function lostToAColleague(app: Awaited<ReturnType<typeof console>>['app']) {
  const blake = await colleague(app);
  const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 120_000, talkMs: 600_000 });
  await app.settle();
  app.emulator.world.faults.delayNext('accept', 1_000);
  app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
  await app.settle();
  await blake.accept();
  await app.advance(1_000);
  return { id, blake };
}

describe('the queue after a control the console gave up on', () => {
  it('drops the timed-out entry once the accept it gave up on connects after all', async () => {
    const { app, controls } = await console();
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 120_000, talkMs: 600_000 });
    await app.settle();
    app.emulator.world.faults.delayNext('accept', LATE_MS);
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    controls.advance(CONTROL_TIME_LIMIT_MS);
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([
      jasmine.objectContaining({
        id,
        failure: jasmine.objectContaining({ message: jasmine.stringMatching(/did not answer in time/) }),
      }),
    ]);

    await app.advance(LATE_MS);

    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ id, state: 'Connected', failure: null }),
    );
    expect(app.state(selectQueuedCalls)).toEqual([]);
    expect(app.state(queueFeature.selectNotice)).toBeNull();
  });

  it('drops the timed-out error once a hold it gave up on goes through after all', async () => {
    const { app, controls } = await console();
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 120_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    app.emulator.world.faults.delayNext('hold', LATE_MS);
    app.store.dispatch(ActiveCallPanelActions.holdClicked({ callId: id }));
    await app.settle();
    controls.advance(CONTROL_TIME_LIMIT_MS);
    await app.settle();
    expect(app.state(callsFeature.selectEntities)[id]?.failure?.operation).toBe('hold');

    await app.advance(LATE_MS);

    expect(app.state(callsFeature.selectHeldCalls)).toEqual([
      jasmine.objectContaining({ id, state: 'LocalHold', failure: null, pending: null }),
    ]);
  });

  it('says another agent answered, then lets the note go after a few seconds', async () => {
    const { app, controls } = await console();
    const { id, blake } = await lostToAColleague(app);
    expect(app.state(queueFeature.selectNotice)).toEqual(
      jasmine.objectContaining({ id, message: 'Another agent answered this call.' }),
    );
    controls.advance(QUEUE_NOTICE_MS - 1);
    await app.settle();
    expect(app.state(queueFeature.selectNotice)).not.toBeNull();
    controls.advance(1);
    await app.settle();
    expect(app.state(queueFeature.selectNotice)).toBeNull();
    await blake.leave();
  });

  it('lets the note go at the agent’s next action', async () => {
    const { app } = await console();
    const { blake } = await lostToAColleague(app);
    expect(app.state(queueFeature.selectNotice)).not.toBeNull();
    app.store.dispatch(DialerActions.callClicked({ target: phoneNumberTarget('+14255550123') }));
    await app.settle();
    expect(app.state(queueFeature.selectNotice)).toBeNull();
    await blake.leave();
  });
});
