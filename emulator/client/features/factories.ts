import type * as Sdk from '@azure/communication-calling';
import { notModelled } from '../connection';

/**
 * `Features` and `MediaFeatures`, with every key the SDK's bundle has at run time (the typings
 * declare fewer; the compiler checks those, the export test checks the rest). Each value names its
 * feature and has the SDK's own fields (`callApiCtor`, `isCallFeature`, `activationOptions`, ...),
 * so code that inspects a factory finds what it expects; the emulator's objects find their
 * feature by `name`, and the constructor is not for calling directly, as with the SDK.
 */
type FeatureKey = keyof typeof Sdk.Features;

type Target = 'call' | 'callClient' | 'callAgent' | 'videoStream' | 'audioStream' | 'session' | 'mediaClient';

const ctorField = {
  call: ['callApiCtor', 'isCallFeature'],
  callClient: ['callClientApiCtor', 'isCallClientFeature'],
  callAgent: ['callAgentApiCtor', 'isCallAgentFeature'],
  videoStream: ['videoStreamApiCtor', 'isVideoStreamFeature'],
  audioStream: ['audioStreamApiCtor', 'isAudioStreamFeature'],
  session: ['sessionApiCtor', 'isSessionFeature'],
  mediaClient: ['mediaClientApiCtor', 'isMediaClientFeature'],
} as const satisfies Record<Target, readonly [string, string]>;

export interface FeatureToken<N extends string = string> {
  readonly name: N;
  readonly activationOptions: Record<string, never>;
}

function token<N extends string>(name: N, target: Target): FeatureToken<N> {
  const [ctorKey, flagKey] = ctorField[target];
  const ctor = class {
    constructor() {
      throw notModelled(`Constructing the ${name} feature directly (use .feature(Features.${name}))`);
    }
  };
  return Object.freeze({ name, activationOptions: {}, [ctorKey]: ctor, [flagKey]: true });
}

const call = <N extends string>(name: N) => token(name, 'call');

export const Features = {
  Recording: call('Recording'),
  Transfer: call('Transfer'),
  Transcription: call('Transcription'),
  Captions: call('Captions'),
  Copilot: call('Copilot'),
  RaiseHand: call('RaiseHand'),
  LocalRecording: call('LocalRecording'),
  Reaction: call('Reaction'),
  Spotlight: call('Spotlight'),
  PPTLive: call('PPTLive'),
  BreakoutRooms: call('BreakoutRooms'),
  Capabilities: call('Capabilities'),
  DominantSpeakers: call('DominantSpeakers'),
  LiveStream: call('LiveStream'),
  ComposedStream: call('ComposedStream'),
  CallSurvey: call('CallSurvey'),
  UserFacingDiagnostics: call('UserFacingDiagnostics'),
  MediaStats: call('MediaStats'),
  DebugInfo: token('DebugInfo', 'callClient'),
  PreCallDiagnostics: token('PreCallDiagnostics', 'callClient'),
  VideoEffects: token('VideoEffects', 'videoStream'),
  AudioEffects: token('AudioEffects', 'audioStream'),
  DataChannel: call('DataChannel'),
  OptimalVideoCount: call('OptimalVideoCount'),
  UnmixedAudio: call('UnmixedAudio'),
  AudioZones: call('AudioZones'),
  TeamsMeetingAudioConferencing: call('TeamsMeetingAudioConferencing'),
  TogetherMode: call('TogetherMode'),
  MediaAccess: call('MediaAccess'),
  RealTimeText: call('RealTimeText'),
  DataChannelSession: token('DataChannelSession', 'session'),
  MediaStatsSession: token('MediaStatsSession', 'session'),
  UserFacingDiagnosticsSession: token('UserFacingDiagnosticsSession', 'session'),
  PreAudioSession: token('PreAudioSession', 'mediaClient'),
  ActiveCallTransfer: token('ActiveCallTransfer', 'callAgent'),
} satisfies { [K in FeatureKey]: FeatureToken<K> } & Record<string, FeatureToken>;

/** The SDK's features for its media-only client (`MediaClient`), the same tokens as in `Features`. */
export const MediaFeatures = {
  AudioEffects: Features.AudioEffects,
  PreAudioSession: Features.PreAudioSession,
  DataChannelSession: Features.DataChannelSession,
  MediaStatsSession: Features.MediaStatsSession,
  UserFacingDiagnosticsSession: Features.UserFacingDiagnosticsSession,
};

/** The feature a factory names: the emulator's tokens carry it; anything else names none. */
export function featureName(factory: unknown): string | undefined {
  const name = (factory as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
}
