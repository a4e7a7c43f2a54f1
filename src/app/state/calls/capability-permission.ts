import type { ParticipantCapabilityName } from '@azure/communication-calling';
import type { CallCapabilities, ConversationKind } from '../../model/snapshots';

/** Whether a control may be used, and if not, why, in words the agent can act on. */
export interface Permission {
  readonly allowed: boolean;
  /** Null when allowed. */
  readonly reason: string | null;
}

const ALLOWED: Permission = { allowed: true, reason: null };

const notAllowed = (reason: string): Permission => ({ allowed: false, reason });

/** What each capability lets the agent do, and the words for where ("from this meeting"). */
const ACTIONS: Partial<Record<ParticipantCapabilityName, { readonly verb: string; readonly where: string }>> =
  {
    muteOthers: { verb: 'mute other people', where: 'in' },
    removeParticipant: { verb: 'remove people', where: 'from' },
    turnVideoOn: { verb: 'turn your camera on', where: 'in' },
    unmuteMic: { verb: 'unmute your microphone', where: 'in' },
    addTeamsUser: { verb: 'add Teams users', where: 'to' },
    addPhoneNumber: { verb: 'add phone numbers', where: 'to' },
    addCommunicationUser: { verb: 'add people', where: 'to' },
    manageLobby: { verb: 'let people in from the lobby', where: 'in' },
    pstnDialOut: { verb: 'call phone numbers', where: 'from' },
    shareScreen: { verb: 'share your screen', where: 'in' },
    hangUpForEveryOne: { verb: 'end the call for everyone', where: 'in' },
    startLiveCallingCaptions: { verb: 'start live captions', where: 'in' },
    startLiveMeetingCaptions: { verb: 'start live captions', where: 'in' },
  };

const KIND_NAMES: Record<ConversationKind, { readonly a: string; readonly this: string }> = {
  oneToOne: { a: 'A one-to-one call', this: 'this call' },
  group: { a: 'A group call', this: 'this group call' },
  meeting: { a: 'A Teams meeting', this: 'this meeting' },
};

/**
 * What the call's capabilities (`Features.Capabilities`) say about one thing the agent may do.
 * A capability the SDK has not reported (or a backend without the feature) is allowed: the SDK's
 * answer then says what the call allows.
 */
export function permissionFor(
  capabilities: CallCapabilities | null,
  name: ParticipantCapabilityName,
  kind: ConversationKind,
): Permission {
  const capability = capabilities?.[name];
  if (!capability || capability.isPresent) return ALLOWED;
  const { verb, where } = ACTIONS[name] ?? { verb: 'do this', where: 'in' };
  const call = KIND_NAMES[kind];
  switch (capability.reason) {
    case 'RoleRestricted':
      return notAllowed(
        kind === 'meeting'
          ? `Only the organizer and presenters can ${verb} ${where} this meeting.`
          : `Your role does not let you ${verb} ${where} ${call.this}.`,
      );
    case 'CapabilityNotApplicableForTheCallType':
      return notAllowed(`${call.a} does not let you ${verb}.`);
    case 'MeetingRestricted':
      return notAllowed(`The meeting's options do not let you ${verb}.`);
    case 'UserPolicyRestricted':
    case 'IpModeUserPolicyRestricted':
      return notAllowed(`Your Teams policy does not let you ${verb}.`);
    case 'TeamsPremiumLicenseRestricted':
      return notAllowed(`You need a Teams Premium license to ${verb}.`);
    case 'ClientRestricted':
      return notAllowed(`This console may not ${verb} ${where} ${call.this}.`);
    case 'FeatureNotSupported':
      return notAllowed(`The calling service does not let you ${verb} here.`);
    case 'NotInitialized':
      return notAllowed(`Still checking whether you can ${verb}.`);
    case 'ExplicitConsentRequired':
      return notAllowed(`You must agree to be recorded and transcribed before you can ${verb}.`);
    default:
      return notAllowed(`You cannot ${verb} ${where} ${call.this}.`);
  }
}

/**
 * Whether the agent can add someone: a Teams user or a phone number will do. When neither is
 * allowed, the reason speaks of adding people (the Teams user's reason, said of people).
 */
export function addPeoplePermission(
  capabilities: CallCapabilities | null,
  kind: ConversationKind,
): Permission {
  const teamsUser = permissionFor(capabilities, 'addTeamsUser', kind);
  if (teamsUser.allowed) return teamsUser;
  if (permissionFor(capabilities, 'addPhoneNumber', kind).allowed) return ALLOWED;
  return permissionFor({ addCommunicationUser: capabilities?.addTeamsUser }, 'addCommunicationUser', kind);
}
