import type * as Sdk from '@azure/communication-calling';
import { notModelled } from '../connection';
import type { ListenerTally } from '../emitter';
import {
  InertBreakoutRooms,
  InertMediaAccess,
  InertPPTLive,
  InertRaiseHand,
  InertReaction,
  InertSpotlight,
  InertTeamsMeetingAudioConferencing,
  InertTogetherMode,
} from './meeting-features';
import {
  InertCallSurvey,
  InertDataChannel,
  InertMediaStats,
  InertOptimalVideoCount,
  InertUserFacingDiagnostics,
} from './quality-features';
import { InertRealTimeText, InertTranscription } from './transcript-features';

/**
 * Every call feature the SDK's typings declare that the emulator does not model (Capabilities,
 * DominantSpeakers, Transfer, Recording and Captions are modelled by the call itself), with the
 * interface each must implement.
 */
export interface InertCallFeatures {
  Transcription: Sdk.TranscriptionCallFeature;
  RaiseHand: Sdk.RaiseHandCallFeature;
  Reaction: Sdk.ReactionCallFeature;
  Spotlight: Sdk.SpotlightCallFeature;
  PPTLive: Sdk.PPTLiveCallFeature;
  BreakoutRooms: Sdk.BreakoutRoomsCallFeature;
  CallSurvey: Sdk.CallSurveyFeature;
  UserFacingDiagnostics: Sdk.UserFacingDiagnosticsFeature;
  MediaStats: Sdk.MediaStatsCallFeature;
  DataChannel: Sdk.DataChannelCallFeature;
  OptimalVideoCount: Sdk.OptimalVideoCountCallFeature;
  TeamsMeetingAudioConferencing: Sdk.TeamsMeetingAudioConferencingCallFeature;
  TogetherMode: Sdk.TogetherModeCallFeature;
  MediaAccess: Sdk.MediaAccessCallFeature;
  RealTimeText: Sdk.RealTimeTextFeature;
}

export type InertCallFeatureName = keyof InertCallFeatures;

/** The call features of `Features` by the interface their factory declares. */
type CallFeatureOf<K extends keyof typeof Sdk.Features> =
  (typeof Sdk.Features)[K] extends Sdk.CallFeatureFactory<infer F> ? F : never;
type DeclaredCallFeatureName = {
  [K in keyof typeof Sdk.Features]: CallFeatureOf<K> extends never ? never : K;
}[keyof typeof Sdk.Features];

const inertCallFeatureClasses: {
  [K in InertCallFeatureName]: new (tally: ListenerTally) => InertCallFeatures[K];
} = {
  Transcription: InertTranscription,
  RaiseHand: InertRaiseHand,
  Reaction: InertReaction,
  Spotlight: InertSpotlight,
  PPTLive: InertPPTLive,
  BreakoutRooms: InertBreakoutRooms,
  CallSurvey: InertCallSurvey,
  UserFacingDiagnostics: InertUserFacingDiagnostics,
  MediaStats: InertMediaStats,
  DataChannel: InertDataChannel,
  OptimalVideoCount: InertOptimalVideoCount,
  TeamsMeetingAudioConferencing: InertTeamsMeetingAudioConferencing,
  TogetherMode: InertTogetherMode,
  MediaAccess: InertMediaAccess,
  RealTimeText: InertRealTimeText,
};

// The compiler keeps the list whole: every declared call feature is inert here or modelled by the call.
type Missing = Exclude<
  DeclaredCallFeatureName,
  InertCallFeatureName | 'Capabilities' | 'DominantSpeakers' | 'Transfer' | 'Recording' | 'Captions'
>;
const everyCallFeatureCovered: [Missing] extends [never] ? true : Missing = true;
void everyCallFeatureCovered;

export const inertCallFeatureNames = Object.keys(inertCallFeatureClasses) as InertCallFeatureName[];

export function isInertCallFeatureName(name: unknown): name is InertCallFeatureName {
  return typeof name === 'string' && Object.hasOwn(inertCallFeatureClasses, name);
}

/**
 * A new inert call feature (the caller keeps one per call and name, as the SDK hands out one).
 * A name the SDK's typings do not declare for calls (`Copilot`, `LiveStream`, ...) is refused
 * with a clear error rather than answered with a guessed shape.
 */
export function inertCallFeature<K extends InertCallFeatureName>(
  name: K,
  tally: ListenerTally,
): InertCallFeatures[K];
export function inertCallFeature(name: string, tally: ListenerTally): Sdk.CallFeature;
export function inertCallFeature(name: string, tally: ListenerTally): Sdk.CallFeature {
  if (!isInertCallFeatureName(name)) throw notModelled(`The ${name} call feature`);
  return new inertCallFeatureClasses[name](tally);
}
