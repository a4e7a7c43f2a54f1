import { switchActiveCall } from '../../calling/switch-active-call';
import { CallingApiActions } from '../calling-api.actions';
import { ActiveCallPanelActions } from './active-call-panel.actions';
import { CallSwitchActions } from './call-switch.actions';
import { HeldCallsPanelActions } from './held-calls-panel.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { attempt, callOperationOutcome, control, switchSteps, type ControlEntry } from './call-control';

/** The queue's Accept and Reject, Resume on a held call, and the active call's own controls. */
export const callPanelControls: readonly ControlEntry[] = [
  control(QueuePanelActions.acceptClicked, ({ id }, { registry }) => ({
    run: (options) => switchActiveCall(registry, { operation: 'accept', incomingCallId: id }, options),
    step: switchSteps(() => CallSwitchActions.accepting({ id })),
    succeeded: () => CallingApiActions.acceptSucceeded({ id }),
    failed: (failure) => CallingApiActions.acceptFailed({ id, failure }),
  })),
  control(QueuePanelActions.rejectClicked, ({ id }, { registry }) => ({
    run: () => attempt('reject', () => registry.incomingCall(id).reject()),
    succeeded: () => CallingApiActions.rejectSucceeded({ id }),
    failed: (failure) => CallingApiActions.rejectFailed({ id, failure }),
  })),
  control(HeldCallsPanelActions.resumeClicked, ({ callId }, { registry }) => ({
    run: (options) => switchActiveCall(registry, { operation: 'resume', callId }, options),
    step: switchSteps(() => CallSwitchActions.resuming({ callId })),
    ...callOperationOutcome(callId, 'resume'),
  })),
  control(ActiveCallPanelActions.muteClicked, ({ callId }, { registry }) => ({
    run: () => attempt('mute', () => registry.call(callId).mute()),
    ...callOperationOutcome(callId, 'mute'),
  })),
  control(ActiveCallPanelActions.unmuteClicked, ({ callId }, { registry }) => ({
    run: () => attempt('unmute', () => registry.call(callId).unmute()),
    ...callOperationOutcome(callId, 'unmute'),
  })),
  control(ActiveCallPanelActions.holdClicked, ({ callId }, { registry }) => ({
    run: () => attempt('hold', () => registry.call(callId).hold()),
    ...callOperationOutcome(callId, 'hold'),
  })),
  control(ActiveCallPanelActions.hangUpClicked, ({ callId }, { registry }) => ({
    run: () => attempt('hangUp', () => registry.call(callId).hangUp()),
    ...callOperationOutcome(callId, 'hangUp'),
  })),
];
