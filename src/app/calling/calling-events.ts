import type { CallState, ConnectionState, RemoteParticipantState } from '@azure/communication-calling';
import type { CallSnapshot, EndReason, IncomingCallSnapshot, ParticipantSnapshot } from './snapshots';

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
  readonly isMuted?: boolean;
  readonly isSpeaking?: boolean;
  readonly displayName?: string | null;
}
