import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CallClient } from '../../../../emulator/client';
import { callsFeature } from '../calls/calls.feature';
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

  it('learns the call’s server id while it rings, and keeps it once accepted', async () => {
    const app = await startEmulatedConsole('alex');
    const id = app.emulator.world.enqueuePhoneCall({ queue: 'Billing', patienceMs: 60_000, talkMs: 60_000 });
    await app.settle();
    // The emulator's server id is the world's id for the call, the same on every agent's leg.
    expect(app.state(selectQueuedCalls)).toEqual([jasmine.objectContaining({ id, serverCallId: id })]);

    app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ id, serverCallId: id }),
    );
  });

  it('stops ringing for this agent once another agent accepts', async () => {
    const app = await startEmulatedConsole('alex');
    const blake = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(app.emulator.tokenFor('blake')),
    );
    const atBlake: { accept(): Promise<unknown> }[] = [];
    const onIncoming = ({ incomingCall }: { incomingCall: { accept(): Promise<unknown> } }) =>
      atBlake.push(incomingCall);
    blake.on('incomingCall', onIncoming);
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 60_000 });
    await app.settle();
    expect(app.state(selectQueuedCalls).map((c) => c.id)).toEqual([id]);
    expect(atBlake.length).toBe(1);

    await atBlake[0].accept();
    await app.settle();

    expect(app.state(selectQueuedCalls)).toEqual([]);
    expect(app.state(callsFeature.selectAllCalls)).toEqual([]);
    expect(app.state(queueFeature.selectNotice)).toBeNull();
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

  it('keeps the call ringing with the reason and the code when rejecting fails', async () => {
    const app = await startEmulatedConsole('alex');
    const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000 });
    await app.settle();
    app.emulator.world.faults.failNext('reject', { code: 503 });
    app.store.dispatch(QueuePanelActions.rejectClicked({ id }));
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([
      jasmine.objectContaining({
        id,
        status: 'ringing',
        failure: { message: 'The calling service is unavailable. Try again shortly.', code: 503 },
      }),
    ]);
    expect(app.emulator.world.snapshot().queue[0].ringing).toEqual(['alex']);
  });

  it('holds no listener for a call another agent took (487/10003)', async () => {
    const app = await startEmulatedConsole('alex');
    const signedIn = app.listenerCount();
    const blake = await new CallClient().createTeamsCallAgent(
      new AzureCommunicationTokenCredential(app.emulator.tokenFor('blake')),
    );
    const atBlake: { accept(): Promise<unknown> }[] = [];
    const onIncoming = ({ incomingCall }: { incomingCall: { accept(): Promise<unknown> } }) =>
      atBlake.push(incomingCall);
    blake.on('incomingCall', onIncoming);
    const withBlake = app.listenerCount();
    app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 60_000 });
    await app.settle();
    expect(app.listenerCount()).toBeGreaterThan(withBlake);
    await atBlake[0].accept();
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([]);
    blake.off('incomingCall', onIncoming);
    expect(app.listenerCount()).toBe(signedIn);
    expect(app.registry.size).toBe(1); // Alex's agent alone
    await blake.dispose();
  });
});
