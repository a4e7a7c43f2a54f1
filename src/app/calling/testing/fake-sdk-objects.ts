/**
 * Hand-made SDK objects for the few behaviours the emulator never shows (a call whose id changes,
 * an agent that drops a call without its Disconnected): just enough of the SDK's shape, with an
 * honest on/off and a listener count.
 */
export class FakeSdkObject {
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

export class FakeParticipant extends FakeSdkObject {
  identifier = { phoneNumber: '+14255550123', rawId: '4:+14255550123' };
  state = 'Connected';
  isMuted = false;
  isSpeaking = false;
  displayName = 'Dana Smith';
}

export class FakeCall extends FakeSdkObject {
  direction = 'Incoming';
  state = 'Connected';
  isMuted = false;
  callerInfo = { identifier: { phoneNumber: '+14255550123' }, displayName: 'Dana Smith' };
  remoteParticipants: FakeParticipant[] = [new FakeParticipant()];

  constructor(public id = 'call-1') {
    super();
  }
}

export class FakeAgent extends FakeSdkObject {
  connectionState = 'Connected';
  calls: FakeCall[] = [];
}
