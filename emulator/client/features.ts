import type * as Sdk from '@azure/communication-calling';
import { notModelled } from './connection';
import { Emitter, type ListenerTally } from './emitter';

/**
 * `Features`, with the SDK's own keys (the compiler checks the set). Each value names its feature;
 * `call.feature(...)` throws a clear "not modelled" error for those the emulator lacks, and the
 * call client's `DebugInfo`, which Microsoft's StatefulCallClient touches at start, exists.
 */
type FeatureKey = keyof typeof Sdk.Features;

const featureToken = <K extends FeatureKey>(name: K) => ({
  name,
  callApiCtor: class {},
  callClientApiCtor: class {},
});

export const Features = {
  Recording: featureToken('Recording'),
  Transfer: featureToken('Transfer'),
  Transcription: featureToken('Transcription'),
  Captions: featureToken('Captions'),
  RaiseHand: featureToken('RaiseHand'),
  Reaction: featureToken('Reaction'),
  Spotlight: featureToken('Spotlight'),
  PPTLive: featureToken('PPTLive'),
  BreakoutRooms: featureToken('BreakoutRooms'),
  Capabilities: featureToken('Capabilities'),
  DominantSpeakers: featureToken('DominantSpeakers'),
  CallSurvey: featureToken('CallSurvey'),
  UserFacingDiagnostics: featureToken('UserFacingDiagnostics'),
  MediaStats: featureToken('MediaStats'),
  DebugInfo: featureToken('DebugInfo'),
  VideoEffects: featureToken('VideoEffects'),
  AudioEffects: featureToken('AudioEffects'),
  DataChannel: featureToken('DataChannel'),
  OptimalVideoCount: featureToken('OptimalVideoCount'),
  TeamsMeetingAudioConferencing: featureToken('TeamsMeetingAudioConferencing'),
  TogetherMode: featureToken('TogetherMode'),
  MediaAccess: featureToken('MediaAccess'),
  RealTimeText: featureToken('RealTimeText'),
} satisfies Record<FeatureKey, { name: FeatureKey }>;

/** The call client's debug information: one tab, a browser environment the SDK supports. */
export class EmulatedDebugInfo implements Sdk.DebugInfoCallClientFeature {
  readonly name = 'DebugInfo';
  readonly isCallClientActiveInAnotherTab = false;
  private readonly events: Emitter;

  constructor(tally: ListenerTally) {
    this.events = new Emitter(tally);
  }

  get lastCallId(): string | undefined {
    return undefined;
  }

  get lastLocalParticipantId(): string | undefined {
    return undefined;
  }

  async getEnvironmentInfo(): Promise<Sdk.EnvironmentInfo> {
    return {
      environment: { platform: 'emulator', browser: 'emulator', browserVersion: '0' },
      isSupportedPlatform: true,
      isSupportedBrowser: true,
      isSupportedBrowserVersion: true,
      isSupportedEnvironment: true,
    };
  }

  on(event: 'isCallClientActiveInAnotherTabChanged', listener: () => void): void {
    this.events.on(event, listener);
  }

  off(event: 'isCallClientActiveInAnotherTabChanged', listener: () => void): void {
    this.events.off(event, listener);
  }

  dispose(): void {
    // Nothing held.
  }
}

export function callClientFeature(
  factory: { name?: string },
  debugInfo: () => EmulatedDebugInfo,
): EmulatedDebugInfo {
  if (factory.name === 'DebugInfo') return debugInfo();
  throw notModelled(`The ${factory.name ?? 'requested'} call client feature`);
}

/** Media classes exist so consumers can construct them; rendering needs media the emulator lacks. */
export class LocalVideoStream {
  constructor(readonly source?: unknown) {}
}

export class LocalAudioStream {
  constructor(readonly source?: unknown) {}
}

export class VideoStreamRenderer {
  constructor(readonly videoStream?: unknown) {}
  async createView(): Promise<never> {
    throw notModelled('Video rendering');
  }
  dispose(): void {
    // Nothing rendered.
  }
}
