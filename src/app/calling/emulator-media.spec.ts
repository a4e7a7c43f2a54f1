import type {
  LocalVideoStream as SdkLocalVideoStream,
  RemoteVideoStream,
} from '@azure/communication-calling';
import { CallClient, LocalVideoStream, listenerCount, VideoStreamRenderer } from '../../../emulator/client';
import { ListenerTally } from '../../../emulator/client/emitter';
import { EmulatedRemoteVideoStream } from '../../../emulator/client/media';

/**
 * The emulator's media on a real browser: Chromium's fake camera and microphone (Karma launches it
 * with fake devices and a fake permission prompt that grants).
 */

/** Resolves once the video element has shown its next frame (the browser's callback, not a timer). */
function nextFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => video.requestVideoFrameCallback(() => resolve()));
}

/** The first frames of a stream can be blank while it starts: waits, frame by frame, for a drawn one. */
async function drawnFrame(video: HTMLVideoElement, frames = 10): Promise<void> {
  await nextFrame(video);
  for (let i = 1; i < frames && whitePixels(video) === 0; i++) await nextFrame(video);
}

/** How many pixels of the video's current frame are near white. */
function whitePixels(video: HTMLVideoElement): number {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(video, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4)
    if (data[i] > 200 && data[i + 1] > 200 && data[i + 2] > 200) count++;
  return count;
}

describe('Emulator media on Chromium', () => {
  it('lists the fake camera and microphone once permission is granted, and selects the microphone', async () => {
    const devices = await new CallClient().getDeviceManager();
    expect(await devices.askDevicePermission({ audio: true, video: true })).toEqual({
      audio: true,
      video: true,
    });
    const cameras = await devices.getCameras();
    const microphones = await devices.getMicrophones();
    expect(cameras.length).toBeGreaterThan(0);
    expect(cameras[0].name).not.toBe('');
    expect(cameras[0].deviceType).toBe('UsbCamera');
    expect(microphones.length).toBeGreaterThan(0);
    expect(microphones.every((m) => m.deviceType === 'Microphone')).toBeTrue();
    expect(microphones.map((m) => m.id)).toContain(devices.selectedMicrophone!.id);

    const changed = jasmine.createSpy('selectedMicrophoneChanged');
    devices.on('selectedMicrophoneChanged', changed);
    const other = microphones.find((m) => m.id !== devices.selectedMicrophone!.id);
    if (other) {
      await devices.selectMicrophone(other);
      expect(devices.selectedMicrophone!.id).toBe(other.id);
      expect(changed).toHaveBeenCalledTimes(1);
    }
    devices.off('selectedMicrophoneChanged', changed);
  });

  it("renders the camera's own video in a view, and releases the camera on dispose", async () => {
    const baseline = listenerCount();
    const devices = await new CallClient().getDeviceManager();
    await devices.askDevicePermission({ audio: false, video: true });
    const [camera] = await devices.getCameras();
    const stream = new LocalVideoStream(camera);
    const media = await stream.getMediaStream();
    const [track] = media.getVideoTracks();
    expect(track.readyState).toBe('live');
    expect(track.getSettings().deviceId).toBe(camera.id);

    const renderer = new VideoStreamRenderer(stream as unknown as SdkLocalVideoStream);
    const view = await renderer.createView({ scalingMode: 'Fit', isMirrored: true });
    document.body.appendChild(view.target);
    const video = view.target.querySelector('video')!;
    expect(video.srcObject).toBe(media);
    expect(video.style.objectFit).toBe('contain');
    expect(video.style.transform).toBe('scaleX(-1)');
    await nextFrame(video);
    expect(video.videoWidth).toBeGreaterThan(0);
    expect(renderer.size.width).toBe(video.videoWidth);
    await view.updateScalingMode('Crop');
    expect(video.style.objectFit).toBe('cover');

    renderer.dispose();
    expect(view.target.childElementCount).toBe(0);
    expect(track.readyState).toBe('live');
    stream.dispose();
    expect(track.readyState).toBe('ended');
    view.target.remove();
    expect(listenerCount()).toBe(baseline);
  });

  it("draws a remote participant's initials as their video while their camera is on", async () => {
    const remote = new EmulatedRemoteVideoStream(3, 'Video', 'Jordan Lee', new ListenerTally());
    const renderer = new VideoStreamRenderer(remote as unknown as RemoteVideoStream);
    await expectAsync(renderer.createView()).toBeRejectedWithError(/Jordan Lee's video is not available/);

    remote.setAvailable(true);
    const view = await renderer.createView();
    document.body.appendChild(view.target);
    const video = view.target.querySelector('video')!;
    await drawnFrame(video);
    expect([video.videoWidth, video.videoHeight]).toEqual([640, 360]);
    expect(renderer.size).toEqual({ width: 640, height: 360 });
    // White initials on a dark tile: some of the frame is white, most of it is not.
    const white = whitePixels(video);
    expect(white).toBeGreaterThan(100);
    expect(white).toBeLessThan((640 * 360) / 4);

    const [track] = (video.srcObject as MediaStream).getVideoTracks();
    remote.setAvailable(false);
    expect(track.readyState).toBe('ended');
    renderer.dispose();
    view.target.remove();
  });
});
