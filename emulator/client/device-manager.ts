import type {
  AudioDeviceInfo,
  DeviceAccess,
  DeviceManager,
  PermissionConstraints,
  VideoDeviceInfo,
} from '@azure/communication-calling';
import { Emitter, type Listener, type ListenerTally } from './emitter';

/** Devices are not modelled yet: no cameras, microphones or speakers, and nothing granted. */
export class EmulatedDeviceManager implements DeviceManager {
  readonly isSpeakerSelectionAvailable = false;
  readonly selectedMicrophone: AudioDeviceInfo | undefined = undefined;
  readonly selectedSpeaker: AudioDeviceInfo | undefined = undefined;
  private readonly events: Emitter;

  constructor(tally: ListenerTally) {
    this.events = new Emitter(tally);
  }

  async getCameras(): Promise<VideoDeviceInfo[]> {
    return [];
  }

  async getMicrophones(): Promise<AudioDeviceInfo[]> {
    return [];
  }

  async getSpeakers(): Promise<AudioDeviceInfo[]> {
    return [];
  }

  async selectMicrophone(): Promise<void> {
    throw Object.assign(new Error('No microphone is modelled by the emulator.'), { code: 412 });
  }

  async selectSpeaker(): Promise<void> {
    throw Object.assign(new Error('No speaker is modelled by the emulator.'), { code: 412 });
  }

  async startPreheatDevices(): Promise<void> {
    // No devices to warm up.
  }

  stopPreheatDevices(): void {
    // No devices to warm up.
  }

  async askDevicePermission(_constraints: PermissionConstraints): Promise<DeviceAccess> {
    return { audio: false, video: false };
  }

  on(event: string, listener: Listener): void {
    this.events.on(event, listener);
  }

  off(event: string, listener: Listener): void {
    this.events.off(event, listener);
  }
}
