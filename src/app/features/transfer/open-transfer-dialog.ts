import type { Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CallEntry } from '../../state/calls/calls.feature';
import { partyName } from '../../shared/party-name';
import type { TransferDialogData } from './transfer-dialog.component';

/**
 * Opens the Transfer dialog for a call, from its button or its shortcut. The dialog loads when
 * first opened: its phone-number parsing stays out of the initial bundle.
 */
export async function openTransferDialog(injector: Injector, call: CallEntry): Promise<void> {
  const data: TransferDialogData = {
    callId: call.id,
    callerName: call.counterpart ? partyName(call.counterpart) : 'The caller',
    queue: call.queue && call.queueAccount ? { name: call.queue, resourceAccount: call.queueAccount } : null,
  };
  const { TransferDialogComponent } = await import('./transfer-dialog.component');
  injector.get(MatDialog).open(TransferDialogComponent, { data });
}
