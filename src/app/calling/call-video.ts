import type { LocalVideoStream } from '@azure/communication-calling';
import type { CallRegistry } from './call-registry';
import { CallingFailure } from './calling-codes';
import { chooseCamera } from './devices';

/**
 * Turns the agent's camera on in a call: asks the browser for the camera, takes the one chosen in
 * the settings (`cameraId`, while connected; else the first the device manager lists), and starts
 * sending it (`startVideo` with a `LocalVideoStream`). A stream
 * the call refused is disposed, so the camera is not left open.
 */
export async function startVideo(
  registry: CallRegistry,
  callId: string,
  cameraId: string | null = null,
): Promise<void> {
  const call = registry.call(callId);
  if (call.isLocalVideoStarted) return;
  const devices = await registry.deviceManager();
  const access = await devices.askDevicePermission({ audio: false, video: true });
  if (!access.video) throw new CallingFailure('The browser has not been allowed to use the camera.');
  const camera = chooseCamera(await devices.getCameras(), cameraId);
  if (!camera) throw new CallingFailure('No camera was found. Connect one and try again.');
  // The SDK lets go of the camera when the call ends (its default, said here to make it plain).
  const stream = new registry.values.LocalVideoStream(camera, { autoDisposeOnCallEnd: true });
  try {
    await call.startVideo(stream);
  } catch (error) {
    stream.dispose();
    throw error;
  }
}

/** Turns the agent's camera off in a call, and lets go of it. */
export async function stopVideo(registry: CallRegistry, callId: string): Promise<void> {
  const call = registry.call(callId);
  const stream = cameraStream(call.localVideoStreams);
  if (!stream) return;
  await call.stopVideo(stream);
  stream.dispose();
}

/** The camera among a call's local streams (screen sharing is another). */
export function cameraStream(streams: readonly LocalVideoStream[]): LocalVideoStream | undefined {
  return streams.find((stream) => stream.mediaStreamType === 'Video');
}
