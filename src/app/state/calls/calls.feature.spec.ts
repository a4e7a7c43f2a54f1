import { CallingApiActions } from '../calling-api.actions';
import { ActiveCallPanelActions } from './active-call-panel.actions';
import { DtmfKeypadActions } from './dtmf-keypad.actions';
import { RosterActions } from '../participants/roster.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { call, participant } from '../testing/snapshots';
import { callsFeature, initialCallsState, type CallsState } from './calls.feature';

const reduce = callsFeature.reducer;
const root = (state: CallsState) => ({ calls: state });

describe('calls feature', () => {
  it('starts the duration when the call first connects', () => {
    let state = reduce(
      initialCallsState,
      CallingSdkEvents.callAdded({ call: call('c1', { state: 'Connecting' }) }),
    );
    expect(state.entities['c1']?.connectedAt).toBeNull();
    state = reduce(state, CallingSdkEvents.callStateChanged({ id: 'c1', state: 'Connected', at: 5_000 }));
    state = reduce(state, CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 9_000 }));
    state = reduce(state, CallingSdkEvents.callStateChanged({ id: 'c1', state: 'Connected', at: 12_000 }));
    expect(state.entities['c1']?.connectedAt).toBe(5_000);
  });

  it('has one active call: the latest not on hold; held calls are listed apart', () => {
    let state = reduce(
      initialCallsState,
      CallingSdkEvents.callAdded({ call: call('c1', { startedAt: 1_000 }) }),
    );
    state = reduce(state, CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 2_000 }));
    state = reduce(state, CallingSdkEvents.callAdded({ call: call('c2', { startedAt: 3_000 }) }));
    expect(callsFeature.selectActiveCall(root(state))?.id).toBe('c2');
    expect(callsFeature.selectHeldCalls(root(state)).map((c) => c.id)).toEqual(['c1']);
  });

  it('keeps a call held by the other side as the active one (the agent cannot resume it)', () => {
    const state = reduce(
      initialCallsState,
      CallingSdkEvents.callAdded({ call: call('c1', { state: 'RemoteHold' }) }),
    );
    expect(callsFeature.selectActiveCall(root(state))?.id).toBe('c1');
    expect(callsFeature.selectHeldCalls(root(state))).toEqual([]);
  });

  it('tracks the pending operation and its failure', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(state, ActiveCallPanelActions.muteClicked({ callId: 'c1' }));
    expect(state.entities['c1']?.pending).toBe('mute');
    const failure = { message: 'Muting the microphone failed. Try again.', code: 500, subCode: 41015 };
    state = reduce(
      state,
      CallingApiActions.callOperationFailed({ callId: 'c1', operation: 'mute', failure }),
    );
    expect(state.entities['c1']).toEqual(
      jasmine.objectContaining({ pending: null, failure: { ...failure, operation: 'mute' } }),
    );
  });

  it('removes an ended call and says how it ended', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(
      state,
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 560000 }, at: 9 }),
    );
    expect(state.ids).toEqual([]);
    expect(state.lastEnded?.message).toBe('The caller hung up.');
  });

  it('says who declined: the callee of a call the agent placed, the agent on a call they were offered', () => {
    let state = reduce(
      initialCallsState,
      CallingSdkEvents.callAdded({ call: call('out', { direction: 'Outgoing', queue: null }) }),
    );
    state = reduce(
      state,
      CallingSdkEvents.callEnded({ id: 'out', callEndReason: { code: 603, subCode: 0 }, at: 9 }),
    );
    expect(state.lastEnded?.message).toBe('The person called declined the call.');
    state = reduce(state, CallingSdkEvents.callAdded({ call: call('in') }));
    state = reduce(
      state,
      CallingSdkEvents.callEnded({ id: 'in', callEndReason: { code: 603, subCode: 0 }, at: 10 }),
    );
    expect(state.lastEnded?.message).toBe('You declined the call.');
  });

  it('follows a call whose id the SDK changed', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('old') }));
    state = reduce(state, CallingSdkEvents.callIdChanged({ previousId: 'old', id: 'new' }));
    expect(state.ids).toEqual(['new']);
    expect(state.entities['new']?.id).toBe('new');
  });

  it('keeps Hang up pending when an earlier Hold finishes during it', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(state, ActiveCallPanelActions.holdClicked({ callId: 'c1' }));
    state = reduce(state, ActiveCallPanelActions.hangUpClicked({ callId: 'c1' }));
    state = reduce(state, CallingApiActions.callOperationSucceeded({ callId: 'c1', operation: 'hold' }));
    expect(state.entities['c1']?.pending).toBe('hangUp');
    state = reduce(
      state,
      CallingApiActions.callOperationFailed({
        callId: 'c1',
        operation: 'hangUp',
        failure: { message: 'No' },
      }),
    );
    expect(state.entities['c1']?.pending).toBeNull();
  });

  it('clears the last call’s ending once a new call arrives', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(
      state,
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 0 }, at: 9 }),
    );
    expect(state.lastEnded?.message).toBe('You hung up.');
    state = reduce(state, CallingSdkEvents.callAdded({ call: call('c2') }));
    expect(state.lastEnded).toBeNull();
  });

  it('names a 1:1 by its caller when incoming, by the party called when outgoing', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('in') }));
    state = reduce(
      state,
      CallingSdkEvents.callAdded({
        call: call('out', { direction: 'Outgoing', caller: { identity: null, displayName: null } }),
      }),
    );
    expect(state.entities['out']?.counterpart).toBeNull();
    const drew = participant('out', '8:orgid:drew', {
      identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:drew' },
      displayName: 'Drew Lee',
    });
    state = reduce(state, CallingSdkEvents.participantsAdded({ callId: 'out', participants: [drew] }));
    expect(state.entities['in']?.counterpart?.displayName).toBe('Dana Smith');
    expect(state.entities['out']?.counterpart).toEqual({ identity: drew.identity, displayName: 'Drew Lee' });

    state = reduce(state, CallingSdkEvents.callEnded({ id: 'out', callEndReason: { code: 0 }, at: 9 }));
    expect(state.lastEnded).toEqual({
      id: 'out',
      kind: 'oneToOne',
      counterpart: { identity: drew.identity, displayName: 'Drew Lee' },
      message: 'You hung up.',
      at: 9,
    });
  });

  it('names no single party for a group call or a meeting', () => {
    let state = reduce(
      initialCallsState,
      CallingSdkEvents.callAdded({ call: call('g', { direction: 'Outgoing', kind: 'group' }) }),
    );
    state = reduce(
      state,
      CallingSdkEvents.participantsAdded({ callId: 'g', participants: [participant('g')] }),
    );
    expect(state.entities['g']?.counterpart).toBeNull();
  });

  it('shows that another participant muted the agent until the agent unmutes or dismisses it', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(state, CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: true }));
    state = reduce(state, CallingSdkEvents.callMutedByOthers({ id: 'c1', at: 5 }));
    expect(state.entities['c1']?.mutedByOthersAt).toBe(5);
    state = reduce(state, CallingSdkEvents.callMutedChanged({ id: 'c1', isMuted: false }));
    expect(state.entities['c1']?.mutedByOthersAt).toBeNull();

    state = reduce(state, CallingSdkEvents.callMutedByOthers({ id: 'c1', at: 6 }));
    state = reduce(state, ActiveCallPanelActions.mutedNoticeDismissed({ callId: 'c1' }));
    expect(state.entities['c1']?.mutedByOthersAt).toBeNull();
  });

  it('merges capability changes into what the call already reported', () => {
    let state = reduce(
      initialCallsState,
      CallingSdkEvents.callAdded({
        call: call('c1', {
          capabilities: {
            muteOthers: { isPresent: false, reason: 'RoleRestricted' },
            removeParticipant: { isPresent: false, reason: 'RoleRestricted' },
          },
        }),
      }),
    );
    state = reduce(
      state,
      CallingSdkEvents.callCapabilitiesChanged({
        id: 'c1',
        capabilities: { muteOthers: { isPresent: true, reason: 'Capable' } },
      }),
    );
    expect(state.entities['c1']?.capabilities).toEqual({
      muteOthers: { isPresent: true, reason: 'Capable' },
      removeParticipant: { isPresent: false, reason: 'RoleRestricted' },
    });
  });

  it('keeps the tones sent, and a failed tone’s reason until the next key', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(state, DtmfKeypadActions.tonePressed({ callId: 'c1', tone: 'Num1' }));
    expect(state.entities['c1']?.pending).toBeNull();
    state = reduce(state, CallingApiActions.dtmfToneSent({ callId: 'c1', tone: 'Num1' }));
    state = reduce(state, CallingApiActions.dtmfToneSent({ callId: 'c1', tone: 'Pound' }));
    const failure = { message: 'Sending the tone failed: no', code: 400 };
    state = reduce(state, CallingApiActions.dtmfToneFailed({ callId: 'c1', tone: 'Star', failure }));
    expect(state.entities['c1']).toEqual(
      jasmine.objectContaining({
        dtmfSent: ['Num1', 'Pound'],
        failure: { ...failure, operation: 'sendDtmf' },
      }),
    );
    state = reduce(state, DtmfKeypadActions.tonePressed({ callId: 'c1', tone: 'Num2' }));
    expect(state.entities['c1']?.failure).toBeNull();
  });

  it('tracks Mute all others, the camera, role and dominant speakers on the call', () => {
    let state = reduce(initialCallsState, CallingSdkEvents.callAdded({ call: call('c1') }));
    state = reduce(state, RosterActions.muteAllOthersClicked({ callId: 'c1' }));
    expect(state.entities['c1']?.pending).toBe('muteAllRemoteParticipants');
    state = reduce(
      state,
      CallingApiActions.callOperationFailed({
        callId: 'c1',
        operation: 'muteAllRemoteParticipants',
        failure: {
          message: 'Too many mute requests in a short time. Wait a few seconds and try again.',
          code: 429,
        },
      }),
    );
    expect(state.entities['c1']?.failure?.code).toBe(429);
    state = reduce(state, ActiveCallPanelActions.startVideoClicked({ callId: 'c1' }));
    expect(state.entities['c1']).toEqual(jasmine.objectContaining({ pending: 'startVideo', failure: null }));
    state = reduce(state, CallingSdkEvents.callLocalVideoChanged({ id: 'c1', isLocalVideoStarted: true }));
    state = reduce(state, CallingSdkEvents.callRoleChanged({ id: 'c1', role: 'Presenter' }));
    state = reduce(
      state,
      CallingSdkEvents.callDominantSpeakersChanged({ id: 'c1', dominantSpeakers: ['4:+14255550123'] }),
    );
    state = reduce(
      state,
      CallingSdkEvents.callConversationChanged({ id: 'c1', kind: 'group', threadId: '19:a@thread.v2' }),
    );
    expect(state.entities['c1']).toEqual(
      jasmine.objectContaining({
        isLocalVideoStarted: true,
        role: 'Presenter',
        dominantSpeakers: ['4:+14255550123'],
        kind: 'group',
        threadId: '19:a@thread.v2',
      }),
    );
    // A speaker storm's frame carries who leads with the speakers' changes.
    state = reduce(
      state,
      CallingSdkEvents.participantsChanged({
        changes: [],
        dominantSpeakers: [{ id: 'c1', dominantSpeakers: ['8:orgid:drew', '4:+14255550123'] }],
      }),
    );
    expect(state.entities['c1']?.dominantSpeakers).toEqual(['8:orgid:drew', '4:+14255550123']);
  });
});
