import { callingError, type CallingError } from '../connection';
import { ListenerTally } from '../emitter';

/**
 * The browser's media devices, when there is a browser. In Node there are none: no camera, no
 * microphone, nothing to render into; the media classes say so with the SDK's codes.
 */
export function browserMediaDevices(): MediaDevices | undefined {
  return globalThis.navigator?.mediaDevices;
}

/**
 * Listeners on media objects made outside any `CallClient` (`new LocalVideoStream(camera)`): they
 * count in `listenerCount()` but belong to no agent, so they are not reported to the world.
 */
export const standaloneTally = new ListenerTally();

/** 412/43013: no camera (none attached, or no media devices in this runtime at all). */
export function noCamera(detail: string): CallingError {
  return callingError({ code: 412, subCode: 43013, message: `No camera was found: ${detail}.` });
}

/** What `getUserMedia` failing means in the SDK's codes (docs/acs-codes.md). */
export function mediaAccessError(error: unknown, kind: 'camera' | 'microphone'): CallingError {
  const name = (error as { name?: string } | null)?.name;
  const reason = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return kind === 'camera'
      ? callingError({ code: 403, subCode: 43001, message: 'The browser may not use the camera.' })
      : callingError({ code: 400, subCode: 40613, message: 'The browser may not use the microphone.' });
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return kind === 'camera'
      ? noCamera('the selected camera is not attached')
      : callingError({ code: 412, message: 'No microphone was found: the selected one is not attached.' });
  }
  return callingError({ code: 500, message: `Starting the ${kind} failed: ${reason}` });
}

/** The camera's or microphone's `MediaStream`, from the browser; a clear error without one. */
export async function userMedia(
  kind: 'camera' | 'microphone',
  deviceId: string | undefined,
): Promise<MediaStream> {
  const devices = browserMediaDevices();
  if (!devices?.getUserMedia) {
    if (kind === 'camera') throw noCamera('this runtime has no media devices');
    throw callingError({ code: 412, message: 'No microphone was found: this runtime has no media devices.' });
  }
  const constraint: MediaTrackConstraints | boolean = deviceId ? { deviceId: { exact: deviceId } } : true;
  try {
    return await devices.getUserMedia(kind === 'camera' ? { video: constraint } : { audio: constraint });
  } catch (error) {
    throw mediaAccessError(error, kind);
  }
}

/** A `MediaStream` passed in as a source, described as the SDK describes it: a device of no known kind. */
export function deviceInfoOf(stream: MediaStream, kind: 'video' | 'audio'): { id: string; name: string } {
  const track = kind === 'video' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
  return { id: stream.id, name: track?.label || `Custom ${kind} stream` };
}

export function isMediaStream(source: unknown): source is MediaStream {
  return typeof MediaStream !== 'undefined' && source instanceof MediaStream;
}

export function stopTracks(stream: MediaStream | undefined): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/** A public view of an SDK class (its private members cannot be implemented by another class). */
export type PublicOf<T> = { [K in keyof T]: T[K] };

/**
 * A camera or microphone opened on first use and shared by everyone who asks, until released:
 * released while open, its tracks stop now; released while still opening, they stop once it opens.
 */
export class OpenedDevice {
  private pending: Promise<MediaStream> | undefined;
  private stream: MediaStream | undefined;

  constructor(private readonly kind: 'camera' | 'microphone') {}

  open(deviceId: string): Promise<MediaStream> {
    if (!this.pending) {
      const pending: Promise<MediaStream> = userMedia(this.kind, deviceId).then(
        (stream) => {
          if (this.pending === pending) this.stream = stream;
          else stopTracks(stream);
          return stream;
        },
        (error) => {
          if (this.pending === pending) this.pending = undefined;
          throw error;
        },
      );
      this.pending = pending;
    }
    return this.pending;
  }

  release(): void {
    const stream = this.stream;
    this.pending = undefined;
    this.stream = undefined;
    stopTracks(stream);
  }
}
