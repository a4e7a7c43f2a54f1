/**
 * The emulator's drop-in module for `@azure/communication-calling`: every value the SDK's package
 * exports at run time, over the emulator's world (index.spec.ts compares the two lists). Point the
 * package name here (a bundler alias or an import map), call `configure({ url })` if the emulator
 * is not at the default address, and SDK code runs unchanged. `configure` and `listenerCount` are
 * the emulator's own additions.
 */
export { CallClient, configure } from './call-client';
export type { EmulatorTransport } from './connection';
export { listenerCount } from './emitter';
export { Features, MediaFeatures } from './features';
export { LocalAudioStream, LocalVideoStream, VideoStreamRenderer, WbLocalVideoStream } from './media';
export {
  CallAgentKind,
  CallKind,
  CloudType,
  DataChannelSendBehavior,
  DataChannelState,
  DevicePermission,
  DevicePermissionAccess,
  DiagnosticQuality,
  disconnectCategoryMap,
  IncomingCallKind,
  LocalRecordingState,
  MediaClient,
  RecordingState,
  SessionState,
  TransmissionMode,
  WbVideoCodec,
  WbVideoContentHint,
} from './sdk-values';
