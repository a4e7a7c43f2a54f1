import type * as Sdk from '@azure/communication-calling';
import { notModelled } from '../connection';
import type { ListenerTally } from '../emitter';
import { featureName } from './factories';
import { featureUnavailable, InertFeature } from './inert-feature';

/**
 * Effects on a local stream (background blur, noise suppression): the emulator processes no media,
 * so no effect is supported or active, and starting one rejects.
 */

export class InertVideoEffects extends InertFeature implements Sdk.VideoEffectsFeature {
  readonly activeEffects: Sdk.VideoEffectName[] = [];

  constructor(tally: ListenerTally) {
    super('VideoEffects', tally);
  }

  async isSupported(): Promise<boolean> {
    return false;
  }

  async startEffects(): Promise<void> {
    throw featureUnavailable('video effects', 'Starting a video effect');
  }

  /** Nothing is running, so there is nothing to stop. */
  async stopEffects(): Promise<void> {}
}

export class InertAudioEffects extends InertFeature implements Sdk.AudioEffectsFeature {
  readonly activeEffects: Sdk.ActiveAudioEffects = { echoCancellation: [], noiseSuppression: [] };

  constructor(tally: ListenerTally) {
    super('AudioEffects', tally);
  }

  async isSupported(): Promise<boolean> {
    return false;
  }

  async startEffects(): Promise<void> {
    throw featureUnavailable('audio effects', 'Starting an audio effect');
  }

  /** Nothing is running, so there is nothing to stop. */
  async stopEffects(): Promise<void> {}
}

/**
 * A local stream's feature: `VideoEffects` on a video stream, `AudioEffects` on an audio stream,
 * as the SDK's typings declare them; anything else is refused with a clear error.
 */
export function localStreamFeature(
  factory: unknown,
  stream: 'video',
  tally: ListenerTally,
): InertVideoEffects;
export function localStreamFeature(
  factory: unknown,
  stream: 'audio',
  tally: ListenerTally,
): InertAudioEffects;
export function localStreamFeature(
  factory: unknown,
  stream: 'video' | 'audio',
  tally: ListenerTally,
): InertVideoEffects | InertAudioEffects {
  const name = featureName(factory);
  if (stream === 'video' && name === 'VideoEffects') return new InertVideoEffects(tally);
  if (stream === 'audio' && name === 'AudioEffects') return new InertAudioEffects(tally);
  throw notModelled(`The ${name ?? 'requested'} ${stream} stream feature`);
}
