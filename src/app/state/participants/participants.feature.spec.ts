import { CallingSdkEvents } from '../calling-sdk.actions';
import { call, participant } from '../testing/snapshots';
import { callsFeature } from '../calls/calls.feature';
import { selectActiveCallSummary, selectHeldCallSummaries } from './call-summaries';
import { initialParticipantsState, participantKey, participantsFeature } from './participants.feature';
import { CallingApiActions } from '../calling-api.actions';
import { DirectoryApiActions } from '../dialer/directory-api.actions';
import { RosterActions } from './roster.actions';

const reduce = participantsFeature.reducer;

describe('participants feature', () => {
  it('keeps rosters per call, and applies a coalesced batch of changes', () => {
    let state = reduce(
      initialParticipantsState,
      CallingSdkEvents.participantsAdded({
        callId: 'c1',
        participants: [participant('c1', '4:+1'), participant('c1', '4:+2')],
      }),
    );
    state = reduce(
      state,
      CallingSdkEvents.participantsAdded({ callId: 'c2', participants: [participant('c2', '4:+1')] }),
    );
    state = reduce(
      state,
      CallingSdkEvents.participantsChanged({
        changes: [
          { callId: 'c1', participantId: '4:+1', changes: { isSpeaking: true } },
          { callId: 'c1', participantId: '4:+2', changes: { isMuted: true } },
          { callId: 'c1', participantId: '4:+gone', changes: { isMuted: true } },
        ],
      }),
    );
    expect(state.entities[participantKey('c1', '4:+1')]?.isSpeaking).toBeTrue();
    expect(state.entities[participantKey('c1', '4:+2')]?.isMuted).toBeTrue();
    expect(state.entities[participantKey('c2', '4:+1')]?.isSpeaking).toBeFalse();
    expect(state.ids.length).toBe(3);
  });

  it('forgets a call’s roster when the call ends, and only that call’s', () => {
    let state = reduce(
      initialParticipantsState,
      CallingSdkEvents.participantsAdded({ callId: 'c1', participants: [participant('c1')] }),
    );
    state = reduce(
      state,
      CallingSdkEvents.participantsAdded({ callId: 'c2', participants: [participant('c2')] }),
    );
    state = reduce(state, CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0 }, at: 1 }));
    expect(state.ids).toEqual([participantKey('c2', '4:+14255550123')]);
  });

  it('removes a participant who left', () => {
    let state = reduce(
      initialParticipantsState,
      CallingSdkEvents.participantsAdded({ callId: 'c1', participants: [participant('c1')] }),
    );
    state = reduce(
      state,
      CallingSdkEvents.participantRemoved({
        callId: 'c1',
        participantId: '4:+14255550123',
        callEndReason: { code: 0, subCode: 560000 },
      }),
    );
    expect(state.ids).toEqual([]);
  });

  it('tracks a Mute or Remove on one participant, and says why it failed on that participant', () => {
    let state = reduce(
      initialParticipantsState,
      CallingSdkEvents.participantsAdded({
        callId: 'c1',
        participants: [participant('c1', '4:+1'), participant('c1', '4:+2')],
      }),
    );
    state = reduce(state, RosterActions.muteClicked({ callId: 'c1', participantId: '4:+1' }));
    state = reduce(state, RosterActions.removeClicked({ callId: 'c1', participantId: '4:+2' }));
    expect(state.entities[participantKey('c1', '4:+1')]?.pending).toBe('muteParticipant');
    const failure = {
      message: 'Too many mute requests in a short time. Wait a few seconds and try again.',
      code: 429,
    };
    state = reduce(
      state,
      CallingApiActions.participantOperationFailed({
        callId: 'c1',
        participantId: '4:+1',
        operation: 'muteParticipant',
        failure,
      }),
    );
    state = reduce(
      state,
      CallingApiActions.participantOperationSucceeded({
        callId: 'c1',
        participantId: '4:+2',
        operation: 'removeParticipant',
      }),
    );
    expect(state.entities[participantKey('c1', '4:+1')]).toEqual(
      jasmine.objectContaining({ pending: null, failure: { ...failure, operation: 'muteParticipant' } }),
    );
    expect(state.entities[participantKey('c1', '4:+2')]).toEqual(
      jasmine.objectContaining({ pending: null, failure: null }),
    );
    state = reduce(state, RosterActions.muteClicked({ callId: 'c1', participantId: '4:+1' }));
    expect(state.entities[participantKey('c1', '4:+1')]?.failure).toBeNull();
  });
});

describe('participants named from the directory', () => {
  it('names a Teams user in every call they are in, leaving names the SDK gave alone', () => {
    const drew = (callId: string, displayName: string | null) =>
      participant(callId, '8:orgid:drew', {
        identity: { kind: 'microsoftTeamsUser', rawId: '8:orgid:drew' },
        displayName,
      });
    let state = reduce(
      initialParticipantsState,
      CallingSdkEvents.participantsAdded({
        callId: 'c1',
        participants: [drew('c1', null), participant('c1')],
      }),
    );
    state = reduce(
      state,
      CallingSdkEvents.participantsAdded({ callId: 'c2', participants: [drew('c2', 'Drew (Contoso)')] }),
    );
    state = reduce(
      state,
      DirectoryApiActions.participantNamed({ participantId: '8:orgid:drew', displayName: 'Drew Lee' }),
    );
    expect(state.entities[participantKey('c1', '8:orgid:drew')]?.displayName).toBe('Drew Lee');
    expect(state.entities[participantKey('c2', '8:orgid:drew')]?.displayName).toBe('Drew (Contoso)');
    expect(state.entities[participantKey('c1', '4:+14255550123')]?.displayName).toBe('Dana Smith');

    const calls = [
      CallingSdkEvents.callAdded({
        call: call('out', { direction: 'Outgoing', caller: { identity: null, displayName: null } }),
      }),
      CallingSdkEvents.participantsAdded({ callId: 'out', participants: [drew('out', null)] }),
      DirectoryApiActions.participantNamed({ participantId: '8:orgid:drew', displayName: 'Drew Lee' }),
    ].reduce(callsFeature.reducer, callsFeature.reducer(undefined, { type: 'init' }));
    expect(calls.entities['out']?.counterpart?.displayName).toBe('Drew Lee');
  });
});

describe('call summaries', () => {
  function root(...actions: Parameters<typeof reduce>[1][]) {
    return {
      calls: actions.reduce(callsFeature.reducer, callsFeature.reducer(undefined, { type: 'init' })),
      participants: actions.reduce(reduce, initialParticipantsState),
    };
  }

  it('counts who is still in a call, the agent included, and notices a phone party', () => {
    const teams = (id: string, name: string, state: 'Connected' | 'Disconnected' | 'Ringing' = 'Connected') =>
      participant('g', id, {
        identity: { kind: 'microsoftTeamsUser', rawId: id },
        displayName: name,
        state,
      });
    const state = root(
      CallingSdkEvents.callAdded({ call: call('g', { kind: 'group', direction: 'Outgoing' }) }),
      CallingSdkEvents.participantsAdded({
        callId: 'g',
        participants: [
          teams('8:a', 'Ann'),
          teams('8:b', 'Bo', 'Disconnected'),
          teams('8:c', 'Cy', 'Ringing'),
        ],
      }),
    );
    expect(selectActiveCallSummary(state)).toEqual(
      jasmine.objectContaining({
        peopleCount: 3,
        others: [
          { identity: { kind: 'microsoftTeamsUser', rawId: '8:a' }, displayName: 'Ann' },
          { identity: { kind: 'microsoftTeamsUser', rawId: '8:c' }, displayName: 'Cy' },
        ],
        hasPhoneParty: false,
      }),
    );

    const withPhone = root(
      CallingSdkEvents.callAdded({ call: call('c1', { state: 'LocalHold' }) }),
      CallingSdkEvents.participantsAdded({ callId: 'c1', participants: [participant('c1')] }),
    );
    expect(selectActiveCallSummary(withPhone)).toBeNull();
    expect(
      selectHeldCallSummaries(withPhone).map((s) => [s.call.id, s.peopleCount, s.hasPhoneParty]),
    ).toEqual([['c1', 2, true]]);
  });
});
