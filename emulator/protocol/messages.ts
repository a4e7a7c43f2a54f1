import type {
  CallDirection,
  CallState,
  CapabilityResolutionReason,
  ParticipantCapabilityName,
  ParticipantRole,
  RemoteParticipantState,
} from '@azure/communication-calling';
import type { CommunicationIdentifierKind, MicrosoftTeamsUserKind } from '@azure/communication-common';

/**
 * The wire between an emulator client (the drop-in SDK module in a console) and the world. JSON
 * only. Changes travel as small granular events (one participant's one property), because a
 * 350-person meeting's speaker storm must not resend whole rosters.
 *
 * Each console names its calls itself: `callId` is the id of that console's call (its leg), which
 * is the world's call id for a call it answered or started, and its own id for a meeting it joined
 * (every attendee's `TeamsCall` has its own id, as with ACS; `serverCallId` is the shared one).
 */
export interface EndReasonWire {
  readonly code: number;
  readonly subCode?: number;
}

export interface ErrorWire extends EndReasonWire {
  readonly message: string;
}

export interface PartyWire {
  readonly identifier: CommunicationIdentifierKind;
  readonly displayName?: string;
}

export interface ParticipantWire {
  readonly id: string;
  readonly identifier: CommunicationIdentifierKind;
  readonly displayName?: string;
  readonly state: RemoteParticipantState;
  readonly isMuted: boolean;
  readonly isSpeaking: boolean;
  /** Whether their camera is on (a `RemoteVideoStream` of type `Video` is available). */
  readonly videoOn: boolean;
  readonly role: ParticipantRole;
  readonly callEndReason?: EndReasonWire;
}

export interface IncomingCallWire {
  readonly id: string;
  readonly callerInfo: PartyWire;
  readonly transferorInfo?: PartyWire;
  readonly threadId?: string;
  /** What a transfer carried (`transfer(..., { customContext })`), unchanged. */
  readonly customContext?: CustomContextWire;
}

export interface HeaderWire {
  readonly key: string;
  readonly value: string;
}

/** The SDK's `CustomContext`: a UUI string and X-MS-Custom- headers, passed on as given. */
export interface CustomContextWire {
  readonly userToUser?: string;
  readonly xHeaders?: readonly HeaderWire[];
  readonly sipHeaders?: readonly HeaderWire[];
  readonly voipHeaders?: readonly HeaderWire[];
}

/**
 * Where a transfer sends the call: a participant (a Teams user, a phone number, or a call queue's
 * resource account, `microsoftTeamsApp`), another call of the same console (consult first), or a
 * Teams user's voicemail.
 */
export type TransferTargetWire =
  | { readonly kind: 'participant'; readonly participant: TargetWire }
  | { readonly kind: 'queue'; readonly teamsAppId: string }
  | { readonly kind: 'call'; readonly targetCallId: string }
  | { readonly kind: 'voicemail'; readonly microsoftTeamsUserId: string };

export type CallKindWire = 'oneToOne' | 'group' | 'meeting';

export type CapabilitiesWire = Readonly<
  Record<
    ParticipantCapabilityName,
    { readonly isPresent: boolean; readonly reason: CapabilityResolutionReason }
  >
>;

export interface CallWire {
  readonly id: string;
  readonly serverCallId: string;
  readonly kind: CallKindWire;
  readonly direction: CallDirection;
  readonly state: CallState;
  readonly isMuted: boolean;
  /** Who called, for a call this console answered; absent for calls it started or joined. */
  readonly callerInfo?: PartyWire;
  readonly transferorInfo?: PartyWire;
  readonly threadId?: string;
  readonly role: ParticipantRole;
  readonly capabilities: CapabilitiesWire;
  readonly remoteParticipants: readonly ParticipantWire[];
  /** The call's recording as this console sees it, when one is under way as it joins. */
  readonly recording?: RecordingWire;
}

/** A call's recording as one console sees it: its consent is its own to give. */
export interface RecordingWire {
  readonly isRecordingActive: boolean;
  readonly isTeamsConsentRequired: boolean;
}

/** One caption: a turn's words so far (`Partial`), or all of them (`Final`). */
export interface CaptionWire {
  readonly speaker: PartyWire;
  readonly spokenText: string;
  readonly spokenLanguage: string;
  readonly resultType: 'Partial' | 'Final';
  /** When the turn's first words were spoken (world clock, epoch ms). */
  readonly timestamp: number;
}

/** Whom a console calls or adds. */
export type TargetWire =
  | {
      readonly kind: 'microsoftTeamsUser';
      readonly microsoftTeamsUserId: string;
      /** The identifier's own `cloud`, when the caller gave one; otherwise the caller's. */
      readonly cloud?: 'public' | 'gcch' | 'dod';
    }
  | { readonly kind: 'phoneNumber'; readonly phoneNumber: string };

export type MeetingLocatorWire =
  | { readonly meetingLink: string }
  | {
      readonly threadId: string;
      readonly organizerId: string;
      readonly tenantId: string;
      readonly messageId: string;
    }
  | { readonly meetingId: string; readonly passcode: string };

// Distributive: one member of `Operation` per name, so `Extract<Operation, { op: 'mute' }>` finds it.
type OnCall<Op extends string> = Op extends string ? { readonly op: Op; readonly callId: string } : never;
type OnParticipant<Op extends string> = Op extends string
  ? { readonly op: Op; readonly callId: string; readonly participantId: string }
  : never;

/** Operations a client asks of the world; each is answered by one `result`. */
export type Operation =
  | { readonly op: 'hello'; readonly token: string }
  /**
   * Takes a lost connection's endpoint over on this one: the world replays every message numbered
   * after `lastSeq` (the last its client received), then answers as `hello` does.
   */
  | {
      readonly op: 'resumeEndpoint';
      readonly endpointId: string;
      readonly secret: string;
      readonly lastSeq: number;
    }
  | { readonly op: 'accept'; readonly incomingCallId: string; readonly video?: boolean }
  | { readonly op: 'reject'; readonly incomingCallId: string }
  | {
      readonly op: 'startCall';
      readonly callId: string;
      readonly targets: readonly TargetWire[];
      readonly threadId?: string;
      readonly video?: boolean;
      /** What the callees' incoming calls carry (`StartTeamsCallOptions.customContext`). */
      readonly customContext?: CustomContextWire;
    }
  | {
      readonly op: 'join';
      readonly callId: string;
      readonly locator: MeetingLocatorWire;
      readonly video?: boolean;
    }
  | OnCall<'mute' | 'unmute' | 'hold' | 'resume' | 'hangUp' | 'hangUpForEveryone'>
  | OnCall<'muteAllRemoteParticipants' | 'startVideo' | 'stopVideo' | 'admitAll'>
  | OnParticipant<'muteParticipant' | 'removeParticipant' | 'admit' | 'rejectFromLobby'>
  | (OnCall<'addParticipant'> & { readonly target: TargetWire; readonly threadId?: string })
  | (OnCall<'sendDtmf'> & { readonly tone: string })
  | OnCall<'grantTeamsConsent' | 'stopCaptions'>
  | (OnCall<'startCaptions'> & { readonly spokenLanguage?: string })
  | (OnCall<'setSpokenLanguage'> & { readonly language: string })
  /** Answered at once; the outcome comes later as `transferChanged` (or at once as an error). */
  | (OnCall<'transfer'> & {
      readonly transferId: string;
      readonly target: TransferTargetWire;
      readonly customContext?: CustomContextWire;
    });

export type OperationName = Operation['op'];

export type ClientMessage =
  | { readonly type: 'request'; readonly requestId: number; readonly operation: Operation }
  /** How many listeners this client holds on the objects it handed out (a leak check). */
  | { readonly type: 'listeners'; readonly count: number };

/** What `hello` and `resumeEndpoint` answer: the secret resumes the endpoint (never log it). */
export interface SignedInWire {
  readonly cloud: NonNullable<MicrosoftTeamsUserKind['cloud']>;
  readonly endpointId: string;
  readonly resumeSecret: string;
}

/**
 * The world's messages. Every one but `result` carries its endpoint's sequence number (`seq`, from
 * 1), so a client that resumes says what it received last and gets exactly the rest, in order.
 */
export type ServerMessage =
  | {
      readonly type: 'result';
      readonly requestId: number;
      readonly value?: unknown;
      readonly error?: ErrorWire;
    }
  | (WorldEvent & { readonly seq?: number });

type WorldEvent =
  | { readonly type: 'incomingCall'; readonly incomingCall: IncomingCallWire }
  | { readonly type: 'incomingCallEnded'; readonly id: string; readonly callEndReason: EndReasonWire }
  | { readonly type: 'callAdded'; readonly call: CallWire }
  | {
      readonly type: 'callChanged';
      readonly id: string;
      /** `Disconnected` (with its reason) ends the call: the client ends its participants first. */
      readonly state?: CallState;
      readonly isMuted?: boolean;
      /** Set with `isMuted: true` when another participant muted this console. */
      readonly mutedByOthers?: boolean;
      readonly callEndReason?: EndReasonWire;
      readonly kind?: CallKindWire;
      readonly threadId?: string;
      readonly role?: ParticipantRole;
      readonly capabilities?: CapabilitiesWire;
      /** Who transferred the call here, when a transfer into this call (consult first) completes. */
      readonly transferorInfo?: PartyWire;
    }
  | { readonly type: 'participantAdded'; readonly callId: string; readonly participant: ParticipantWire }
  | {
      readonly type: 'participantChanged';
      readonly callId: string;
      readonly participantId: string;
      readonly state?: RemoteParticipantState;
      readonly isMuted?: boolean;
      readonly isSpeaking?: boolean;
      readonly videoOn?: boolean;
      readonly role?: ParticipantRole;
      readonly callEndReason?: EndReasonWire;
    }
  | {
      readonly type: 'participantRemoved';
      readonly callId: string;
      readonly participantId: string;
      readonly callEndReason?: EndReasonWire;
    }
  /** A transfer this console started ended: sent before the call itself ends (`0/7015`). */
  | {
      readonly type: 'transferChanged';
      readonly callId: string;
      readonly transferId: string;
      readonly state: 'Transferred' | 'Failed';
      readonly error?: EndReasonWire;
    }
  /** The call's recording started or stopped, or this console gave its consent. */
  | ({ readonly type: 'recordingChanged'; readonly callId: string } & RecordingWire)
  /** This console's captions started or stopped, or the call's spoken language changed. */
  | {
      readonly type: 'captionsChanged';
      readonly callId: string;
      readonly active?: boolean;
      readonly spokenLanguage?: string;
    }
  /** A caption, to a console whose captions are on. */
  | { readonly type: 'captionReceived'; readonly callId: string; readonly caption: CaptionWire };
