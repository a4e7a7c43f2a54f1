import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  Features as SdkFeatures,
  RecordingCallFeature,
  RecordingInfo,
  TeamsCall,
} from '@azure/communication-calling';
import { consoles } from '../../testing/consoles';
import { GROUP_CALL_PHONE as PHONE, groupCall } from '../../testing/group-call';
import { Features, listenerCount, RecordingState } from '../index';

/** Alex and Blake in a group call with a phone number; the call's id in the world. */
async function recordableCall() {
  const context = await groupCall();
  return { ...context, alexCall: context.call, callId: await context.call.info.getServerCallId() };
}

const recordingOf = (call: TeamsCall): RecordingCallFeature =>
  call.feature(Features.Recording as unknown as typeof SdkFeatures.Recording);

/** What a console's recording and call say when they change, in words. */
function watchRecording(
  watch: Awaited<ReturnType<typeof consoles>>['watch'],
  call: TeamsCall,
  label: string,
  log: string[],
) {
  const recording = recordingOf(call);
  watch(recording, ['isRecordingActiveChanged'], log, label, (r) =>
    [
      `recording ${r.isRecordingActive ? 'on' : 'off'}`,
      ...(r.isTeamsConsentRequired ? ['(consent asked)'] : []),
    ].join(' '),
  );
  watch(recording, ['recordingsUpdated'], log, label, (_r, _e, args) => {
    const { added, removed } = args as { added: RecordingInfo[]; removed: RecordingInfo[] };
    const names = RecordingState as unknown as Record<number, string>;
    const states = (infos: RecordingInfo[]) => infos.map((i) => names[i.state]).join(',');
    return `recordings +[${states(added)}] -[${states(removed)}]`;
  });
  watch(call, ['isMutedChanged'], log, label, (c) => (c.isMuted ? 'muted' : 'unmuted'));
}

describe('Features.Recording', () => {
  it('shows a recording of the conversation to every console; with consent asked each is muted by the service until it consents', async () => {
    const { emulator, world, watch, alexCall, blakeCall, callId, finish } = await recordableCall();
    const log: string[] = [];
    watchRecording(watch, alexCall, 'alex', log);
    watchRecording(watch, blakeCall, 'blake', log);
    assert.equal(recordingOf(alexCall).isRecordingActive, false);

    world.startRecording(callId, { consentRequired: true });
    await emulator.settle();
    assert.deepEqual(log.splice(0), [
      'alex recording on (consent asked)',
      'alex recordings +[Started] -[]',
      'alex muted',
      'blake recording on (consent asked)',
      'blake recordings +[Started] -[]',
      'blake muted',
    ]);
    assert.deepEqual(
      recordingOf(alexCall).recordings.map((r) => r.state),
      [RecordingState.Started],
    );
    // The others see each console muted, as a participant.
    assert.equal(
      alexCall.remoteParticipants.find((p) => p.identifier?.kind === 'microsoftTeamsUser')?.isMuted,
      true,
    );

    await assert.rejects(alexCall.unmute(), (error: Error & { code: number; subCode: number }) => {
      assert.equal(`${error.code}/${error.subCode}`, '400/41016');
      assert.match(error.message, /until you consent to being recorded/);
      return true;
    });

    await recordingOf(alexCall).grantTeamsConsent();
    assert.equal(recordingOf(alexCall).isTeamsConsentRequired, false, 'known when the promise resolves');
    assert.equal(recordingOf(blakeCall).isTeamsConsentRequired, true, 'consent is each console’s own');
    assert.equal(alexCall.isMuted, true, 'consenting does not unmute');
    await alexCall.unmute();
    await assert.rejects(blakeCall.unmute(), { code: 400, subCode: 41016 });
    await emulator.settle();
    assert.deepEqual(log.splice(0), ['alex unmuted']);

    world.stopRecording(callId);
    await emulator.settle();
    assert.deepEqual(log.splice(0), [
      'alex recording off',
      'alex recordings +[] -[Ended]',
      'blake recording off',
      'blake recordings +[] -[Ended]',
    ]);
    assert.equal(blakeCall.isMuted, true, 'a console muted for consent unmutes itself');
    await blakeCall.unmute();
    assert.deepEqual(recordingOf(blakeCall).recordings, []);
    await alexCall.hangUp();
    await finish();
  });

  it('mutes nobody when no consent is asked', async () => {
    const { emulator, world, watch, alexCall, callId, finish } = await recordableCall();
    const log: string[] = [];
    watchRecording(watch, alexCall, 'alex', log);
    world.startRecording(callId, { consentRequired: false });
    await emulator.settle();
    assert.deepEqual(log, ['alex recording on', 'alex recordings +[Started] -[]']);
    assert.equal(alexCall.isMuted, false);
    await recordingOf(alexCall).grantTeamsConsent();
    await alexCall.mute();
    await alexCall.unmute();
    await alexCall.hangUp();
    await finish();
  });

  it('mutes a console that joins a recorded call, and asks its consent, from its first look at the call', async () => {
    const { emulator, world, consoles: c, finish } = await consoles('alex', 'blake');
    const thread = world.threads.create(
      { members: [c.alex.identifier.microsoftTeamsUserId, c.blake.identifier.microsoftTeamsUserId] },
      0,
    );
    const alexCall = c.alex.agent.startCall([c.blake.identifier, PHONE], { threadId: thread.id });
    await emulator.settle();
    world.startRecording(await alexCall.info.getServerCallId(), { consentRequired: true });
    const blakeCall = await c.blake.ringing[0].accept();
    assert.equal(blakeCall.isMuted, true);
    assert.equal(recordingOf(blakeCall).isRecordingActive, true);
    assert.equal(recordingOf(blakeCall).isTeamsConsentRequired, true);
    await assert.rejects(blakeCall.unmute(), { code: 400, subCode: 41016 });
    await alexCall.hangUp();
    await blakeCall.hangUp();
    await finish();
  });

  it('drops the listeners left on the recording and its recordings when the call ends', async () => {
    const { emulator, world, alexCall, callId, finish } = await recordableCall();
    const baseline = listenerCount();
    const recording = recordingOf(alexCall);
    world.startRecording(callId, { consentRequired: false });
    await emulator.settle();
    recording.on('isRecordingActiveChanged', () => undefined);
    recording.recordings[0].on('recordingStateChanged', () => undefined);
    assert.equal(listenerCount(), baseline + 2);
    await alexCall.hangUp();
    await emulator.settle();
    assert.equal(listenerCount(), baseline);
    await finish();
  });

  it('refuses to record a call the world does not have', async () => {
    const { world, finish } = await consoles('alex');
    assert.throws(() => world.startRecording('no-such-call', { consentRequired: true }), /No live call/);
    assert.throws(() => world.stopRecording('no-such-call'), /No live call/);
    await finish();
  });
});
