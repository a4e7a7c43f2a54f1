export { LocalAudioStream } from './local-audio-stream';
export { LocalVideoStream } from './local-video-stream';
export { EmulatedRemoteVideoStream, initialsOf } from './remote-video-stream';
export { VideoStreamRenderer } from './video-stream-renderer';
export { WbLocalVideoStream } from './wb-local-video-stream';
