import type * as Sdk from '@azure/communication-calling';
import { notModelled } from './connection';

/**
 * The plain values `@azure/communication-calling` exports at run time: its enums (with the same
 * values, and the reverse mapping TypeScript gives numeric enums), `disconnectCategoryMap`, and
 * the media-only `MediaClient`. Enums the typings declare are typed as the SDK's, so the emulator's
 * objects can use them where the SDK's types want its enum; the compiler checks their keys and
 * values, and the export test checks every one against the SDK's bundle.
 */

type StringEnum<E> = { readonly [K in keyof E]: `${E[K] & string}` };
type NumericEnum<E> = { readonly [K in keyof E]: E[K] };

function stringEnum<E>(values: StringEnum<E>): E {
  return Object.freeze({ ...values }) as E;
}

function numericEnum<E>(values: NumericEnum<E>): E {
  const entries = Object.entries(values as Record<string, number>);
  return Object.freeze(
    Object.fromEntries([...entries.map(([key, value]) => [String(value), key]), ...entries]),
  ) as E;
}

export const CallAgentKind = stringEnum<typeof Sdk.CallAgentKind>({
  CallAgent: 'CallAgent',
  TeamsCallAgent: 'TeamsCallAgent',
});

export const CallKind = stringEnum<typeof Sdk.CallKind>({ Call: 'Call', TeamsCall: 'TeamsCall' });

export const IncomingCallKind = stringEnum<typeof Sdk.IncomingCallKind>({
  IncomingCall: 'IncomingCall',
  TeamsIncomingCall: 'TeamsIncomingCall',
});

export const DevicePermissionAccess = stringEnum<typeof Sdk.DevicePermissionAccess>({
  Granted: 'granted',
  Denied: 'denied',
  Prompt: 'prompt',
});

export const DiagnosticQuality = numericEnum<typeof Sdk.DiagnosticQuality>({ Good: 1, Poor: 2, Bad: 3 });

export const disconnectCategoryMap: Record<Sdk.DisconnectReason, Sdk.DisconnectCategory> = Object.freeze({
  client: 'Expected',
  unload: 'Expected',
  dispose: 'Expected',
  userInitiated: 'Expected',
  sydneyInitiated: 'Expected',
  userNavigatedAway: 'Expected',
  preheatDisposed: 'Expected',
  userDidNotJoinPreheatedSession: 'Expected',
  devicePermissions: 'Expected',
  fatalError: 'Unexpected',
  configureFailure: 'Unexpected',
  mediaSessionDisconnected: 'Unexpected',
  sessionDisconnected: 'Unexpected',
  preheatFailed: 'Unexpected',
  timeout: 'Unexpected',
  botLeft: 'Unexpected',
});

// Enums the bundle exports that the typings do not declare: the same values, typed as written.

export const CloudType = Object.freeze({
  Public: 'Public',
  GccHigh: 'GCCHigh',
  GccModerate: 'GCCModerate',
  Dod: 'DoD',
} as const);

export const DevicePermission = Object.freeze({ Audio: 'microphone', Video: 'camera' } as const);

export const RecordingState = numericEnum({ None: 0, Started: 1, Paused: 2, Ended: 3 } as const);

export const LocalRecordingState = numericEnum({ None: 0, Started: 1, Ended: 2 } as const);

export const DataChannelSendBehavior = numericEnum({ None: 0, EnsureDelivery: 1 } as const);

export const DataChannelState = numericEnum({
  Initializing: 0,
  Initialized: 1,
  Started: 2,
  Stopped: 3,
  Destroyed: 4,
} as const);

export const TransmissionMode = numericEnum({ Realtime: 0, PartiallyReliable: 1 } as const);

export const SessionState = Object.freeze({
  Connecting: 'Connecting',
  Connected: 'Connected',
  Disconnected: 'Disconnected',
  Preheated: 'Preheated',
} as const);

export const WbVideoCodec = Object.freeze({
  Auto: 'auto',
  Vp8: 'vp8',
  Vp9: 'vp9',
  H264: 'h264',
  Av1: 'av1',
} as const);

export const WbVideoContentHint = Object.freeze({
  Inherit: 'inherit',
  Auto: '',
  Motion: 'motion',
  Detail: 'detail',
  Text: 'text',
} as const);

/**
 * The SDK's media-only client (media sessions without calling), which its typings do not declare:
 * the emulator has no media sessions, so constructing one says so.
 */
export class MediaClient {
  constructor() {
    throw notModelled('MediaClient (media sessions without a call)');
  }
}
