import type {
  JoinCallOptions,
  LocalVideoStream,
  StartTeamsGroupCallOptions,
} from '@azure/communication-calling';
import { getIdentifierRawId } from '@azure/communication-common';
import { ERROR } from '../engine/codes';
import type { TeamsCloud } from '../engine/directory';
import { readMeetingLocator } from '../engine/meeting-locators';
import { targetIdentifier, threadIdProblem, toTarget } from '../engine/targets';
import type {
  CustomContextWire,
  MeetingLocatorWire,
  ParticipantWire,
  TargetWire,
} from '../protocol/messages';
import { callingError } from './connection';
import { readCustomContext } from './custom-context';
import { isCameraStream, noValidStream } from './local-video';

/**
 * What `startCall` and `join` are given, read and checked before any call exists: the SDK throws
 * synchronously for a malformed participant or locator, or a group call without its chat thread,
 * and no call starts.
 */
export interface OutgoingCall {
  readonly targets: readonly TargetWire[];
  /** The callees, as the new call's remote participants start (`Idle`). */
  readonly participants: readonly ParticipantWire[];
  readonly threadId?: string;
  readonly video?: LocalVideoStream;
  /** `StartTeamsCallOptions.customContext`: what the callee's incoming call carries. */
  readonly customContext?: CustomContextWire;
}

export function readStartCall(
  participants: unknown,
  options: StartTeamsGroupCallOptions | undefined,
  cloud: TeamsCloud,
): OutgoingCall {
  const list: unknown[] = Array.isArray(participants) ? participants : [participants];
  if (list.length === 0)
    throw callingError({ ...ERROR.invalidTarget, message: 'startCall needs at least one participant.' });
  const targets = list.map((identifier) => {
    const target = toTarget(identifier);
    if (target instanceof Error) throw target;
    return target;
  });
  const threadId = options?.threadId;
  if (targets.length > 1 && threadId === undefined)
    throw callingError({
      ...ERROR.groupCallNeedsThread,
      message: 'A group call needs its chat thread: startCall(participants, { threadId }).',
    });
  if (threadId !== undefined) {
    const problem = threadIdProblem(threadId);
    if (problem) throw problem;
  }
  const video = readVideo(options);
  const customContext = readCustomContext(
    (options as { customContext?: unknown } | undefined)?.customContext,
  );
  return {
    targets,
    participants: targets.map((target) => {
      const identifier = targetIdentifier(target, cloud);
      return {
        id: getIdentifierRawId(identifier),
        identifier,
        state: 'Idle',
        isMuted: false,
        isSpeaking: false,
        videoOn: false,
        role: 'Unknown',
      };
    }),
    ...(threadId !== undefined && { threadId }),
    ...(video && { video }),
    ...(customContext && { customContext }),
  };
}

export function readJoin(
  locator: unknown,
  options?: JoinCallOptions,
): { locator: MeetingLocatorWire; video?: LocalVideoStream } {
  const read = readMeetingLocator(locator);
  if (!read.ok) throw callingError({ ...ERROR.invalidMeetingLocator, message: read.problem });
  const video = readVideo(options);
  return { locator: locator as MeetingLocatorWire, ...(video && { video }) };
}

/** The camera to start with, if the options name one (41025 if what they name is not a camera stream). */
export function readVideo(options?: JoinCallOptions): LocalVideoStream | undefined {
  const streams = options?.videoOptions?.localVideoStreams;
  if (!streams || streams.length === 0) return undefined;
  if (!isCameraStream(streams[0])) throw noValidStream();
  return streams[0];
}

/** A new call's id, as the SDK makes one (a GUID). */
export function newCallId(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}
