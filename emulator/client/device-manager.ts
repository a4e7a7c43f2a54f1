import type {
  AudioDeviceInfo,
  DeviceAccess,
  DeviceManager,
  PermissionConstraints,
  VideoDeviceInfo,
} from '@azure/communication-calling';
import { callingError } from './connection';
import { Emitter, type Listener, type ListenerTally } from './emitter';
import { browserMediaDevices, stopTracks } from './media/media-devices';

type DeviceEvent =
  'videoDevicesUpdated' | 'audioDevicesUpdated' | 'selectedMicrophoneChanged' | 'selectedSpeakerChanged';

/**
 * What one list has that the other lacks. A device is its id and name: browsers hide both until
 * permission is granted, so a device that gets its name reads as removed and added again.
 */
function difference<T extends { id: string; name: string }>(
  from: T[],
  to: T[],
): { added: T[]; removed: T[] } {
  const key = (d: T) => `${d.id}\n${d.name}`;
  const before = new Set(from.map(key));
  const after = new Set(to.map(key));
  return { added: to.filter((d) => !before.has(key(d))), removed: from.filter((d) => !after.has(key(d))) };
}

const isListEvent = (event: string) => event === 'videoDevicesUpdated' || event === 'audioDevicesUpdated';

/**
 * The devices of the machine the console runs on: in a browser, `navigator.mediaDevices` (in the
 * tests, Chromium's fake camera and microphone); in Node, none. The emulator carries no media to
 * the world, so devices only matter here, on this side. As with the SDK, names are empty until
 * `askDevicePermission` is granted, and the system default microphone and speaker are selected
 * once listed.
 */
export class EmulatedDeviceManager implements DeviceManager {
  private microphone: AudioDeviceInfo | undefined;
  private speaker: AudioDeviceInfo | undefined;
  private cameras: VideoDeviceInfo[] = [];
  private audioDevices: AudioDeviceInfo[] = [];
  /** Listeners for device lists: while there are any, the browser's `devicechange` is watched. */
  private readonly listListeners: Listener[] = [];
  private readonly events: Emitter;
  private readonly onDeviceChange = () => void this.refresh(true);

  constructor(tally: ListenerTally) {
    this.events = new Emitter(tally);
  }

  get isSpeakerSelectionAvailable(): boolean {
    return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
  }

  get selectedMicrophone(): AudioDeviceInfo | undefined {
    return this.microphone;
  }

  get selectedSpeaker(): AudioDeviceInfo | undefined {
    return this.speaker;
  }

  async getCameras(): Promise<VideoDeviceInfo[]> {
    await this.refresh(false);
    return [...this.cameras];
  }

  async getMicrophones(): Promise<AudioDeviceInfo[]> {
    await this.refresh(false);
    return this.audioDevices.filter((d) => d.deviceType === 'Microphone');
  }

  async getSpeakers(): Promise<AudioDeviceInfo[]> {
    await this.refresh(false);
    return this.audioDevices.filter((d) => d.deviceType === 'Speaker');
  }

  async selectMicrophone(microphone: AudioDeviceInfo): Promise<void> {
    const found = (await this.getMicrophones()).find((d) => d.id === microphone?.id);
    if (!found) throw this.notFound('microphone', microphone);
    if (found.id === this.microphone?.id) return;
    this.microphone = found;
    this.events.emit('selectedMicrophoneChanged');
  }

  async selectSpeaker(speaker: AudioDeviceInfo): Promise<void> {
    const found = (await this.getSpeakers()).find((d) => d.id === speaker?.id);
    if (!found) throw this.notFound('speaker', speaker);
    if (found.id === this.speaker?.id) return;
    this.speaker = found;
    this.events.emit('selectedSpeakerChanged');
  }

  /**
   * Asks the browser (a prompt, or Chromium's fake UI in tests) and reports what was granted.
   * Names appear in the device lists once granted, as `...DevicesUpdated` events say.
   */
  async askDevicePermission(constraints: PermissionConstraints): Promise<DeviceAccess> {
    const access = { audio: false, video: false };
    const devices = browserMediaDevices();
    if (!devices?.getUserMedia || (!constraints.audio && !constraints.video)) return access;
    try {
      const stream = await devices.getUserMedia({ audio: constraints.audio, video: constraints.video });
      access.audio = stream.getAudioTracks().length > 0;
      access.video = stream.getVideoTracks().length > 0;
      stopTracks(stream);
    } catch {
      // Refused or no such device: nothing granted, as the SDK reports it.
    }
    await this.refresh(true);
    return access;
  }

  async startPreheatDevices(): Promise<void> {
    // The emulator opens devices when a stream needs them; there is nothing to warm up.
  }

  stopPreheatDevices(): void {
    // Nothing warmed up.
  }

  on(event: DeviceEvent, listener: Listener): void {
    this.events.on(event, listener);
    if (!isListEvent(event)) return;
    this.listListeners.push(listener);
    if (this.listListeners.length === 1)
      browserMediaDevices()?.addEventListener?.('devicechange', this.onDeviceChange);
  }

  off(event: DeviceEvent, listener: Listener): void {
    this.events.off(event, listener);
    const index = isListEvent(event) ? this.listListeners.lastIndexOf(listener) : -1;
    if (index < 0) return;
    this.listListeners.splice(index, 1);
    if (this.listListeners.length === 0) {
      browserMediaDevices()?.removeEventListener?.('devicechange', this.onDeviceChange);
    }
  }

  private async refresh(announce: boolean): Promise<void> {
    const devices = browserMediaDevices();
    if (!devices?.enumerateDevices) return;
    const all = await devices.enumerateDevices();
    const cameras = all
      .filter((d) => d.kind === 'videoinput')
      .map((d): VideoDeviceInfo => ({ id: d.deviceId, name: d.label, deviceType: 'UsbCamera' }));
    const audio = all
      .filter((d) => d.kind === 'audioinput' || d.kind === 'audiooutput')
      .map((d): AudioDeviceInfo => ({
        id: d.deviceId,
        name: d.label,
        isSystemDefault: d.deviceId === 'default',
        deviceType: d.kind === 'audioinput' ? 'Microphone' : 'Speaker',
      }));
    const videoChange = difference(this.cameras, cameras);
    const audioChange = difference(this.audioDevices, audio);
    this.cameras = cameras;
    this.audioDevices = audio;
    this.selectDefaults();
    if (!announce) return;
    if (videoChange.added.length || videoChange.removed.length)
      this.events.emit('videoDevicesUpdated', videoChange);
    if (audioChange.added.length || audioChange.removed.length)
      this.events.emit('audioDevicesUpdated', audioChange);
  }

  /** The system default (or first) microphone and speaker, and the selection kept if still attached. */
  private selectDefaults(): void {
    const pick = (kind: AudioDeviceInfo['deviceType'], current: AudioDeviceInfo | undefined) => {
      const list = this.audioDevices.filter((d) => d.deviceType === kind);
      return list.find((d) => d.id === current?.id) ?? list.find((d) => d.isSystemDefault) ?? list[0];
    };
    const microphone = pick('Microphone', this.microphone);
    const speaker = pick('Speaker', this.speaker);
    const microphoneChanged = this.microphone !== undefined && microphone?.id !== this.microphone.id;
    const speakerChanged = this.speaker !== undefined && speaker?.id !== this.speaker.id;
    this.microphone = microphone;
    this.speaker = speaker;
    if (microphoneChanged) this.events.emit('selectedMicrophoneChanged');
    if (speakerChanged) this.events.emit('selectedSpeakerChanged');
  }

  private notFound(kind: 'microphone' | 'speaker', device: AudioDeviceInfo | undefined) {
    const name = device?.name || device?.id || 'the one given';
    return callingError({ code: 412, message: `No such ${kind}: ${name} is not attached to this device.` });
  }
}
