import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RemoteVideoStream, TeamsCall } from '@azure/communication-calling';
import { consoles, FAKE_CAMERA } from '../testing/consoles';
import { inertCallFeatureNames } from './features';
import { Features, LocalVideoStream } from './index';

/** Alex and Blake in a 1:1 call, both connected. */
async function oneToOne() {
  const context = await consoles('alex', 'blake');
  const { emulator, consoles: c } = context;
  const call = c.alex.agent.startCall(c.blake.identifier);
  await emulator.settle();
  const blakeCall = await c.blake.ringing[0].accept();
  await emulator.settle();
  return { ...context, call, blakeCall };
}

describe('video', () => {
  it('starts and stops a camera; the other console sees the participant’s stream added, then available or not', async () => {
    const { emulator, call, blakeCall, watch, finish } = await oneToOne();
    const log: string[] = [];
    const alexSeen = blakeCall.remoteParticipants[0];
    watch(
      call,
      ['isLocalVideoStartedChanged', 'localVideoStreamsUpdated'],
      log,
      'alex',
      (t, e) => `${e} ${t.isLocalVideoStarted}`,
    );
    watch(
      alexSeen,
      ['videoStreamsUpdated'],
      log,
      'blake sees alex',
      (_t, e, a) => `${e} +${(a as { added: unknown[] }).added.length}`,
    );
    assert.deepEqual(alexSeen.videoStreams, []);
    const camera = new LocalVideoStream(FAKE_CAMERA);
    await call.startVideo(camera as never);
    await emulator.settle();
    assert.deepEqual(call.localVideoStreams, [camera]);
    const [stream] = alexSeen.videoStreams as RemoteVideoStream[];
    assert.equal(stream.mediaStreamType, 'Video');
    assert.equal(stream.isAvailable, true);
    watch(stream, ['isAvailableChanged'], log, 'stream', (t) => `available ${t.isAvailable}`);
    await assert.rejects(call.startVideo(camera as never), { code: 400, subCode: 41027 });
    await call.stopVideo(camera as never);
    await emulator.settle();
    await assert.rejects(call.stopVideo(camera as never), { code: 400, subCode: 41030 });
    await assert.rejects(call.startVideo(undefined as never), { code: 400, subCode: 41025 });
    // The world tells the other console before it answers this one.
    assert.deepEqual(log, [
      'blake sees alex videoStreamsUpdated +1',
      'alex localVideoStreamsUpdated true',
      'alex isLocalVideoStartedChanged true',
      'stream available false',
      'alex localVideoStreamsUpdated false',
      'alex isLocalVideoStartedChanged false',
    ]);
    assert.equal(alexSeen.videoStreams.length, 1, 'the stream stays, unavailable');
    await call.hangUp();
    await finish();
  });

  it('releases the camera when the call ends, unless the stream was made to outlive it', async () => {
    const { emulator, call, blakeCall, finish } = await oneToOne();
    const camera = new LocalVideoStream(FAKE_CAMERA);
    const kept = new LocalVideoStream(FAKE_CAMERA, { autoDisposeOnCallEnd: false });
    await call.startVideo(camera as never);
    await blakeCall.startVideo(kept as never);
    await emulator.settle();
    await call.hangUp();
    await emulator.settle();
    await assert.rejects(camera.getMediaStream(), /has been disposed/);
    assert.deepEqual(blakeCall.localVideoStreams, []);
    // Only the stream's own end: in Node no camera opens, so the kept one fails for that reason.
    await assert.rejects(kept.getMediaStream(), { code: 412, subCode: 43013 });
    await finish();
  });

  it('answers with the camera on when accept() is given a LocalVideoStream', async () => {
    const { emulator, consoles: c, finish } = await consoles('alex', 'blake');
    const call = c.alex.agent.startCall(c.blake.identifier);
    await emulator.settle();
    const camera = new LocalVideoStream(FAKE_CAMERA);
    const answered = await c.blake.ringing[0].accept({
      videoOptions: { localVideoStreams: [camera as never] },
    });
    await emulator.settle();
    assert.equal(answered.isLocalVideoStarted, true);
    assert.equal(call.remoteParticipants[0].videoStreams[0]?.isAvailable, true);
    await call.hangUp();
    await finish();
  });
});

describe('features', () => {
  it('gives every call feature the SDK’s typings declare as an object (one per call), never a throw; the agent’s too', async () => {
    const { call, consoles: c, finish } = await oneToOne();
    const declared = [
      ...inertCallFeatureNames,
      'Capabilities',
      'DominantSpeakers',
      'Transfer',
      'Recording',
      'Captions',
    ] as const;
    assert.equal(declared.length, 20);
    for (const name of declared) {
      const token = Features[name];
      const feature = (call as TeamsCall).feature(token as never) as { name?: string };
      assert.equal(typeof feature, 'object', name);
      assert.equal((call as TeamsCall).feature(token as never), feature, `${name} is memoized`);
    }
    const agent = c.alex.agent as unknown as { feature(factory: unknown): object };
    const transfer = agent.feature(Features.ActiveCallTransfer);
    assert.equal(agent.feature(Features.ActiveCallTransfer), transfer);
    await call.hangUp();
    await finish();
  });

  it('gives each console its capabilities, and says which changed and why', async () => {
    const { emulator, world, call, finish } = await oneToOne();
    const feature = call.feature(Features.Capabilities as never) as unknown as {
      capabilities: Record<string, { isPresent: boolean; reason: string }>;
      on(e: string, l: (a: unknown) => void): void;
      off(e: string, l: (a: unknown) => void): void;
    };
    assert.deepEqual(feature.capabilities['muteOthers'], {
      isPresent: false,
      reason: 'CapabilityNotApplicableForTheCallType',
    });
    assert.deepEqual(feature.capabilities['addPhoneNumber'], { isPresent: true, reason: 'Capable' });
    assert.deepEqual(feature.capabilities['shareScreen'], {
      isPresent: false,
      reason: 'FeatureNotSupported',
    });
    const changes: unknown[] = [];
    const onChange = (change: unknown) => changes.push(change);
    feature.on('capabilitiesChanged', onChange);
    const thread = world.threads.create({ members: [world.directory.user('alex')!.microsoftTeamsUserId] }, 0);
    call.addParticipant({ phoneNumber: '+14255550123' }, { threadId: thread.id });
    await emulator.settle();
    feature.off('capabilitiesChanged', onChange);
    const capable = { isPresent: true, reason: 'Capable' };
    const notApplicable = { isPresent: false, reason: 'CapabilityNotApplicableForTheCallType' };
    assert.deepEqual(changes, [
      {
        oldValue: {
          removeParticipant: notApplicable,
          hangUpForEveryOne: notApplicable,
          muteOthers: notApplicable,
        },
        newValue: { removeParticipant: capable, hangUpForEveryOne: capable, muteOthers: capable },
        reason: 'MeetingOptionOrOrganizerPolicyChanged',
      },
    ]);
    await call.hangUp();
    await finish();
  });
});
