import type { EnvironmentProviders } from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import * as captionsEffects from './captions/captions.effects';
import { captionsFeature } from './captions/captions.feature';
import * as callControlsEffects from './calls/call-controls.effects';
import { dialerFeature } from './dialer/dialer.feature';
import * as directoryAndChatsEffects from './dialer/directory-and-chats.effects';
import * as escalationEffects from './escalation/escalation.effects';
import { escalationFeature } from './escalation/escalation.feature';
import { meetingJoinFeature } from './meeting-join/meeting-join.feature';
import * as transferEffects from './transfer/transfer.effects';
import { transferFeature } from './transfer/transfer.feature';

/**
 * The state and effects only the agent's workspace uses, registered on its lazy route
 * (`app.workspace.routes.ts`), so they load with it: placing calls, joining meetings, adding participants and escalating, transferring,
 * live captions, and the call controls. What the calling session reports (the agent, the queue, calls and their
 * participants) registers at the root (`provideAppState`): the session outlives any one screen,
 * and its first events may come before a route has loaded.
 */
export function provideWorkspaceState(): EnvironmentProviders[] {
  return [
    ...provideWorkspaceFeatures(),
    provideEffects(
      callControlsEffects,
      captionsEffects,
      directoryAndChatsEffects,
      escalationEffects,
      transferEffects,
    ),
  ];
}

/** The workspace's state without its effects, for component tests beside `provideTestState()`. */
export function provideWorkspaceFeatures(): EnvironmentProviders[] {
  return [
    provideState(dialerFeature),
    provideState(meetingJoinFeature),
    provideState(escalationFeature),
    provideState(transferFeature),
    provideState(captionsFeature),
  ];
}
