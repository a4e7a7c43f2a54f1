import type { CapabilityResolutionReason, ParticipantCapabilityName } from '@azure/communication-calling';
import type { CapabilitiesWire } from '../protocol/messages';
import type { CallKind, Party } from './call-model';

/**
 * What a console may do in a call (`Features.Capabilities`), by the call's kind and its role.
 * Meetings: the organizer and presenters manage the lobby, mute and remove others, end the meeting
 * for everyone, and add people; attendees do none of that. Group calls: every member may. 1:1
 * calls: muting or removing the one other party does not apply (the SDK's `mute()` says "Not
 * supported in 1-to-1 calls"). What the emulator does not model (screen sharing, captions,
 * reactions, ...) is absent with `FeatureNotSupported`. Captions are modelled: calling captions in
 * 1:1 and group calls, meeting captions in meetings.
 */

// A record, so the compiler flags a capability name the SDK adds and this file lacks.
const NAMES: Record<ParticipantCapabilityName, true> = {
  turnVideoOn: true,
  unmuteMic: true,
  shareScreen: true,
  removeParticipant: true,
  hangUpForEveryOne: true,
  addCommunicationUser: true,
  addTeamsUser: true,
  addPhoneNumber: true,
  manageLobby: true,
  spotlightParticipant: true,
  removeParticipantsSpotlight: true,
  blurBackground: true,
  startLiveMeetingCaptions: true,
  startLiveCallingCaptions: true,
  setCaptionLanguage: true,
  raiseHand: true,
  pstnDialOut: true,
  muteOthers: true,
  useReactions: true,
  viewAttendeeNames: true,
  startTogetherMode: true,
  joinBreakoutRooms: true,
  forbidOthersAudio: true,
  forbidOthersVideo: true,
  realTimeText: true,
};

export const CAPABILITY_NAMES = Object.keys(NAMES) as ParticipantCapabilityName[];

/** The capabilities the emulator models; every other one is `FeatureNotSupported`. */
type Modelled =
  | 'turnVideoOn'
  | 'unmuteMic'
  | 'removeParticipant'
  | 'hangUpForEveryOne'
  | 'addTeamsUser'
  | 'addPhoneNumber'
  | 'pstnDialOut'
  | 'manageLobby'
  | 'muteOthers'
  | 'viewAttendeeNames'
  | 'startLiveCallingCaptions'
  | 'startLiveMeetingCaptions';

const CAPABLE = { isPresent: true, reason: 'Capable' } as const;
const absent = (reason: CapabilityResolutionReason) => ({ isPresent: false, reason });

/** Whether one party may manage others in a call of this kind (the core of the table above). */
function manages(kind: CallKind, party: Pick<Party, 'role'>): CapabilityResolutionReason {
  if (kind === 'oneToOne') return 'CapabilityNotApplicableForTheCallType';
  if (kind === 'group') return 'Capable';
  return party.role === 'Organizer' || party.role === 'Co-organizer' || party.role === 'Presenter'
    ? 'Capable'
    : 'RoleRestricted';
}

export function capabilitiesFor(kind: CallKind, party: Pick<Party, 'role'>): CapabilitiesWire {
  const manage = manages(kind, party);
  const managing = manage === 'Capable' ? CAPABLE : absent(manage);
  // Adding people to a 1:1 call makes it a group call: that is allowed (with a thread).
  const adding = kind === 'oneToOne' ? CAPABLE : managing;
  const modelled: Record<Modelled, CapabilitiesWire[ParticipantCapabilityName]> = {
    turnVideoOn: CAPABLE,
    unmuteMic: CAPABLE,
    viewAttendeeNames: CAPABLE,
    removeParticipant: managing,
    muteOthers: managing,
    hangUpForEveryOne: managing,
    manageLobby: kind === 'meeting' ? managing : absent('CapabilityNotApplicableForTheCallType'),
    addTeamsUser: adding,
    addPhoneNumber: adding,
    pstnDialOut: adding,
    // Teams captions (engine/captions.ts): calling captions in 1:1 and group calls, meeting
    // captions in meetings, for every participant.
    startLiveCallingCaptions: kind === 'meeting' ? absent('CapabilityNotApplicableForTheCallType') : CAPABLE,
    startLiveMeetingCaptions: kind === 'meeting' ? CAPABLE : absent('CapabilityNotApplicableForTheCallType'),
  };
  const all = {} as Record<ParticipantCapabilityName, CapabilitiesWire[ParticipantCapabilityName]>;
  for (const name of CAPABILITY_NAMES)
    all[name] = (modelled as Partial<typeof all>)[name] ?? absent('FeatureNotSupported');
  return all;
}

/** Before the world has said: every capability absent, `NotInitialized`. */
export function notInitializedCapabilities(): CapabilitiesWire {
  return Object.fromEntries(
    CAPABILITY_NAMES.map((name) => [name, absent('NotInitialized')]),
  ) as unknown as CapabilitiesWire;
}

/** Whether two capability sets say the same. */
export function sameCapabilities(a: CapabilitiesWire | undefined, b: CapabilitiesWire): boolean {
  return (
    !!a &&
    CAPABILITY_NAMES.every(
      (name) => a[name].isPresent === b[name].isPresent && a[name].reason === b[name].reason,
    )
  );
}
