import type { CallDirection, CallState, ParticipantRole } from '@azure/communication-calling';
import { createSelector } from '@ngrx/store';
import type { CallOperation } from '../../calling/calling-codes';
import type { Failure } from '../../model/failure';
import type { ConversationKind, Party } from '../../model/snapshots';
import { selectActiveCallSummary, type CallSummary } from '../participants/call-summaries';
import { permissionFor } from './capability-permission';

/** Failures shown elsewhere, where the agent acted: the roster's and the keypad's. */
const SHOWN_ELSEWHERE: ReadonlySet<CallOperation> = new Set(['muteAllRemoteParticipants', 'sendDtmf']);

/** States in which the call is going or gone: nothing but its end applies. */
const ENDING: ReadonlySet<CallState> = new Set(['Disconnecting', 'Disconnected']);

/**
 * One of the agent's own controls on the card. `enabled`: it can be clicked now; `interactive`: it
 * stays focusable while disabled because the call does not allow it; `reason`: why not, in words.
 */
export interface CardControl {
  readonly enabled: boolean;
  readonly interactive: boolean;
  readonly reason: string | null;
}

/** The call the agent is on, as its card shows it. */
export interface ActiveCallCardViewModel {
  readonly callId: string;
  /** What names the call: its kind, direction, who a 1:1 is with, the queue, the agent's role. */
  readonly call: {
    readonly kind: ConversationKind;
    readonly direction: CallDirection;
    readonly counterpart: Party | null;
    readonly queue: string | null;
    readonly role: ParticipantRole;
  };
  /** Everyone still in the call, the agent included, and the first few others, for naming it. */
  readonly peopleCount: number;
  readonly others: readonly Party[];
  /** The main speaker of a group call or meeting; never shown for a 1:1. */
  readonly mainSpeaker: Party | null;
  /** The colleague who transferred the call here (cold), and the queue it first came through. */
  readonly transferredBy: string | null;
  readonly state: CallState;
  readonly isMuted: boolean;
  readonly cameraOn: boolean;
  /** When the duration shown starts; null until the call connects. */
  readonly connectedAt: number | null;
  /** "You were muted by another participant.", until the agent unmutes or dismisses it. */
  readonly mutedByOthers: boolean;
  /** A failure of the agent's own controls (the roster's and the keypad's show where they are). */
  readonly failure: Failure | null;
  /** Mute while unmuted, Unmute while muted. */
  readonly microphone: CardControl & { readonly action: 'mute' | 'unmute' };
  /** Start video while the camera is off, Stop video while it is on. */
  readonly camera: CardControl & { readonly action: 'start' | 'stop' };
  readonly hold: CardControl;
  readonly hangUp: CardControl;
  /** The call is recorded; `consentRequired`: the agent stays muted until they consent (`CONSENT_REASON`). */
  readonly recording: { readonly active: boolean; readonly consentRequired: boolean };
}

const plain = (enabled: boolean): CardControl => ({ enabled, interactive: false, reason: null });

/** Why the agent cannot unmute while Teams waits for their consent to the recording. */
export const CONSENT_REASON =
  'This call is being recorded. Your microphone stays muted until you consent to being recorded.';

export function activeCallCardViewModel(summary: CallSummary): ActiveCallCardViewModel {
  const { call } = summary;
  const live = !ENDING.has(call.state);
  const canControl = live && call.pending === null;
  const consentRequired = call.recording.isRecordingActive && call.recording.isTeamsConsentRequired;
  // Teams mutes a leg that must consent to the recording, and refuses its unmute until it does.
  const unmute = consentRequired
    ? { allowed: false, reason: CONSENT_REASON }
    : permissionFor(call.capabilities, 'unmuteMic', call.kind);
  const video = permissionFor(call.capabilities, 'turnVideoOn', call.kind);
  const failure = call.failure && !SHOWN_ELSEWHERE.has(call.failure.operation) ? call.failure : null;
  return {
    callId: call.id,
    call: {
      kind: call.kind,
      direction: call.direction,
      counterpart: call.counterpart,
      queue: call.queue,
      role: call.role,
    },
    peopleCount: summary.peopleCount,
    others: summary.others,
    mainSpeaker: call.kind === 'oneToOne' ? null : summary.dominantSpeaker,
    transferredBy: call.transferredBy
      ? `Transferred by ${call.transferredBy}${call.queue ? ` from ${call.queue}` : ''}`
      : null,
    state: call.state,
    isMuted: call.isMuted,
    cameraOn: call.isLocalVideoStarted,
    connectedAt: call.connectedAt,
    mutedByOthers: call.mutedByOthersAt !== null,
    failure,
    microphone: call.isMuted
      ? {
          action: 'unmute',
          enabled: canControl && unmute.allowed,
          interactive: !unmute.allowed,
          reason: unmute.reason,
        }
      : { action: 'mute', ...plain(canControl) },
    camera: call.isLocalVideoStarted
      ? { action: 'stop', ...plain(canControl) }
      : {
          action: 'start',
          enabled: canControl && video.allowed,
          interactive: !video.allowed,
          reason: video.reason,
        },
    // A call the other side holds can be held here too: it then stays held when they resume.
    hold: plain(canControl && (call.state === 'Connected' || call.state === 'RemoteHold')),
    hangUp: plain(live && call.pending !== 'hangUp'),
    recording: { active: call.recording.isRecordingActive, consentRequired },
  };
}

/** The card of the call the agent is on; null without one. */
export const selectActiveCallCardViewModel = createSelector(selectActiveCallSummary, (summary) =>
  summary ? activeCallCardViewModel(summary) : null,
);
