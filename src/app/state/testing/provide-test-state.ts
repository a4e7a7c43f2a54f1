import { signal, type EnvironmentProviders, type Provider } from '@angular/core';
import { provideState, provideStore } from '@ngrx/store';
import { VideoRenderer } from '../../calling/video-renderer';
import { AUDIO_CONTEXT_FACTORY } from '../../core/ringtone';
import { fakeAudioContextFactory } from '../../core/testing/fake-audio-context';
import { Ticker } from '../../core/ticker';
import { VideoViews } from '../../core/video-views';
import { agentFeature } from '../agent/agent.feature';
import { softphoneFeature } from '../agent/softphone.feature';
import { callsFeature } from '../calls/calls.feature';
import { floorSessionFeature } from '../floor/floor-session.feature';
import { provideWorkspaceFeatures } from '../provide-workspace-state';
import { participantsFeature } from '../participants/participants.feature';
import { queueFeature } from '../queue/queue.feature';
import { reloadNoteFeature } from '../reload/reload-note.feature';
import { afterCallWorkFeature } from '../after-call-work/after-call-work.feature';
import { presenceFeature } from '../presence/presence.feature';
import { settingsFeature } from '../settings/settings.feature';

/**
 * The real store and reducers, without effects, a clock the test sets, video as the app has it,
 * and a silent AudioContext (a ringtone never sounds in a test).
 */
export function provideTestState(now = signal(0)): (Provider | EnvironmentProviders)[] {
  return [
    provideStore(
      {},
      {
        runtimeChecks: {
          strictStateSerializability: true,
          strictActionSerializability: true,
          strictActionTypeUniqueness: true,
        },
      },
    ),
    provideState(agentFeature),
    provideState(queueFeature),
    provideState(callsFeature),
    provideState(participantsFeature),
    provideState(floorSessionFeature),
    provideState(softphoneFeature),
    provideState(reloadNoteFeature),
    provideState(afterCallWorkFeature),
    provideState(presenceFeature),
    provideState(settingsFeature),
    ...provideWorkspaceFeatures(),
    { provide: Ticker, useValue: { now } },
    { provide: AUDIO_CONTEXT_FACTORY, useValue: fakeAudioContextFactory() },
    { provide: VideoViews, useExisting: VideoRenderer },
  ];
}
