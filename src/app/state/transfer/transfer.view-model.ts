import { createSelector } from '@ngrx/store';
import type { Failure } from '../../model/failure';
import { callsFeature } from '../calls/calls.feature';
import { transferFeature, transferTargetName, type CallTransfer } from './transfer.feature';

/** A transfer's line in the active call panel (role=status), its code beside it. */
export interface TransferLineViewModel {
  readonly text: string;
  readonly tone: 'progress' | 'failed';
  /** The code of what failed ("603/0"), for support; null while under way. */
  readonly code: string | null;
  readonly dismissable: boolean;
}

export interface TransferPanelViewModel {
  /** The caller's call: what the controls act on. */
  readonly callId: string;
  readonly line: TransferLineViewModel | null;
  /** The caller on hold and the agent on the consult call: Complete transfer, Conference, Cancel transfer. */
  readonly consulting: boolean;
  /** The consult call has connected: the caller can be handed to the target. */
  readonly canComplete: boolean;
}

function code(failure: Failure | null): string | null {
  if (failure?.code === undefined) return null;
  return failure.subCode === undefined ? `${failure.code}` : `${failure.code}/${failure.subCode}`;
}

/** "Transferring to Blake Chen…", "Transfer to Blake Chen failed: … Robin Park is back with you." */
export function transferLine(transfer: CallTransfer): TransferLineViewModel | null {
  const target = transferTargetName(transfer);
  const caller = transfer.callerName;
  const progress = (text: string): TransferLineViewModel => ({
    text,
    tone: 'progress',
    code: null,
    dismissable: false,
  });
  switch (transfer.status) {
    case 'consulting':
      return progress(
        transfer.consultCallId
          ? `Consulting ${target}. ${caller} is on hold.`
          : `Calling ${target}. ${caller} is on hold.`,
      );
    case 'transferring':
      return progress(`Transferring to ${target}…`);
    case 'ending':
      return progress(`Ending the call with ${target}…`);
    case 'transferred':
      return null;
    case 'failed': {
      const back = transfer.stillHeld
        ? `${caller} is still on hold: ${transfer.stillHeld.message}`
        : `${caller} is back with you.`;
      const text = transfer.failure
        ? `Transfer to ${target} failed: ${transfer.failure.message} ${back}`
        : back;
      return { text, tone: 'failed', code: code(transfer.failure ?? transfer.stillHeld), dismissable: true };
    }
  }
}

/**
 * The transfer the active call takes part in: as the caller's call, or as the consult call (the
 * agent talks to the target while the caller holds); else one under way or failed on a held call.
 */
export const selectTransferPanelViewModel = createSelector(
  callsFeature.selectActiveCall,
  callsFeature.selectEntities,
  transferFeature.selectAllTransfers,
  (active, calls, transfers): TransferPanelViewModel | null => {
    // The caller is held while a transfer rings its target: the transfer is then the panel's news.
    const transfer =
      (active && transfers.find((t) => t.callId === active.id || t.consultCallId === active.id)) ||
      transfers.find((t) => t.status !== 'consulting' && calls[t.callId]?.state === 'LocalHold');
    if (!transfer) return null;
    const consult = transfer.consultCallId ? calls[transfer.consultCallId] : undefined;
    return {
      callId: transfer.callId,
      line: transferLine(transfer),
      consulting: transfer.status === 'consulting' && transfer.consultCallId !== null,
      canComplete: transfer.status === 'consulting' && consult?.state === 'Connected',
    };
  },
);

/** Whether Transfer can be offered on the active call: a connected 1:1 not already being handed on. */
export const selectCanTransfer = createSelector(
  callsFeature.selectActiveCall,
  transferFeature.selectAllTransfers,
  (active, transfers): boolean =>
    active?.kind === 'oneToOne' &&
    active.state === 'Connected' &&
    !transfers.some(
      (t) => (t.callId === active.id || t.consultCallId === active.id) && t.status !== 'failed',
    ),
);

/**
 * How the last call's end is announced; a call the agent handed on says to whom: "Call with Robin
 * Park ended: You transferred the call to Blake Chen." (the consult call's end says the same).
 */
export const selectTransferEndedText = createSelector(
  callsFeature.selectLastEnded,
  transferFeature.selectDone,
  (ended, done): string | null => {
    if (!ended || !done) return null;
    if (ended.id !== done.callId && ended.id !== done.consultCallId) return null;
    return `Call with ${done.callerName} ended: You transferred the call to ${transferTargetName(done)}.`;
  },
);
