import type * as Sdk from '@azure/communication-calling';
import { callingError } from '../connection';
import { Emitter, type Listener, type ListenerTally } from '../emitter';

/** What a tile shows for a participant: the first letters of up to two words of their name. */
export function initialsOf(label: string): string {
  const words = label
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return '?';
  // A phone number has no initials: "#", not "+4".
  if (/^\+?\d/.test(words[0])) return '#';
  const letters = words.map((word) => Array.from(word)[0]);
  return (letters.length > 1 ? letters[0] + letters[letters.length - 1] : letters[0]).toUpperCase();
}

const SIZE: Sdk.StreamSize = { width: 640, height: 360 };

/**
 * A remote participant's video as the world reports it: the camera of another party is on or off
 * (`setAvailable`, called by the call when the world says so). The emulator carries no real video,
 * so what is received is drawn here: the participant's initials on a canvas, captured as a
 * `MediaStream` in a browser.
 */
export class EmulatedRemoteVideoStream implements Sdk.RemoteVideoStream {
  readonly size: Sdk.StreamSize = { ...SIZE };
  private available = false;
  private drawn: { stream: MediaStream; stop: () => void } | undefined;
  private readonly events: Emitter;

  constructor(
    readonly id: number,
    readonly mediaStreamType: Sdk.MediaStreamType,
    readonly label: string,
    tally: ListenerTally,
  ) {
    this.events = new Emitter(tally);
  }

  get isAvailable(): boolean {
    return this.available;
  }

  /** The emulator receives whatever is available: there is no network to lose frames on. */
  get isReceiving(): boolean {
    return this.available;
  }

  /** The world turned this participant's camera on or off. */
  setAvailable(available: boolean): void {
    if (available === this.available) return;
    this.available = available;
    if (!available) {
      this.drawn?.stop();
      this.drawn = undefined;
    }
    this.events.emit('isAvailableChanged');
    this.events.emit('isReceivingChanged');
  }

  /** The participant's initials as video, while their camera is on; a clear error otherwise. */
  async getMediaStream(): Promise<MediaStream> {
    if (!this.available) {
      throw callingError({
        code: 400,
        message: `${this.label}'s video is not available: their camera is off.`,
      });
    }
    this.drawn ??= drawInitials(initialsOf(this.label), this.size);
    return this.drawn.stream;
  }

  on(event: 'isAvailableChanged' | 'isReceivingChanged' | 'sizeChanged', listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: 'isAvailableChanged' | 'isReceivingChanged' | 'sizeChanged', listener: Listener): void {
    this.events.off(event, listener);
  }
}

/**
 * The initials on a canvas, captured as a stream. The picture never changes, but it is painted
 * again a few times a second: a canvas only yields frames when painted, and a view attached later
 * needs frames to show. Painting stops with the stream.
 */
function drawInitials(initials: string, size: Sdk.StreamSize): { stream: MediaStream; stop: () => void } {
  const canvas = globalThis.document?.createElement('canvas');
  const context = canvas?.getContext('2d');
  if (!canvas || !context || typeof canvas.captureStream !== 'function') {
    throw callingError({
      code: 501,
      message: 'Receiving video needs a browser: this runtime cannot draw it.',
    });
  }
  canvas.width = size.width;
  canvas.height = size.height;
  const paint = () => {
    context.fillStyle = '#37474f';
    context.fillRect(0, 0, size.width, size.height);
    context.fillStyle = '#ffffff';
    context.font = `600 ${Math.round(size.height / 3)}px sans-serif`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(initials, size.width / 2, size.height / 2);
  };
  paint();
  const stream = canvas.captureStream();
  const timer = setInterval(paint, 200);
  const stop = () => {
    clearInterval(timer);
    stream.getTracks().forEach((track) => track.stop());
  };
  return { stream, stop };
}
