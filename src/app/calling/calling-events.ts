import type {
  CallState,
  ConnectionState,
  ParticipantRole,
  RemoteParticipantState,
} from '@azure/communication-calling';
import type {
  CallCapabilities,
  CallSnapshot,
  ConversationKind,
  EndReason,
  IncomingCallSnapshot,
  ParticipantSnapshot,
  VideoStreamSnapshot,
} from '../model/snapshots';

/** What the bridges report, as plain data. Effects in `state/` turn each into a "Calling SDK" action. */
export type CallingEvent =
  | { readonly type: 'agentReady'; readonly connectionState: ConnectionState }
  | { readonly type: 'agentConnectionStateChanged'; readonly connectionState: ConnectionState }
  | { readonly type: 'incomingCallReceived'; readonly incomingCall: IncomingCallSnapshot }
  | { readonly type: 'incomingCallEnded'; readonly id: string; readonly callEndReason: EndReason | null }
  | { readonly type: 'callAdded'; readonly call: CallSnapshot }
  | { readonly type: 'callStateChanged'; readonly id: string; readonly state: CallState; readonly at: number }
  | { readonly type: 'callIdChanged'; readonly previousId: string; readonly id: string }
  | { readonly type: 'callMutedChanged'; readonly id: string; readonly isMuted: boolean }
  /** Another participant muted this leg (its `isMuted` has already turned true). */
  | { readonly type: 'callMutedByOthers'; readonly id: string; readonly at: number }
  | {
      readonly type: 'callConversationChanged';
      readonly id: string;
      readonly kind: ConversationKind;
      readonly threadId: string | null;
    }
  | { readonly type: 'callRoleChanged'; readonly id: string; readonly role: ParticipantRole }
  | { readonly type: 'callLocalVideoChanged'; readonly id: string; readonly isLocalVideoStarted: boolean }
  /** The capabilities that changed (the others stay as they were). */
  | {
      readonly type: 'callCapabilitiesChanged';
      readonly id: string;
      readonly capabilities: CallCapabilities;
    }
  | {
      readonly type: 'callDominantSpeakersChanged';
      readonly id: string;
      readonly dominantSpeakers: readonly string[];
    }
  | {
      readonly type: 'callEnded';
      readonly id: string;
      readonly callEndReason: EndReason | null;
      readonly at: number;
    }
  | {
      readonly type: 'participantsAdded';
      readonly callId: string;
      readonly participants: ParticipantSnapshot[];
    }
  | {
      readonly type: 'participantChanged';
      readonly callId: string;
      readonly participantId: string;
      readonly changes: ParticipantChanges;
    }
  | {
      readonly type: 'participantRemoved';
      readonly callId: string;
      readonly participantId: string;
      readonly callEndReason: EndReason | null;
    };

export interface ParticipantChanges {
  readonly state?: RemoteParticipantState;
  readonly role?: ParticipantRole;
  readonly isMuted?: boolean;
  readonly isSpeaking?: boolean;
  readonly displayName?: string | null;
  /** Every video stream of the participant, as it is now. */
  readonly videoStreams?: readonly VideoStreamSnapshot[];
}
