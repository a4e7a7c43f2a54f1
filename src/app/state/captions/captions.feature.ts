import { createEntityAdapter, type EntityState } from '@ngrx/entity';
import { createFeature, createReducer, on } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import type { CaptionSnapshot, Party } from '../../model/snapshots';
import { ShellActions } from '../agent/shell.actions';
import { SoftphoneActions } from '../agent/softphone.actions';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { CaptionsApiActions, type CaptionsOperation } from './captions-api.actions';
import { LiveCaptionsPanelActions } from './live-captions-panel.actions';
import { RecordingApiActions } from './recording-api.actions';
import { RecordingNoticeActions } from './recording-notice.actions';

/** One line of the live transcript: a speaker's turn, in progress until its final result. */
export interface CaptionLine {
  readonly speaker: Party;
  readonly text: string;
  readonly final: boolean;
  readonly spokenAt: number;
}

/** A call's live captions, and the agent's requests about them and about being recorded. */
export interface CallCaptions {
  readonly callId: string;
  /** Captions are on (`CaptionsActiveChanged`). */
  readonly active: boolean;
  /** Oldest first; a speaker's partial result is replaced by their next result, finals stay. */
  readonly lines: readonly CaptionLine[];
  readonly captionsPending: CaptionsOperation | null;
  readonly captionsFailure: (Failure & { readonly operation: CaptionsOperation }) | null;
  readonly consentPending: boolean;
  readonly consentFailure: Failure | null;
}

export type CaptionsState = EntityState<CallCaptions>;

/**
 * The lines a call's live transcript keeps on screen. The whole transcript is not kept here: the
 * call's history entry takes its finals from the SDK's events as they come.
 */
export const CAPTION_LINES_KEPT = 500;

export const captionsAdapter = createEntityAdapter<CallCaptions>({ selectId: (c) => c.callId });
export const initialCaptionsState: CaptionsState = captionsAdapter.getInitialState();

const blank = (callId: string): CallCaptions => ({
  callId,
  active: false,
  lines: [],
  captionsPending: null,
  captionsFailure: null,
  consentPending: false,
  consentFailure: null,
});

/** Who said a line: their raw id, else the name the SDK gave. */
const speakerKey = (speaker: Party) => speaker.identity?.rawId ?? speaker.displayName ?? '';

/** The transcript with one more result: it replaces the speaker's line in progress, if any. */
export function withCaption(lines: readonly CaptionLine[], caption: CaptionSnapshot): readonly CaptionLine[] {
  const line: CaptionLine = {
    speaker: caption.speaker,
    text: caption.text,
    final: caption.resultType === 'Final',
    spokenAt: caption.spokenAt,
  };
  const key = speakerKey(caption.speaker);
  let open = lines.length - 1;
  while (open >= 0 && (lines[open].final || speakerKey(lines[open].speaker) !== key)) open--;
  const next = open < 0 ? [...lines, line] : lines.map((existing, i) => (i === open ? line : existing));
  return next.length > CAPTION_LINES_KEPT ? next.slice(-CAPTION_LINES_KEPT) : next;
}

/** Changes a call's captions, making its entry if the call has none yet. */
function change(
  state: CaptionsState,
  callId: string,
  changes: (captions: CallCaptions) => Partial<CallCaptions>,
): CaptionsState {
  const current = state.entities[callId] ?? blank(callId);
  return captionsAdapter.upsertOne({ ...current, ...changes(current) }, state);
}

/** Changes a call's captions only if it still has them: an answer for an ended call changes nothing. */
function settle(state: CaptionsState, callId: string, changes: Partial<CallCaptions>): CaptionsState {
  return captionsAdapter.updateOne({ id: callId, changes }, state);
}

export const captionsFeature = createFeature({
  name: 'captions',
  reducer: createReducer(
    initialCaptionsState,
    on(CallingSdkEvents.callCaptionsActiveChanged, (state, { id, active }) =>
      change(state, id, (captions) => ({
        active,
        // The SDK's word settles a start or stop still waiting for it.
        ...(captions.captionsPending === (active ? 'startCaptions' : 'stopCaptions') && {
          captionsPending: null,
        }),
      })),
    ),
    on(CallingSdkEvents.captionReceived, (state, { callId, caption }) =>
      change(state, callId, ({ lines }) => ({ lines: withCaption(lines, caption) })),
    ),
    on(LiveCaptionsPanelActions.startCaptionsClicked, (state, { callId }) =>
      change(state, callId, () => ({ captionsPending: 'startCaptions', captionsFailure: null })),
    ),
    on(LiveCaptionsPanelActions.stopCaptionsClicked, (state, { callId }) =>
      change(state, callId, () => ({ captionsPending: 'stopCaptions', captionsFailure: null })),
    ),
    on(CaptionsApiActions.captionsStarted, (state, { callId }) =>
      settle(state, callId, { active: true, captionsPending: null }),
    ),
    on(CaptionsApiActions.captionsStopped, (state, { callId }) =>
      settle(state, callId, { active: false, captionsPending: null }),
    ),
    on(CaptionsApiActions.captionsFailed, (state, { callId, operation, failure }) =>
      settle(state, callId, { captionsPending: null, captionsFailure: { ...failure, operation } }),
    ),
    on(RecordingNoticeActions.giveConsentClicked, (state, { callId }) =>
      change(state, callId, () => ({ consentPending: true, consentFailure: null })),
    ),
    on(RecordingApiActions.consentGiven, (state, { callId }) =>
      settle(state, callId, { consentPending: false }),
    ),
    on(RecordingApiActions.consentFailed, (state, { callId, failure }) =>
      settle(state, callId, { consentPending: false, consentFailure: failure }),
    ),
    on(CallingSdkEvents.callIdChanged, (state, { previousId, id }) =>
      captionsAdapter.updateOne({ id: previousId, changes: { callId: id } }, state),
    ),
    // What was said on a call stays on screen only while the call lasts.
    on(CallingSdkEvents.callEnded, (state, { id }) => captionsAdapter.removeOne(id, state)),
    on(ShellActions.signOutClicked, SoftphoneActions.released, () => initialCaptionsState),
  ),
});
