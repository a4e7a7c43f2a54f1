import { getIdentifierRawId } from '@azure/communication-common/identifiers';
import { createSelector } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { Party } from '../../model/snapshots';
import { agentFeature } from '../agent/agent.feature';
import { callsFeature } from '../calls/calls.feature';
import { permissionFor } from '../calls/capability-permission';
import { selectActiveCallParticipants } from '../participants/participants.feature';
import { captionsFeature } from './captions.feature';

/** A line of the live transcript as shown: who said it (named as the roster names them), and what. */
export interface CaptionLineView {
  /** Stable while a line is in progress, so a replaced partial updates in place. */
  readonly key: string;
  readonly speaker: Party;
  readonly text: string;
  readonly inProgress: boolean;
}

/** The active call's captions: the Start or Stop button, its failure, and the transcript so far. */
export interface LiveCaptionsViewModel {
  readonly callId: string;
  readonly active: boolean;
  readonly action: 'start' | 'stop';
  readonly enabled: boolean;
  /** Focusable while disabled because the call does not allow captions: `reason` says why. */
  readonly interactive: boolean;
  readonly reason: string | null;
  readonly pending: boolean;
  readonly failure: Failure | null;
  readonly lines: readonly CaptionLineView[];
}

/** The agent themselves, when their own words are captioned. */
const YOU: Party = { identity: null, displayName: 'You' };

const selectOwnRawId = createSelector(agentFeature.selectUser, (user) =>
  user ? getIdentifierRawId({ microsoftTeamsUserId: user.microsoftTeamsUserId, cloud: user.cloud }) : null,
);

export const selectActiveCallCaptionsViewModel = createSelector(
  callsFeature.selectActiveCall,
  captionsFeature.selectEntities,
  selectActiveCallParticipants,
  selectOwnRawId,
  (call, captionsByCall, participants, ownRawId): LiveCaptionsViewModel | null => {
    if (!call) return null;
    const captions = captionsByCall[call.id];
    const active = captions?.active ?? false;
    // Teams asks for the calling capability in calls, the meeting one in meetings.
    const permission = permissionFor(
      call.capabilities,
      call.kind === 'meeting' ? 'startLiveMeetingCaptions' : 'startLiveCallingCaptions',
      call.kind,
    );
    const names = new Map(participants.map((p) => [p.identity.rawId, p.displayName]));
    const named = (speaker: Party): Party => {
      const rawId = speaker.identity?.rawId;
      if (rawId && rawId === ownRawId) return YOU;
      return speaker.displayName || !rawId ? speaker : { ...speaker, displayName: names.get(rawId) ?? null };
    };
    // Captions start on a connected call (the service refuses them before); they stop any time.
    const canAct = active
      ? call.state !== 'Disconnecting' && call.state !== 'Disconnected'
      : call.state === 'Connected';
    const pending = captions?.captionsPending != null;
    return {
      callId: call.id,
      active,
      action: active ? 'stop' : 'start',
      enabled: canAct && !pending && (active || permission.allowed),
      interactive: !active && !permission.allowed,
      reason: active ? null : permission.reason,
      pending,
      failure: captions?.captionsFailure ?? null,
      lines: (captions?.lines ?? []).map((line, i) => ({
        key: `${i}`,
        speaker: named(line.speaker),
        text: line.text,
        inProgress: !line.final,
      })),
    };
  },
);

/** The active call's request for consent to being recorded: in progress, or failed. */
export const selectActiveCallConsent = createSelector(
  callsFeature.selectActiveCall,
  captionsFeature.selectEntities,
  (call, captionsByCall) => {
    const captions = call ? captionsByCall[call.id] : undefined;
    return { pending: captions?.consentPending ?? false, failure: captions?.consentFailure ?? null };
  },
);
