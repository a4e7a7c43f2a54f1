/**
 * Hand-made SDK objects for the few behaviours the emulator never shows (a call whose id changes,
 * an agent that drops a call without its Disconnected) and for bridge tests: just enough of the
 * SDK's shape, with an honest on/off and a listener count.
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

export class FakeVideoStream extends FakeSdkObject {
  readonly mediaStreamType = 'Video';
  isAvailable = false;

  constructor(readonly id = 1) {
    super();
  }
}

export class FakeParticipant extends FakeSdkObject {
  identifier = { phoneNumber: '+14255550123', rawId: '4:+14255550123' };
  state = 'Connected';
  role = 'Unknown';
  isMuted = false;
  isSpeaking = false;
  displayName = 'Dana Smith';
  videoStreams: FakeVideoStream[] = [];
}

export class FakeCallInfo extends FakeSdkObject {
  threadId: string | undefined = undefined;
  /** What `getServerCallId()` gives: nothing yet (it rejects, as ACS may before a call connects). */
  serverCallId: string | null = null;

  async getServerCallId(): Promise<string> {
    if (this.serverCallId === null) throw new Error('The server call id is not known yet.');
    return this.serverCallId;
  }

  onCallInfoChanged(event: string, listener: (args?: unknown) => void): void {
    this.on(event, listener);
  }

  offCallInfoChanged(event: string, listener: (args?: unknown) => void): void {
    this.off(event, listener);
  }
}

export class FakeCapabilities extends FakeSdkObject {
  capabilities: Record<string, { isPresent: boolean; reason: string }> = {
    muteOthers: { isPresent: true, reason: 'Capable' },
    removeParticipant: { isPresent: false, reason: 'RoleRestricted' },
  };
}

export class FakeDominantSpeakers extends FakeSdkObject {
  dominantSpeakers = { speakersList: [] as unknown[], timestamp: new Date(0) };
}

export class FakeRecording extends FakeSdkObject {
  isRecordingActive = false;
  recordings: { state: string }[] = [];
  isTeamsConsentRequired = false;
  /** What the next `grantTeamsConsent` rejects with; null: it succeeds. */
  refusal: unknown = null;

  /** As the SDK does: consent given turns `isTeamsConsentRequired` false, with no event. */
  async grantTeamsConsent(): Promise<void> {
    if (this.refusal) throw this.refusal;
    this.isTeamsConsentRequired = false;
  }
}

export class FakeTeamsCaptions extends FakeSdkObject {
  readonly kind = 'TeamsCaptions';
  isCaptionsFeatureActive = false;
  /** What the next `startCaptions` or `stopCaptions` rejects with; null: the request is taken. */
  refusal: unknown = null;
  readonly requests: ('start' | 'stop')[] = [];

  /** Takes the request only: captions come on when the test says (`turn`), as the service's event. */
  async startCaptions(): Promise<void> {
    this.requests.push('start');
    if (this.refusal) throw this.refusal;
  }

  async stopCaptions(): Promise<void> {
    this.requests.push('stop');
    if (this.refusal) throw this.refusal;
  }

  /** The service turned captions on or off (`CaptionsActiveChanged`). */
  turn(active: boolean): void {
    this.isCaptionsFeatureActive = active;
    this.emit('CaptionsActiveChanged');
  }
}

export class FakeCaptions extends FakeSdkObject {
  captions: FakeTeamsCaptions = new FakeTeamsCaptions();
}

/** The factories a `FakeCall` understands, passed where the SDK's `Features` would be. */
export const FAKE_FEATURES = {
  Capabilities: { name: 'Capabilities' },
  DominantSpeakers: { name: 'DominantSpeakers' },
  Recording: { name: 'Recording' },
  Captions: { name: 'Captions' },
} as const;

export class FakeCall extends FakeSdkObject {
  direction = 'Incoming';
  state = 'Connected';
  role = 'Unknown';
  isMuted = false;
  isLocalVideoStarted = false;
  readonly info = new FakeCallInfo();
  callerInfo = { identifier: { phoneNumber: '+14255550123' }, displayName: 'Dana Smith' };
  remoteParticipants: FakeParticipant[] = [new FakeParticipant()];
  readonly features = {
    Capabilities: new FakeCapabilities(),
    DominantSpeakers: new FakeDominantSpeakers(),
    Recording: new FakeRecording(),
    Captions: new FakeCaptions(),
  };

  constructor(public id = 'call-1') {
    super();
  }

  feature(factory: { name: keyof FakeCall['features'] }): FakeSdkObject {
    return this.features[factory.name];
  }
}

export class FakeAgent extends FakeSdkObject {
  connectionState = 'Connected';
  calls: FakeCall[] = [];
  disposed = false;

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
