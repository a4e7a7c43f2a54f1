import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ListenerTally } from '../emitter';
import { inertCallFeature, inertCallFeatureNames, type InertCallFeatureName } from './call-features';
import { Features } from './factories';

type AnyFeature = Record<string, unknown> & {
  dispose(): void;
  name: string;
  on(event: string, listener: () => void): void;
  off(event: string, listener: () => void): void;
};

/** Each call feature's events as the SDK's typings declare them. */
const events: Record<InertCallFeatureName, string[]> = {
  Transcription: ['isTranscriptionActiveChanged'],
  RaiseHand: ['raisedHandEvent', 'loweredHandEvent'],
  Reaction: ['reaction'],
  Spotlight: ['spotlightChanged'],
  PPTLive: ['isActiveChanged'],
  BreakoutRooms: ['breakoutRoomsUpdated'],
  CallSurvey: [],
  UserFacingDiagnostics: [],
  MediaStats: [],
  DataChannel: ['dataChannelReceiverCreated'],
  OptimalVideoCount: ['optimalVideoCountChanged'],
  TeamsMeetingAudioConferencing: [],
  TogetherMode: ['togetherModeStreamsUpdated', 'togetherModeSceneUpdated', 'togetherModeSeatingUpdated'],
  MediaAccess: ['mediaAccessChanged', 'meetingMediaAccessChanged'],
  RealTimeText: ['realTimeTextReceived'],
};

/** What acting on a feature the emulator's calls lack does: reject (or throw) with 405 and the action. */
const refused: [InertCallFeatureName, string, unknown[], RegExp][] = [
  ['Transcription', 'grantTeamsConsent', [], /^Granting consent to be transcribed/],
  ['RaiseHand', 'raiseHand', [], /^Raising a hand is not available on this call/],
  ['RaiseHand', 'lowerHand', [], /^Lowering a hand/],
  ['RaiseHand', 'lowerHands', [[]], /^Lowering hands/],
  ['RaiseHand', 'lowerAllHands', [], /^Lowering all hands/],
  ['Reaction', 'sendReaction', [{ reactionType: 'like' }], /^Sending a reaction/],
  ['Spotlight', 'startSpotlight', [], /^Spotlighting a participant/],
  ['Spotlight', 'stopSpotlight', [], /^Stopping a spotlight/],
  ['Spotlight', 'stopAllSpotlight', [], /^Stopping every spotlight/],
  ['TogetherMode', 'start', [], /^Starting together mode/],
  ['MediaAccess', 'permitAudio', [[]], /^Permitting participants' audio/],
  ['MediaAccess', 'forbidOthersVideo', [], /^Forbidding the others' video/],
  ['CallSurvey', 'submitSurvey', [{}], /^Submitting a call survey/],
  ['RealTimeText', 'sendRealTimeText', ['hello'], /^Sending real-time text/],
];
const refusedSynchronously: [InertCallFeatureName, string, unknown[], RegExp][] = [
  ['DataChannel', 'createDataChannelSender', [{ channelId: 1 }], /^Opening a data channel/],
];

const feature = (name: InertCallFeatureName, tally = new ListenerTally()) =>
  inertCallFeature(name, tally) as unknown as AnyFeature;

describe('inert call features', () => {
  it('covers every call feature of Features except the five the call models', () => {
    const callFeatures = Object.values(Features)
      .filter((factory) => 'isCallFeature' in factory)
      .map((factory) => factory.name);
    const runtimeOnly = [
      'Copilot',
      'LocalRecording',
      'LiveStream',
      'ComposedStream',
      'UnmixedAudio',
      'AudioZones',
    ];
    const modelled = ['Capabilities', 'DominantSpeakers', 'Transfer', 'Recording', 'Captions'];
    assert.deepEqual(
      [...inertCallFeatureNames].sort(),
      callFeatures.filter((name) => !runtimeOnly.includes(name) && !modelled.includes(name)).sort(),
    );
  });

  for (const name of inertCallFeatureNames) {
    it(`${name}: an object named ${name} whose on/off keep the listener count balanced`, () => {
      const tally = new ListenerTally();
      const inert = feature(name, tally);
      assert.equal(inert.name, name);
      const listeners = events[name].map(
        (event) => [event, () => assert.fail(`${name} emitted ${event}`)] as const,
      );
      listeners.forEach(([event, listener]) => inert.on(event, listener));
      assert.equal(tally.count, listeners.length);
      // A different function removes nothing, as with the SDK.
      listeners.forEach(([event]) => inert.off(event, () => undefined));
      assert.equal(tally.count, listeners.length);
      listeners.forEach(([event, listener]) => inert.off(event, listener));
      assert.equal(tally.count, 0);
      inert.dispose();
    });
  }

  it('drops the listeners left on a feature, and on the objects it holds, when it is disposed', () => {
    // As the SDK's features do when their call ends: what was never removed goes with the call.
    const tally = new ListenerTally();
    const listener = () => undefined;
    const transcription = feature('Transcription', tally);
    transcription.on('isTranscriptionActiveChanged', listener);
    const diagnostics = feature('UserFacingDiagnostics', tally) as unknown as Record<
      'network' | 'media',
      AnyFeature
    > &
      AnyFeature;
    diagnostics.network.on('diagnosticChanged', listener.bind(null));
    diagnostics.media.on('diagnosticChanged', listener.bind(null));
    const stats = feature('MediaStats', tally);
    (stats['createCollector'] as () => AnyFeature)().on('summaryReported', listener);
    assert.equal(tally.count, 4);
    [transcription, diagnostics, stats].forEach((inert) => inert.dispose());
    assert.equal(tally.count, 0);
    // An off after the dispose removes nothing more.
    transcription.off('isTranscriptionActiveChanged', listener);
    assert.equal(tally.count, 0);
  });

  for (const [name, method, args, message] of refused) {
    it(`${name}.${method}() rejects with 405 and says what is not available`, async () => {
      const inert = feature(name);
      await assert.rejects((inert[method] as (...a: unknown[]) => Promise<void>)(...args), (error: Error) => {
        assert.equal(error.name, 'CallingCommunicationError');
        assert.equal((error as Error & { code: number }).code, 405);
        assert.match(error.message, message);
        return true;
      });
    });
  }

  for (const [name, method, args, message] of refusedSynchronously) {
    it(`${name}.${method}() throws 405 at once, as the SDK's synchronous method would`, () => {
      const inert = feature(name);
      assert.throws(
        () => (inert[method] as (...a: unknown[]) => unknown)(...args),
        (error: Error) => {
          assert.equal((error as Error & { code: number }).code, 405);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  it('reads as empty: no transcription, hands, spotlight, breakout rooms or together mode', () => {
    assert.equal(feature('Transcription')['isTranscriptionActive'], false);
    assert.deepEqual((feature('RaiseHand')['getRaisedHands'] as () => unknown[])(), []);
    assert.deepEqual((feature('Spotlight')['getSpotlightedParticipants'] as () => unknown[])(), []);
    assert.equal(feature('Spotlight')['maxParticipantsToSpotlight'], 0);
    assert.equal(feature('BreakoutRooms')['breakoutRooms'], undefined);
    assert.deepEqual(feature('TogetherMode')['togetherModeStream'], []);
    assert.equal((feature('TogetherMode')['togetherModeSeatingMap'] as Map<string, unknown>).size, 0);
    assert.equal(feature('PPTLive')['isActive'], false);
    // No DOM in Node: no element for a presentation either.
    assert.equal(feature('PPTLive')['target'], undefined);
    assert.deepEqual((feature('MediaAccess')['getAllOthersMediaAccess'] as () => unknown[])(), []);
    assert.deepEqual((feature('MediaAccess')['getMeetingMediaAccess'] as () => unknown)(), {
      isAudioPermitted: true,
      isVideoPermitted: true,
    });
  });

  it('reports no diagnostics, and its diagnostic sources count their listeners', () => {
    const tally = new ListenerTally();
    const diagnostics = feature('UserFacingDiagnostics', tally) as unknown as {
      network: AnyFeature & { getLatest(): object };
      media: AnyFeature & { getLatest(): object };
      remote: AnyFeature & { getLatest(): object };
    };
    assert.deepEqual(diagnostics.network.getLatest(), {});
    assert.deepEqual(diagnostics.media.getLatest(), {});
    assert.deepEqual(diagnostics.remote.getLatest(), { diagnostics: [] });
    const listener = () => undefined;
    for (const source of [diagnostics.network, diagnostics.media, diagnostics.remote])
      source.on('diagnosticChanged', listener);
    assert.equal(tally.count, 3);
    for (const source of [diagnostics.network, diagnostics.media, diagnostics.remote])
      source.off('diagnosticChanged', listener);
    assert.equal(tally.count, 0);
  });

  it('gives media statistics collectors that never report, and counts their listeners', () => {
    const tally = new ListenerTally();
    const collector = (
      feature('MediaStats', tally)['createCollector'] as () => AnyFeature & { dispose(): void }
    )();
    const listener = () => assert.fail('a collector reported');
    collector.on('sampleReported', listener);
    assert.equal(tally.count, 1);
    collector.off('sampleReported', listener);
    collector.dispose();
    assert.equal(tally.count, 0);
  });

  it("answers a meeting's dial-in details with none, rather than a rejection nobody catches", async () => {
    const details = await (
      feature('TeamsMeetingAudioConferencing')[
        'getTeamsMeetingAudioConferencingDetails'
      ] as () => Promise<unknown>
    )();
    assert.deepEqual(details, { phoneConferenceId: '', phoneNumbers: [] });
  });

  it('refuses, with a clear error, a call feature the typings do not declare', () => {
    assert.throws(
      () => inertCallFeature('Copilot', new ListenerTally()),
      (error: Error & { code: number }) => {
        assert.equal(error.code, 501);
        assert.match(error.message, /^The Copilot call feature is not modelled by the emulator/);
        return true;
      },
    );
  });
});
