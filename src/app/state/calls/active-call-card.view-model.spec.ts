import type { Action } from '@ngrx/store';
import { CallingApiActions } from '../calling-api.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { participantsFeature } from '../participants/participants.feature';
import { call, participant } from '../testing/snapshots';
import { selectActiveCallCardViewModel } from './active-call-card.view-model';
import { ActiveCallPanelActions } from './active-call-panel.actions';
import { callsFeature } from './calls.feature';

/** The card of the active call after the actions, through the real reducers. */
function cardAfter(...actions: Action[]) {
  return selectActiveCallCardViewModel({
    calls: actions.reduce(callsFeature.reducer, callsFeature.reducer(undefined, { type: 'init' })),
    participants: actions.reduce(
      participantsFeature.reducer,
      participantsFeature.reducer(undefined, { type: 'init' }),
    ),
  });
}

const roleRestricted = { isPresent: false, reason: 'RoleRestricted' } as const;

describe('the active call card view-model', () => {
  it('has nothing to show without an active call', () => {
    expect(cardAfter()).toBeNull();
    expect(cardAfter(CallingSdkEvents.callAdded({ call: call('c', { state: 'LocalHold' }) }))).toBeNull();
  });

  it('offers Mute, Start video, Hold and Hang up on a connected 1:1 call, named by its caller', () => {
    const card = cardAfter(CallingSdkEvents.callAdded({ call: call('c') }))!;
    expect(card.call.counterpart?.displayName).toBe('Dana Smith');
    expect(card.state).toBe('Connected');
    expect(card.connectedAt).toBe(1_000);
    expect(card.microphone).toEqual({ action: 'mute', enabled: true, interactive: false, reason: null });
    expect(card.camera).toEqual({ action: 'start', enabled: true, interactive: false, reason: null });
    expect(card.hold.enabled).toBeTrue();
    expect(card.hangUp.enabled).toBeTrue();
    expect(card.mutedByOthers).toBeFalse();
    expect(card.failure).toBeNull();
  });

  it('names a 1:1 call after whoever is on it now: a completed consult transfer puts the caller there', () => {
    const alex = { kind: 'microsoftTeamsUser', rawId: '8:orgid:alex', microsoftTeamsUserId: 'alex' } as const;
    const consult = call('c', { caller: { identity: alex, displayName: 'Alex Rivera' }, queue: null });
    const before = cardAfter(
      CallingSdkEvents.callAdded({ call: consult }),
      CallingSdkEvents.participantsAdded({
        callId: 'c',
        participants: [participant('c', alex.rawId, { identity: alex, displayName: 'Alex Rivera' })],
      }),
    )!;
    expect(before.call.counterpart?.displayName).toBe('Alex Rivera');
    expect(before.transferredBy).toBeNull();

    const after = cardAfter(
      CallingSdkEvents.callAdded({ call: consult }),
      CallingSdkEvents.participantsAdded({
        callId: 'c',
        participants: [participant('c', alex.rawId, { identity: alex, displayName: 'Alex Rivera' })],
      }),
      CallingSdkEvents.participantsAdded({
        callId: 'c',
        participants: [participant('c', '4:+14255550171', { displayName: 'Robin Park' })],
      }),
      CallingSdkEvents.participantRemoved({ callId: 'c', participantId: alex.rawId, callEndReason: null }),
      CallingSdkEvents.callTransferorChanged({ id: 'c', transferredBy: 'Alex Rivera' }),
    )!;
    expect(after.call.counterpart?.displayName).toBe('Robin Park');
    expect(after.transferredBy).toBe('Transferred by Alex Rivera');
  });

  it('says who transferred a call here, and from which queue', () => {
    const card = cardAfter(
      CallingSdkEvents.callAdded({ call: call('c', { transferredBy: 'Alex Rivera', queue: 'Billing' }) }),
    )!;
    expect(card.transferredBy).toBe('Transferred by Alex Rivera from Billing');
  });

  it('disables Unmute and Start video for a meeting attendee, saying why', () => {
    const card = cardAfter(
      CallingSdkEvents.callAdded({
        call: call('m', {
          kind: 'meeting',
          isMuted: true,
          capabilities: { unmuteMic: roleRestricted, turnVideoOn: roleRestricted },
        }),
      }),
    )!;
    expect(card.microphone).toEqual({
      action: 'unmute',
      enabled: false,
      interactive: true,
      reason: 'Only the organizer and presenters can unmute your microphone in this meeting.',
    });
    expect(card.camera).toEqual({
      action: 'start',
      enabled: false,
      interactive: true,
      reason: 'Only the organizer and presenters can turn your camera on in this meeting.',
    });
  });

  it('says the agent was muted by someone else until they dismiss it', () => {
    const muted = [
      CallingSdkEvents.callAdded({ call: call('c', { kind: 'group' }) }),
      CallingSdkEvents.callMutedChanged({ id: 'c', isMuted: true }),
      CallingSdkEvents.callMutedByOthers({ id: 'c', at: 2_000 }),
    ];
    expect(cardAfter(...muted)!.mutedByOthers).toBeTrue();
    expect(cardAfter(...muted)!.microphone.action).toBe('unmute');
    expect(
      cardAfter(...muted, ActiveCallPanelActions.mutedNoticeDismissed({ callId: 'c' }))!.mutedByOthers,
    ).toBeFalse();
  });

  it('waits for the SDK after Hang up, and allows nothing while the call ends', () => {
    const hangingUp = cardAfter(
      CallingSdkEvents.callAdded({ call: call('c') }),
      ActiveCallPanelActions.hangUpClicked({ callId: 'c' }),
    )!;
    expect(hangingUp.hangUp.enabled).toBeFalse();
    expect(hangingUp.hold.enabled).toBeFalse();
    expect(hangingUp.microphone.enabled).toBeFalse();

    const ending = cardAfter(
      CallingSdkEvents.callAdded({ call: call('c') }),
      CallingSdkEvents.callStateChanged({ id: 'c', state: 'Disconnecting', at: 3_000 }),
    )!;
    expect([ending.hangUp.enabled, ending.hold.enabled, ending.camera.enabled]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('offers Hold on a call the other side holds, not on one still connecting', () => {
    const remoteHold = cardAfter(
      CallingSdkEvents.callAdded({ call: call('c') }),
      CallingSdkEvents.callStateChanged({ id: 'c', state: 'RemoteHold', at: 2_000 }),
    )!;
    expect(remoteHold.hold.enabled).toBeTrue();
    const connecting = cardAfter(CallingSdkEvents.callAdded({ call: call('c', { state: 'Connecting' }) }))!;
    expect(connecting.hold.enabled).toBeFalse();
    expect(connecting.connectedAt).toBeNull();
  });

  it('shows its own controls’ failures, leaving the roster’s and the keypad’s to them', () => {
    const failure = { message: 'The call could not be held.', code: 500 };
    const failed = (operation: 'hold' | 'muteAllRemoteParticipants') =>
      cardAfter(
        CallingSdkEvents.callAdded({ call: call('c') }),
        CallingApiActions.callOperationFailed({ callId: 'c', operation, failure }),
      )!.failure;
    expect(failed('hold')).toEqual(jasmine.objectContaining(failure));
    expect(failed('muteAllRemoteParticipants')).toBeNull();
  });

  it('names the main speaker of a group call, never of a 1:1', () => {
    const drew = participant('g', '8:orgid:drew', {
      identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:drew' },
      displayName: 'Drew Lee',
    });
    const speaking = (kind: 'group' | 'oneToOne') =>
      cardAfter(
        CallingSdkEvents.callAdded({ call: call('g', { kind }) }),
        CallingSdkEvents.participantsAdded({ callId: 'g', participants: [drew] }),
        CallingSdkEvents.callDominantSpeakersChanged({ id: 'g', dominantSpeakers: ['8:orgid:drew'] }),
      )!;
    expect(speaking('group').mainSpeaker?.displayName).toBe('Drew Lee');
    expect(speaking('group').peopleCount).toBe(2);
    expect(speaking('oneToOne').mainSpeaker).toBeNull();
  });
});
