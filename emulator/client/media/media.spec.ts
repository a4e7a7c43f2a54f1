import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VideoDeviceInfo, VideoEffectsFeature } from '@azure/communication-calling';
import { EmulatedDeviceManager } from '../device-manager';
import { listenerCount, ListenerTally } from '../emitter';
import { Features } from '../features';
import { LocalAudioStream, LocalVideoStream, VideoStreamRenderer, WbLocalVideoStream } from './index';
import { EmulatedRemoteVideoStream, initialsOf } from './remote-video-stream';

// In Node there are no media devices and no DOM: the media classes keep their shape and say so.
const camera: VideoDeviceInfo = { id: 'camera-1', name: 'Front camera', deviceType: 'UsbCamera' };
const otherCamera: VideoDeviceInfo = { id: 'camera-2', name: 'Back camera', deviceType: 'UsbCamera' };
const microphone = { id: 'mic-1', name: 'Headset', isSystemDefault: true, deviceType: 'Microphone' } as const;

const withCode =
  (code: number, subCode?: number, message?: RegExp) =>
  (error: Error & { code: number; subCode?: number }) => {
    assert.equal(error.name, 'CallingCommunicationError');
    assert.equal(error.code, code);
    assert.equal(error.subCode, subCode);
    if (message) assert.match(error.message, message);
    return true;
  };

describe('LocalVideoStream (in Node)', () => {
  it("is a camera's video stream; its media stream needs a camera this runtime does not have", async () => {
    const stream = new LocalVideoStream(camera);
    assert.equal(stream.source, camera);
    assert.equal(stream.mediaStreamType, 'Video');
    await assert.rejects(
      stream.getMediaStream(),
      withCode(412, 43013, /^No camera was found: this runtime has no media devices/),
    );
  });

  it('refuses to be made without a camera', () => {
    assert.throws(() => new LocalVideoStream(undefined as unknown as VideoDeviceInfo), withCode(400, 41025));
  });

  it('switches to another camera and says so once; the same camera again is no change', async () => {
    const stream = new LocalVideoStream(camera);
    const seen: string[] = [];
    const onChange = () => seen.push(stream.source.id);
    stream.on('videoSourceChanged', onChange);
    await stream.switchSource(otherCamera);
    await stream.switchSource(otherCamera);
    stream.off('videoSourceChanged', onChange);
    assert.deepEqual(seen, ['camera-2']);
  });

  it('has one VideoEffects feature, and its listeners count until removed', () => {
    const before = listenerCount();
    const stream = new LocalVideoStream(camera);
    const effects = stream.feature(Features.VideoEffects as never) as unknown as VideoEffectsFeature;
    assert.equal(stream.feature(Features.VideoEffects as never), effects);
    const listener = () => undefined;
    stream.on('videoSourceChanged', listener);
    effects.on('effectsStarted', listener);
    assert.equal(listenerCount(), before + 2);
    stream.off('videoSourceChanged', listener);
    effects.off('effectsStarted', listener);
    assert.equal(listenerCount(), before);
  });

  it('rejects getMediaStream once disposed', async () => {
    const stream = new LocalVideoStream(camera);
    stream.dispose();
    await assert.rejects(stream.getMediaStream(), withCode(400, undefined, /disposed/));
  });
});

describe('LocalAudioStream (in Node)', () => {
  it("is a microphone's audio, silent, whose media stream needs a microphone", async () => {
    const stream = new LocalAudioStream(microphone);
    assert.equal(stream.mediaStreamType, 'Audio');
    assert.equal((await stream.getVolume()).level, 0);
    await assert.rejects(stream.getMediaStream(), withCode(412, undefined, /^No microphone was found/));
    assert.ok(stream.feature(Features.AudioEffects as never));
  });
});

describe('WbLocalVideoStream (in Node)', () => {
  it('needs a camera for its track', async () => {
    await assert.rejects(new WbLocalVideoStream(camera).getVideoTrack(), withCode(412, 43013));
  });
});

describe('VideoStreamRenderer (in Node)', () => {
  it('renders only video streams', () => {
    assert.throws(
      () => new VideoStreamRenderer({} as never),
      withCode(400, undefined, /needs a LocalVideoStream or a RemoteVideoStream/),
    );
  });

  it('cannot make a view without a DOM, and says why', async () => {
    const renderer = new VideoStreamRenderer(new LocalVideoStream(camera) as never);
    await assert.rejects(
      renderer.createView(),
      withCode(501, undefined, /needs a browser: this runtime has no DOM/),
    );
    assert.deepEqual(renderer.size, { width: 0, height: 0 });
  });
});

describe("a remote participant's video stream", () => {
  it('turns available and unavailable as the world says, with one event each way', async () => {
    const tally = new ListenerTally();
    const stream = new EmulatedRemoteVideoStream(7, 'Video', 'Jordan Lee', tally);
    assert.equal(stream.id, 7);
    assert.equal(stream.isAvailable, false);
    await assert.rejects(
      stream.getMediaStream(),
      withCode(400, undefined, /^Jordan Lee's video is not available/),
    );
    const seen: string[] = [];
    const onAvailable = () => seen.push(`available ${stream.isAvailable}`);
    const onReceiving = () => seen.push(`receiving ${stream.isReceiving}`);
    stream.on('isAvailableChanged', onAvailable);
    stream.on('isReceivingChanged', onReceiving);
    assert.equal(tally.count, 2);
    stream.setAvailable(true);
    stream.setAvailable(true);
    stream.setAvailable(false);
    stream.off('isAvailableChanged', onAvailable);
    stream.off('isReceivingChanged', onReceiving);
    assert.equal(tally.count, 0);
    assert.deepEqual(seen, ['available true', 'receiving true', 'available false', 'receiving false']);
  });

  it('cannot draw its video without a browser', async () => {
    const stream = new EmulatedRemoteVideoStream(1, 'Video', 'Jordan Lee', new ListenerTally());
    stream.setAvailable(true);
    await assert.rejects(stream.getMediaStream(), withCode(501, undefined, /needs a browser/));
  });

  it("shows a person's initials, and a sign for a phone number", () => {
    assert.equal(initialsOf('Jordan Lee'), 'JL');
    assert.equal(initialsOf('ana maría lópez'), 'AL');
    assert.equal(initialsOf('Priya'), 'P');
    assert.equal(initialsOf('+1 425 555 0123'), '#');
    assert.equal(initialsOf('   '), '?');
  });
});

describe('the device manager (in Node)', () => {
  it('lists no cameras, microphones or speakers, selects none and grants nothing', async () => {
    const devices = new EmulatedDeviceManager(new ListenerTally());
    assert.deepEqual(await devices.getCameras(), []);
    assert.deepEqual(await devices.getMicrophones(), []);
    assert.deepEqual(await devices.getSpeakers(), []);
    assert.equal(devices.selectedMicrophone, undefined);
    assert.equal(devices.isSpeakerSelectionAvailable, false);
    assert.deepEqual(await devices.askDevicePermission({ audio: true, video: true }), {
      audio: false,
      video: false,
    });
    await assert.rejects(
      devices.selectMicrophone(microphone),
      withCode(412, undefined, /^No such microphone: Headset/),
    );
  });

  it('counts its listeners until each is removed with the same function', () => {
    const tally = new ListenerTally();
    const devices = new EmulatedDeviceManager(tally);
    const listener = () => undefined;
    devices.on('videoDevicesUpdated', listener);
    devices.on('selectedMicrophoneChanged', listener);
    devices.off('videoDevicesUpdated', () => undefined);
    assert.equal(tally.count, 2);
    devices.off('videoDevicesUpdated', listener);
    devices.off('selectedMicrophoneChanged', listener);
    assert.equal(tally.count, 0);
  });
});
