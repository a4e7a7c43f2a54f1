import { toIncomingCallSnapshot } from '../../calling/snapshots';
import { callsFeature } from '../calls/calls.feature';
import { escalationFeature } from '../escalation/escalation.feature';
import { TransferDialogActions } from './transfer-dialog.actions';
import { TransferPanelActions } from './transfer-panel.actions';
import { selectTransferPanelViewModel } from './transfer.view-model';
import { BLAKE, CASEY, JORDAN, onABillingCall, RILEY } from './testing/transferring-console';

describe('transferring a call, on the emulator', () => {
  it('Transfer now to a colleague: the target is told who transferred it, from which queue, since when', async () => {
    const { app, blake, callId, rangAt, call, line, endedText, transferLog, transferNow } =
      await onABillingCall();
    transferNow(BLAKE);
    await app.settle();
    expect(line()).toBe('Transferring to Blake Chen…');
    expect(call()?.state).toBe('LocalHold');

    const incoming = blake.ringing.at(-1)!;
    expect(toIncomingCallSnapshot(incoming, 0)).toEqual(
      jasmine.objectContaining({
        caller: jasmine.objectContaining({ displayName: 'Robin Park' }),
        queue: 'Billing',
        transferredBy: 'Alex Rivera',
        waitingSince: rangAt,
      }),
    );
    await blake.accept();
    expect(transferLog()).toEqual(['[Transfer API] Transferred']);
    expect(call()).toBeUndefined();
    expect(app.state(callsFeature.selectLastEnded)?.id).toBe(callId);
    expect(endedText()).toBe('Call with Robin Park ended: You transferred the call to Blake Chen.');
    await blake.dispose();
  });

  it('a colleague who declines fails the transfer, in words and with the code; the caller is back', async () => {
    const { app, blake, call, line, transfer, transferNow } = await onABillingCall();
    transferNow(JORDAN);
    await app.settle();
    await app.advance(2_000);
    expect(transfer()).toEqual(
      jasmine.objectContaining({
        status: 'failed',
        failure: jasmine.objectContaining({ code: 603, subCode: 0 }),
      }),
    );
    expect(line()).toBe(
      'Transfer to Jordan Diaz failed: Jordan Diaz declined the call. Robin Park is back with you.',
    );
    expect(call()?.state).toBe('Connected');
    await blake.dispose();
  });

  it('a colleague who is not signed in fails it at once; the caller is back', async () => {
    const { app, blake, call, line, transferNow } = await onABillingCall();
    transferNow(CASEY);
    await app.settle();
    expect(line()).toBe(
      'Transfer to Casey Novak failed: Casey Novak is not signed in to Teams anywhere. Robin Park is back with you.',
    );
    expect(app.state(selectTransferPanelViewModel)?.line?.code).toBe('480/10037');
    expect(call()?.state).toBe('Connected');
    await blake.dispose();
  });

  it('back to the queue: the caller waits in the Billing line again, ringing its other agents', async () => {
    const { app, blake, callId, call, endedText, transferLog } = await onABillingCall();
    const billing = app.emulator.world.directory.queue('Billing')!;
    const account = `28:orgid:${billing.resourceAccountId}`;
    expect(call()?.queueAccount).toBe(account);
    app.store.dispatch(
      TransferDialogActions.transferNowClicked({
        callId,
        callerName: 'Robin Park',
        destination: { kind: 'queue', resourceAccount: account, name: 'Billing' },
      }),
    );
    await app.settle();
    expect(transferLog()).toEqual(['[Transfer API] Transferred']);
    expect(call()).toBeUndefined();
    expect(endedText()).toBe('Call with Robin Park ended: You transferred the call to Billing.');
    const incoming = blake.ringing.at(-1)!;
    expect(toIncomingCallSnapshot(incoming, 0)).toEqual(
      jasmine.objectContaining({ queue: 'Billing', transferredBy: null }),
    );
    await blake.dispose();
  });

  it('Consult first, then Complete transfer: the caller goes to the target, both of the agent’s calls end', async () => {
    const { app, blake, call, panel, line, endedText, consultFirst, callId } = await onABillingCall();
    consultFirst(BLAKE);
    await app.settle();
    expect(call()?.state).toBe('LocalHold');
    expect(panel()).toEqual(jasmine.objectContaining({ consulting: true, canComplete: false }));
    const blakeCall = await blake.accept();
    expect(panel()).toEqual(jasmine.objectContaining({ consulting: true, canComplete: true }));
    expect(line()).toBe('Consulting Blake Chen. Robin Park is on hold.');

    app.store.dispatch(TransferPanelActions.completeTransferClicked({ callId }));
    await app.settle();
    expect(app.state(callsFeature.selectIds)).toEqual([]);
    expect(endedText()).toBe('Call with Robin Park ended: You transferred the call to Blake Chen.');
    expect(blakeCall.remoteParticipants.map((p) => p.displayName)).toEqual(['Robin Park']);
    await blake.dispose();
  });

  it('Consult first, then Cancel transfer: the consult call ends and the caller is resumed', async () => {
    const { app, blake, call, panel, consultFirst, callId } = await onABillingCall();
    consultFirst(RILEY);
    await app.settle();
    await app.advance(3_000); // Riley answers
    expect(panel()?.canComplete).toBeTrue();
    app.store.dispatch(TransferPanelActions.cancelTransferClicked({ callId }));
    await app.settle();
    expect(app.state(callsFeature.selectIds)).toEqual([callId]);
    expect(panel()).toBeNull();
    expect(call()?.state).toBe('Connected');
    await blake.dispose();
  });

  it('Consult first, then Conference: the consult call ends, the target is brought into the caller’s call', async () => {
    const { app, blake, call, panel, consultFirst, callId } = await onABillingCall();
    consultFirst(BLAKE);
    await app.settle();
    await blake.accept();
    app.store.dispatch(TransferPanelActions.conferenceClicked({ callId }));
    await app.settle();
    expect(call()?.state).toBe('Connected');
    expect(panel()).toBeNull();
    expect(app.state(escalationFeature.selectAllPeople)).toEqual([
      jasmine.objectContaining({ callId, name: 'Blake Chen' }),
    ]);
    await blake.accept();
    expect(app.state(escalationFeature.selectAllPeople)).toEqual([
      jasmine.objectContaining({ callId, status: 'connected' }),
    ]);
    await blake.dispose();
  });

  it('a consult the target declines is a failed transfer; the caller is back', async () => {
    const { app, blake, call, line, consultFirst } = await onABillingCall();
    consultFirst(JORDAN);
    await app.settle();
    await app.advance(2_000);
    expect(line()).toBe(
      'Transfer to Jordan Diaz failed: Jordan Diaz declined the call. Robin Park is back with you.',
    );
    expect(call()?.state).toBe('Connected');
    await blake.dispose();
  });
});
