/**
 * Just enough of an AudioContext for the ringtone: it starts suspended as a browser's does before
 * the page is used, `resume` runs it only when `allowed`, and it records what plays.
 */
export class FakeAudioContext extends EventTarget {
  state: AudioContextState = 'suspended';
  /** Whether the browser would let sound play now (the page has been used). */
  allowed = false;
  sinkId: string | null = null;
  readonly destination = { kind: 'destination' };
  readonly oscillators: FakeOscillator[] = [];

  /** Oscillators started and not stopped: something is sounding. */
  get sounding(): number {
    return this.oscillators.filter((oscillator) => oscillator.started && !oscillator.stopped).length;
  }

  async resume(): Promise<void> {
    if (!this.allowed || this.state === 'running') return;
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
  }

  async close(): Promise<void> {
    this.state = 'closed';
  }

  async setSinkId(sinkId: string): Promise<void> {
    this.sinkId = sinkId;
  }

  createGain() {
    return new FakeNode();
  }

  createOscillator() {
    const oscillator = new FakeOscillator();
    this.oscillators.push(oscillator);
    return oscillator;
  }

  /** The browser has seen the agent use the page: sound may play from now on. */
  useThePage(): void {
    this.allowed = true;
  }
}

class FakeNode {
  readonly gain = { value: 1 };
  connect<T>(target: T): T {
    return target;
  }
  disconnect(): void {}
}

class FakeOscillator extends FakeNode {
  type = 'sine';
  readonly frequency = { value: 440 };
  started = false;
  stopped = false;
  start(): void {
    this.started = true;
  }
  stop(): void {
    this.stopped = true;
  }
}

/** What tests give `AUDIO_CONTEXT_FACTORY` so nothing sounds: one fake per page, like the app's one context. */
export function fakeAudioContextFactory(context = new FakeAudioContext()) {
  return () => context as unknown as AudioContext;
}
