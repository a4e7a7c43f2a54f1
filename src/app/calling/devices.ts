import type { AudioDeviceInfo, DeviceManager, VideoDeviceInfo } from '@azure/communication-calling';
import type { CallRegistry } from './call-registry';
import { CallingFailure } from './calling-codes';

/** A device as the settings list it: the SDK's id, and a name a person can read. */
export interface DeviceChoice {
  readonly id: string;
  readonly name: string;
}

/** The machine's devices, as the SDK's `deviceManager` lists them, and which are in use. */
export interface DeviceLists {
  readonly microphones: readonly DeviceChoice[];
  readonly speakers: readonly DeviceChoice[];
  readonly cameras: readonly DeviceChoice[];
  readonly selectedMicrophoneId: string | null;
  readonly selectedSpeakerId: string | null;
  /** Browsers without `setSinkId` play through the system's speaker only. */
  readonly speakerSelection: boolean;
}

/** Browsers hide device names until the page may use the microphone: "Microphone 2" meanwhile. */
function choices(devices: readonly (AudioDeviceInfo | VideoDeviceInfo)[], kind: string): DeviceChoice[] {
  return devices.map((device, i) => ({ id: device.id, name: device.name || `${kind} ${i + 1}` }));
}

/**
 * The microphones, speakers and cameras, with names: asking for the microphone first is what
 * makes the browser tell them (the SDK's `askDevicePermission`). Refused, the lists still come,
 * unnamed.
 */
export async function listDevices(registry: CallRegistry): Promise<DeviceLists> {
  const devices = await registry.deviceManager();
  await devices.askDevicePermission({ audio: true, video: false });
  const [microphones, speakers, cameras] = await Promise.all([
    devices.getMicrophones(),
    devices.isSpeakerSelectionAvailable ? devices.getSpeakers() : Promise.resolve([]),
    devices.getCameras(),
  ]);
  return {
    microphones: choices(microphones, 'Microphone'),
    speakers: choices(speakers, 'Speaker'),
    cameras: choices(cameras, 'Camera'),
    selectedMicrophoneId: devices.selectedMicrophone?.id ?? null,
    selectedSpeakerId: devices.selectedSpeaker?.id ?? null,
    speakerSelection: devices.isSpeakerSelectionAvailable,
  };
}

async function find(
  devices: DeviceManager,
  kind: 'microphone' | 'speaker',
  id: string,
): Promise<AudioDeviceInfo> {
  const list = kind === 'microphone' ? await devices.getMicrophones() : await devices.getSpeakers();
  const found = list.find((device) => device.id === id);
  if (!found) throw new CallingFailure(`That ${kind} is no longer connected. Choose another.`);
  return found;
}

/** The SDK's refusal, said as the choice that failed, with its code. */
async function choosing(kind: 'microphone' | 'speaker', select: () => Promise<void>): Promise<void> {
  try {
    await select();
  } catch (error) {
    if (error instanceof CallingFailure) throw error;
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    throw new CallingFailure(
      `The ${kind} could not be chosen: ${typeof message === 'string' && message ? message : 'no reason given'}`,
      typeof code === 'number' ? code : undefined,
    );
  }
}

/** The microphone calls use from now on, the call under way included (the SDK switches it live). */
export async function selectMicrophone(registry: CallRegistry, id: string): Promise<void> {
  const devices = await registry.deviceManager();
  await choosing('microphone', async () => devices.selectMicrophone(await find(devices, 'microphone', id)));
}

/** The speaker calls play through from now on. */
export async function selectSpeaker(registry: CallRegistry, id: string): Promise<void> {
  const devices = await registry.deviceManager();
  if (!devices.isSpeakerSelectionAvailable)
    throw new CallingFailure('This browser plays calls through the system’s speaker only.');
  await choosing('speaker', async () => devices.selectSpeaker(await find(devices, 'speaker', id)));
}

/** The camera chosen in the settings while it is connected; else the first (the system's). */
export function chooseCamera(
  cameras: readonly VideoDeviceInfo[],
  cameraId: string | null,
): VideoDeviceInfo | undefined {
  return cameras.find((camera) => camera.id === cameraId) ?? cameras[0];
}
