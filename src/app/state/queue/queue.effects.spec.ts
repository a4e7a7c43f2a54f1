import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient } from '../../../../emulator/client';
import { callsFeature } from '../calls/calls.feature';
import { HeldCallsPanelActions } from '../calls/call-panels.actions';
import { participantsFeature } from '../participants/participants.feature';
import { startEmulatedConsole } from '../testing/emulated-console';
import { QueuePanelActions } from './queue-panel.actions';
import { queueFeature, selectQueuedCalls } from './queue.feature';

describe('queue effects on the emulator', () => {
  it('shows a queued call ringing, and accepting it makes it the active call with the caller on it', async () => {
    const app = await startEmulatedConsole('alex');
    const id = app.emulator.world.enqueuePhoneCall({
      from: '+14255550142',
      displayName: 'Kim Lee',
      queue: 'Billing',
      patienceMs: 60_000,
      talkMs: 120_000,
    });
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([
      jasmine.objectContaining({
        id,
        queue: 'Billing',
        status: 'ringing',
        caller: jasmine.objectContaining({ displayName: 'Kim Lee' }),
      }),
    ]);

    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([]);
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ id, state: 'Connected', queue: 'Billing' }),
    );
    expect(app.state(participantsFeature.selectAllParticipants)).toEqual([
      jasmine.objectContaining({
        callId: id,
        state: 'Connected',
        identity: jasmine.objectContaining({ phoneNumber: '+14255550142' }),
      }),
    ]);
  });

  it('stops ringing for this agent once another agent accepts', async () => {
    const app = await startEmulatedConsole('alex');
    const blake = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(app.emulator.tokenFor('blake')),
    );
    const ringing: Promise<unknown>[] = [];
    const onIncoming = ({ incomingCall }: { incomingCall: { accept(): Promise<unknown> } }) =>
      ringing.push(incomingCall.accept());
    blake.on('incomingCall', onIncoming);
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 60_000 });
    await app.settle();
    await Promise.all(ringing);
    await app.settle();

    expect(app.state(selectQueuedCalls).map((c) => c.id)).not.toContain(id);
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    blake.off('incomingCall', onIncoming);
    await blake.dispose();
  });

  it('shows the reason on the call when accepting fails, and keeps it ringing', async () => {
    const app = await startEmulatedConsole('alex');
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000 });
    await app.settle();
    app.emulator.world.faults.failNext('accept', { code: 408, subCode: 40114 });
    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([
      jasmine.objectContaining({
        id,
        status: 'ringing',
        failure: {
          message: 'Could not reach the calling service. Check the network and try again.',
          code: 408,
          subCode: 40114,
        },
      }),
    ]);
  });

  it('rejecting takes the call off this agent’s queue', async () => {
    const app = await startEmulatedConsole('alex');
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.rejectClicked({ id }));
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([]);
    expect(app.state(queueFeature.selectNotice)).toBeNull();
  });

  it('drops a caller who ran out of patience from the queue', async () => {
    const app = await startEmulatedConsole('alex');
    app.emulator.world.enqueuePhoneCall({ patienceMs: 30_000 });
    await app.settle();
    expect(app.state(selectQueuedCalls).length).toBe(1);
    await app.advance(30_001);
    expect(app.state(selectQueuedCalls)).toEqual([]);
  });

  it('puts the active call on hold when the agent accepts another, and swaps back on Resume', async () => {
    const app = await startEmulatedConsole('alex');
    const first = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: first }));
    await app.settle();
    const second = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
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

  it('takes the agent back to their call when accepting another fails after holding it', async () => {
    const app = await startEmulatedConsole('alex');
    const first = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await app.settle();
    app.store.dispatch(QueuePanelActions.acceptClicked({ id: first }));
    await app.settle();
    const second = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000 });
    await app.settle();
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
});
