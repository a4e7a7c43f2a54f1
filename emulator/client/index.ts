/**
 * The emulator's drop-in module for `@azure/communication-calling`: the same exported names, over
 * the emulator's world. Point the package name here (a bundler alias or an import map), call
 * `configure({ url })` if the emulator is not at the default address, and SDK code runs unchanged.
 */
export { CallClient, configure } from './call-client';
export type { EmulatorTransport } from './connection';
export { listenerCount } from './emitter';
export { Features, LocalAudioStream, LocalVideoStream, VideoStreamRenderer } from './features';
