import type { EnvironmentProviders } from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { dialerFeature } from './dialer.feature';
import { meetingJoinFeature } from './meeting-join.feature';
import * as outboundEffects from './outbound.effects';
import { participantAdditionsFeature } from './participant-additions.feature';

/** Placing calls, joining meetings, adding participants: their state and their Graph effects. */
export function provideOutboundState(): EnvironmentProviders[] {
  return [
    provideState(dialerFeature),
    provideState(meetingJoinFeature),
    provideState(participantAdditionsFeature),
    provideEffects(outboundEffects),
  ];
}

/** The same state without effects, for component tests beside `provideTestState()`. */
export function provideOutboundTestState(): EnvironmentProviders[] {
  return [
    provideState(dialerFeature),
    provideState(meetingJoinFeature),
    provideState(participantAdditionsFeature),
  ];
}
