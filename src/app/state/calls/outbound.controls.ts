import type { TeamsCall } from '@azure/communication-calling';
import type { CallRegistry } from '../../calling/call-registry';
import { toFailure } from '../../calling/calling-codes';
import { OFFLINE_MESSAGE } from '../../calling/outbound-codes';
import { type Failure } from '../../model/failure';
import { MeetingLocatorGone } from '../../core/sealed-meeting-locators';
import { type DialTarget } from '../../model/dial-target';
import type { MeetingLocator } from '../../model/meeting-locator';
import { switchActiveCall } from '../../calling/switch-active-call';
import { CallingApiActions } from '../calling-api.actions';
import { CallSwitchActions } from './call-switch.actions';
import { ChatThreadsApiActions } from '../dialer/chat-threads-api.actions';
import { DialerActions } from '../dialer/dialer.actions';
import { MeetingJoinFormActions } from '../meeting-join/meeting-join-form.actions';
import { control, switchSteps, type Control, type ControlContext, type ControlEntry } from './call-control';

/**
 * The agent's connection is down (the SDK retrying, or its agent being created again): a call
 * placed now could only fail with the SDK's "could not reach the service", so the agent is told
 * what is wrong and what to wait for instead. The SDK's own state decides: the store may lag it.
 */
function offline(registry: CallRegistry): Failure | null {
  try {
    return registry.agent.connectionState === 'Connected' ? null : { message: OFFLINE_MESSAGE };
  } catch {
    return { message: OFFLINE_MESSAGE };
  }
}

/**
 * Placing a call: like Accept, it first holds the call the agent is on (one active call at a time),
 * and resumes it if the new call cannot be placed.
 */
function placeCall(registry: CallRegistry, targets: readonly DialTarget[], threadId?: string): Control {
  let placed: TeamsCall | null = null;
  return {
    run: async (options) =>
      offline(registry) ??
      switchActiveCall(
        registry,
        { operation: 'startCall', targets, threadId, onCall: (call) => (placed = call) },
        options,
      ),
    step: switchSteps(() => CallSwitchActions.startingCall()),
    succeeded: () => CallingApiActions.callPlaced({ callId: placed?.id ?? '' }),
    failed: (failure) => CallingApiActions.placeCallFailed({ failure }),
  };
}

/** Joining a meeting holds the current call first too. The locator is unsealed only now. */
function joinMeeting({ registry, meetingLocators }: ControlContext, ticket: string): Control {
  let joined: TeamsCall | null = null;
  return {
    run: async (options) => {
      let locator: MeetingLocator;
      try {
        locator = meetingLocators.unseal(ticket);
      } catch (error) {
        // A ticket that opens nothing says so as it is: the form is to be filled in again.
        return error instanceof MeetingLocatorGone ? { message: error.message } : toFailure(error, 'join');
      }
      // Unsealed first, so no locator is left behind when the agent is offline.
      const down = offline(registry);
      if (down) return down;
      return switchActiveCall(
        registry,
        { operation: 'join', locator, onCall: (call) => (joined = call) },
        options,
      );
    },
    step: switchSteps(() => CallSwitchActions.joiningMeeting()),
    succeeded: () => CallingApiActions.meetingJoined({ callId: joined?.id ?? '' }),
    failed: (failure) => CallingApiActions.joinMeetingFailed({ failure }),
  };
}

/** Place a call (1:1, or a group call once its chat thread is ready), join a meeting. */
export const outboundControls: readonly ControlEntry[] = [
  control(DialerActions.callClicked, ({ target }, { registry }) => placeCall(registry, [target])),
  control(ChatThreadsApiActions.groupCallThreadReady, ({ targets, threadId }, { registry }) =>
    placeCall(registry, targets, threadId),
  ),
  control(MeetingJoinFormActions.joinClicked, ({ ticket }, context) => joinMeeting(context, ticket)),
];
