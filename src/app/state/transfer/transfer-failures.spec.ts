import { formatPhoneNumberAsTyped } from '../../calling/phone-number';
import { resumeHeld, transferCall } from '../../calling/transfer';
import { phoneNumberTarget } from '../../model/dial-target';
import { ShellActions } from '../agent/shell.actions';
import { selectTransferPanelViewModel } from './transfer.view-model';
import { AVERY, BLAKE, onABillingCall, TAYLOR } from './testing/transferring-console';

const phone = (e164: string) => phoneNumberTarget(e164, formatPhoneNumberAsTyped(e164));

describe('a transfer that fails, on the emulator, leaves the caller with the agent', () => {
  it('a colleague who does not answer: said with 487/10004 once the ringing times out', async () => {
    const { app, blake, call, line, transferNow } = await onABillingCall();
    transferNow(TAYLOR);
    await app.settle();
    expect(line()).toBe('Transferring to Taylor Kim…');
    await app.advance(120_000);
    expect(line()).toBe(
      'Transfer to Taylor Kim failed: Taylor Kim did not answer. Robin Park is back with you.',
    );
    expect(app.state(selectTransferPanelViewModel)?.line?.code).toBe('487/10004');
    expect(call()?.state).toBe('Connected');
    await blake.dispose();
  });

  it('a colleague who is offline', async () => {
    const { app, blake, call, line, transferNow } = await onABillingCall();
    transferNow(AVERY);
    await app.settle();
    await app.advance(5_000);
    expect(line()).toMatch(
      /^Transfer to Avery Stone failed: Avery Stone is .*\. Robin Park is back with you\.$/,
    );
    expect(call()?.state).toBe('Connected');
    await blake.dispose();
  });

  it('a busy number', async () => {
    const { app, blake, call, line, transferNow } = await onABillingCall();
    transferNow(phone('+14255550486'));
    await app.settle();
    await app.advance(1_000);
    expect(line()).toBe(
      'Transfer to +1 425 555 0486 failed: +1 425 555 0486 is busy. Robin Park is back with you.',
    );
    expect(call()?.state).toBe('Connected');
    await blake.dispose();
  });

  it('a number that answers takes the caller', async () => {
    const { app, blake, call, endedText, transferNow } = await onABillingCall();
    transferNow(phone('+14255550199'));
    await app.settle();
    await app.advance(5_000);
    expect(call()).toBeUndefined();
    expect(endedText()).toBe('Call with Robin Park ended: You transferred the call to +1 425 555 0199.');
    await blake.dispose();
  });

  it('a consult the target hangs up is a failed transfer; the caller is resumed', async () => {
    const { app, blake, call, line, consultFirst } = await onABillingCall();
    consultFirst(BLAKE);
    await app.settle();
    const blakeCall = await blake.accept();
    await blakeCall.hangUp();
    await app.settle();
    expect(line()).toMatch(/^Transfer to Blake Chen failed: .+ Robin Park is back with you\.$/);
    expect(call()?.state).toBe('Connected');
    await blake.dispose();
  });

  it('completing into a call that is not the agent’s live call fails with 404/10202, nothing moved', async () => {
    const { app, blake, call, callId } = await onABillingCall();
    await app.registry.call(callId).hold();
    await app.settle();
    const failure = await transferCall(
      app.registry,
      callId,
      { kind: 'call', callId: 'no-such-call', name: 'Blake Chen' },
      { queue: null, waitingSince: null },
      new AbortController().signal,
    );
    expect(failure).toEqual({
      message: 'The call with Blake Chen has already ended.',
      code: 404,
      subCode: 10202,
    });
    expect(await resumeHeld(app.registry, callId)).toBeNull();
    await app.settle();
    expect(call()?.state).toBe('Connected');
    await blake.dispose();
  });

  it('signing out while the target rings stops following the transfer', async () => {
    const { app, blake, transfer, transferNow } = await onABillingCall();
    transferNow(TAYLOR);
    await app.settle();
    expect(transfer()?.status).toBe('transferring');
    app.store.dispatch(ShellActions.signOutClicked());
    await app.settle();
    expect(transfer()).toBeUndefined();
    await blake.dispose();
  });
});
