import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ListenerTally } from '../emitter';
import { callAgentFeature } from './agent-features';
import { callClientFeature, EmulatedDebugInfo } from './client-features';
import { Features } from './factories';
import { localStreamFeature } from './stream-features';

describe('call client, call agent and local stream features', () => {
  it("gives the client's DebugInfo and refuses the client feature the typings do not declare", async () => {
    const tally = new ListenerTally();
    const debugInfo = new EmulatedDebugInfo(tally);
    assert.equal(
      callClientFeature(Features.DebugInfo, () => debugInfo),
      debugInfo,
    );
    assert.equal((await debugInfo.getEnvironmentInfo()).isSupportedEnvironment, true);
    assert.throws(
      () => callClientFeature(Features.PreCallDiagnostics, () => debugInfo),
      /PreCallDiagnostics/,
    );
    const listener = () => undefined;
    debugInfo.on('isCallClientActiveInAnotherTabChanged', listener);
    debugInfo.off('isCallClientActiveInAnotherTabChanged', listener);
    assert.equal(tally.count, 0);
  });

  it('gives the agent an ActiveCallTransfer with no active calls elsewhere', async () => {
    const tally = new ListenerTally();
    const transfer = callAgentFeature(Features.ActiveCallTransfer, tally);
    assert.equal(await transfer.getActiveCallDetails(), undefined);
    await assert.rejects(
      transfer.activeCallTransfer(),
      (error: Error & { code: number }) => error.code === 405,
    );
    const listener = () => undefined;
    transfer.on('activeCallsUpdated', listener);
    assert.equal(tally.count, 1);
    transfer.off('activeCallsUpdated', listener);
    assert.equal(tally.count, 0);
    assert.throws(() => callAgentFeature(Features.Recording, tally), /Recording call agent feature/);
  });

  it('gives video streams VideoEffects and audio streams AudioEffects, none supported or active', async () => {
    const tally = new ListenerTally();
    const video = localStreamFeature(Features.VideoEffects, 'video', tally);
    assert.deepEqual(video.activeEffects, []);
    assert.equal(await video.isSupported(), false);
    await assert.rejects(video.startEffects(), /Starting a video effect is not available/);
    const audio = localStreamFeature(Features.AudioEffects, 'audio', tally);
    assert.deepEqual(audio.activeEffects, { echoCancellation: [], noiseSuppression: [] });
    await assert.rejects(audio.startEffects(), /Starting an audio effect is not available/);
    assert.throws(
      () => localStreamFeature(Features.AudioEffects, 'video', tally),
      /AudioEffects video stream feature/,
    );
    const listener = () => undefined;
    video.on('effectsStarted', listener);
    audio.on('effectsError', listener);
    video.off('effectsStarted', listener);
    audio.off('effectsError', listener);
    assert.equal(tally.count, 0);
  });
});
