import type { CallDirection, CallState, RemoteParticipantState } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';

/**
 * The wire between an emulator client (the drop-in SDK module in a console) and the world. JSON
 * only. Changes travel as small granular events (one participant's one property), because a
 * 350-person meeting's speaker storm must not resend whole rosters.
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
  readonly callEndReason?: EndReasonWire;
}

export interface IncomingCallWire {
  readonly id: string;
  readonly callerInfo: PartyWire;
  readonly transferorInfo?: PartyWire;
}

export interface CallWire {
  readonly id: string;
  readonly direction: CallDirection;
  readonly state: CallState;
  readonly isMuted: boolean;
  readonly callerInfo: PartyWire;
  readonly transferorInfo?: PartyWire;
  readonly remoteParticipants: readonly ParticipantWire[];
  readonly threadId?: string;
}

/** Operations a client asks of the world; each is answered by one `result`. */
export type Operation =
  | { readonly op: 'hello'; readonly token: string }
  | { readonly op: 'accept' | 'reject'; readonly incomingCallId: string }
  | { readonly op: 'mute' | 'unmute' | 'hold' | 'resume' | 'hangUp'; readonly callId: string }
  | { readonly op: 'muteParticipant'; readonly callId: string; readonly participantId: string }
  | { readonly op: 'muteAllRemoteParticipants'; readonly callId: string };

export type OperationName = Operation['op'];

export type ClientMessage =
  | { readonly type: 'request'; readonly requestId: number; readonly operation: Operation }
  /** How many listeners this client holds on the objects it handed out (a leak check). */
  | { readonly type: 'listeners'; readonly count: number };

export type ServerMessage =
  | {
      readonly type: 'result';
      readonly requestId: number;
      readonly value?: unknown;
      readonly error?: ErrorWire;
    }
  | { readonly type: 'incomingCall'; readonly incomingCall: IncomingCallWire }
  | { readonly type: 'incomingCallEnded'; readonly id: string; readonly callEndReason: EndReasonWire }
  | { readonly type: 'callAdded'; readonly call: CallWire }
  | {
      readonly type: 'callChanged';
      readonly id: string;
      readonly state?: CallState;
      readonly isMuted?: boolean;
      readonly callEndReason?: EndReasonWire;
    }
  | { readonly type: 'participantAdded'; readonly callId: string; readonly participant: ParticipantWire }
  | {
      readonly type: 'participantChanged';
      readonly callId: string;
      readonly participantId: string;
      readonly state?: RemoteParticipantState;
      readonly isMuted?: boolean;
      readonly isSpeaking?: boolean;
      readonly callEndReason?: EndReasonWire;
    }
  | {
      readonly type: 'participantRemoved';
      readonly callId: string;
      readonly participantId: string;
      readonly callEndReason?: EndReasonWire;
    };
