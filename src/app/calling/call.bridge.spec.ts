import type { TeamsCall } from '@azure/communication-calling';
import type { CallingEvent } from './calling-events';
import { callEvents } from './call.bridge';
import { FakeCall } from './testing/fake-sdk-objects';

describe('call bridge', () => {
  it('reports participant changes under the call’s new id once the SDK changes it', () => {
    const call = new FakeCall();
    const events: CallingEvent[] = [];
    const subscription = callEvents(call as unknown as TeamsCall, () => 0).subscribe((e) => events.push(e));

    call.id = 'call-2';
    call.emit('idChanged');
    const [caller] = call.remoteParticipants;
    caller.isSpeaking = true;
    caller.emit('isSpeakingChanged');

    expect(events).toContain({ type: 'callIdChanged', previousId: 'call-1', id: 'call-2' });
    expect(events.at(-1)).toEqual({
      type: 'participantChanged',
      callId: 'call-2',
      participantId: '4:+14255550123',
      changes: { isSpeaking: true },
    });
    subscription.unsubscribe();
  });

  it('removes every listener it added, on the call and its participants, when the call ends', () => {
    const call = new FakeCall();
    const events: CallingEvent[] = [];
    let completed = false;
    callEvents(call as unknown as TeamsCall, () => 7).subscribe({
      next: (e) => events.push(e),
      complete: () => (completed = true),
    });
    const [caller] = call.remoteParticipants;
    expect(call.listenerCount).toBeGreaterThan(0);
    expect(caller.listenerCount).toBeGreaterThan(0);

    call.state = 'Disconnected';
    call.emit('stateChanged');

    expect(call.listenerCount).toBe(0);
    expect(caller.listenerCount).toBe(0);
    expect(events.at(-1)).toEqual({ type: 'callEnded', id: 'call-1', callEndReason: null, at: 7 });
    expect(completed).toBeTrue();
  });
});
