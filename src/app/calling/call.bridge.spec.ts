import type { TeamsCall } from '@azure/communication-calling';
import type { CallingEvent } from './calling-events';
import { callEvents } from './call.bridge';

/**
 * The emulator never changes a call's id, but the SDK may (`idChanged`), so this one behaviour is
 * driven by a hand-made call: just enough of the SDK's shape, with an honest on/off.
 */
class FakeSdkObject {
  private readonly listeners = new Map<string, Set<(args?: unknown) => void>>();
  on(event: string, listener: (args?: unknown) => void): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: (args?: unknown) => void): void {
    this.listeners.get(event)?.delete(listener);
  }
  emit(event: string, args?: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(args);
  }
  get listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

class FakeParticipant extends FakeSdkObject {
  identifier = { phoneNumber: '+14255550123', rawId: '4:+14255550123' };
  state = 'Connected';
  isMuted = false;
  isSpeaking = false;
  displayName = 'Dana Smith';
}

class FakeCall extends FakeSdkObject {
  id = 'call-1';
  direction = 'Incoming';
  state = 'Connected';
  isMuted = false;
  callerInfo = { identifier: { phoneNumber: '+14255550123' }, displayName: 'Dana Smith' };
  remoteParticipants: FakeParticipant[] = [new FakeParticipant()];
}

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
