import { CallingSdkEvents } from '../calling-sdk.actions';
import { participant } from '../testing/snapshots';
import { initialParticipantsState, participantKey, participantsFeature } from './participants.feature';

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
});
