import { DOCUMENT, Injectable, InjectionToken, inject, signal, type OnDestroy } from '@angular/core';

/** Makes the page's one AudioContext; null where the browser has no Web Audio. Tests give a fake. */
export type AudioContextFactory = () => AudioContext | null;

export const AUDIO_CONTEXT_FACTORY = new InjectionToken<AudioContextFactory>('AUDIO_CONTEXT_FACTORY', {
  factory: () => () => (typeof AudioContext === 'function' ? new AudioContext() : null),
});

/** North American ringing: two tones together, one second on, one second off. */
const TONES_HZ = [440, 480];
const CADENCE_HZ = 0.5;
const VOLUME = 0.12;

/** `AudioContext.setSinkId` (Chrome 110+), not in every browser nor in TypeScript's DOM types yet. */
type SinkChoosing = AudioContext & { setSinkId?: (sinkId: string) => Promise<void> };

/**
 * The ringtone, made with Web Audio oscillators (no file to load). Browsers keep an AudioContext
 * suspended until the page has been used (autoplay policy), so a gesture unlocks it: the sign-in
 * click, the page's first click or key, or "Turn on sound". Until then `blocked` says the ringtone
 * would play but cannot.
 */
@Injectable({ providedIn: 'root' })
export class Ringtone implements OnDestroy {
  private readonly createContext = inject(AUDIO_CONTEXT_FACTORY);
  private readonly document = inject(DOCUMENT);
  private context: AudioContext | null = null;
  private sound: { stop(): void } | null = null;
  private wanted = false;
  private speakerId: string | null = null;
  private readonly blockedNow = signal(false);
  /** A call rings and the ringtone should play, but the browser holds sound back. */
  readonly blocked = this.blockedNow.asReadonly();

  private readonly onFirstGesture = () => {
    this.stopListeningForGesture();
    this.unlock();
  };

  constructor() {
    // A sign-in by redirect reloads the page, and the click that started it unlocks nothing here.
    for (const type of ['pointerdown', 'keydown'])
      this.document.addEventListener(type, this.onFirstGesture, { capture: true });
  }

  /** Starts ringing (again a no-op while ringing); plays as soon as the browser allows sound. */
  start(): void {
    this.wanted = true;
    const context = this.ensureContext();
    if (!context) return;
    if (context.state === 'running') this.play(context);
    else context.resume().catch(() => undefined);
    this.update();
  }

  /** Stops at once; nothing is left playing or scheduled. */
  stop(): void {
    this.wanted = false;
    this.sound?.stop();
    this.sound = null;
    this.update();
  }

  /** Called in a user gesture: the browser then lets the page's audio run. */
  unlock(): void {
    this.ensureContext()
      ?.resume()
      .catch(() => undefined);
  }

  /** The speaker the agent chose (null: the system's), where the browser can choose one. */
  useSpeaker(speakerId: string | null): void {
    this.speakerId = speakerId;
    if (this.context) this.chooseSink(this.context);
  }

  ngOnDestroy(): void {
    this.stopListeningForGesture();
    this.stop();
    void this.context?.close().catch(() => undefined);
  }

  private ensureContext(): AudioContext | null {
    if (this.context) return this.context;
    const context = this.createContext();
    if (!context) return null;
    this.context = context;
    this.chooseSink(context);
    context.addEventListener('statechange', () => {
      if (this.wanted && context.state === 'running') this.play(context);
      this.update();
    });
    return context;
  }

  private play(context: AudioContext): void {
    if (this.sound) return;
    const output = context.createGain();
    output.gain.value = VOLUME / 2;
    output.connect(context.destination);
    // A square wave swings the gain between 0 and VOLUME: the ring's cadence, with no timers.
    const cadence = context.createOscillator();
    cadence.type = 'square';
    cadence.frequency.value = CADENCE_HZ;
    const depth = context.createGain();
    depth.gain.value = VOLUME / 2;
    cadence.connect(depth).connect(output.gain);
    const oscillators = [
      cadence,
      ...TONES_HZ.map((hz) => {
        const tone = context.createOscillator();
        tone.frequency.value = hz;
        tone.connect(output);
        return tone;
      }),
    ];
    for (const oscillator of oscillators) oscillator.start();
    this.sound = {
      stop: () => {
        for (const oscillator of oscillators) oscillator.stop();
        output.disconnect();
      },
    };
  }

  private chooseSink(context: SinkChoosing): void {
    context.setSinkId?.(this.speakerId ?? '').catch(() => undefined);
  }

  private update(): void {
    this.blockedNow.set(this.wanted && this.context !== null && this.context.state !== 'running');
  }

  private stopListeningForGesture(): void {
    for (const type of ['pointerdown', 'keydown'])
      this.document.removeEventListener(type, this.onFirstGesture, { capture: true });
  }
}
