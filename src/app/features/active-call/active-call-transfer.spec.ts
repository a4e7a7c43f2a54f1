import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { teamsUserTarget } from '../../model/dial-target';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { call, participant } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { TransferApiActions } from '../../state/transfer/transfer-api.actions';
import { TransferDialogActions } from '../../state/transfer/transfer-dialog.actions';
import { TransferPanelActions } from '../../state/transfer/transfer-panel.actions';
import { TransferDialogHarness } from '../transfer/transfer-dialog.harness';
import { TransferStepsHarness } from '../transfer/transfer-steps.harness';
import { ActiveCallPanelComponent } from './active-call-panel.component';

const BLAKE = teamsUserTarget('00000000-0000-4000-8000-00000000a002', 'Blake Chen', 'public');
const ROBIN = {
  identity: { kind: 'phoneNumber' as const, rawId: '4:+14255550100', phoneNumber: '+14255550100' },
  displayName: 'Robin Park',
};
const BILLING_ACCOUNT = '28:orgid:00000000-0000-4000-8000-00000000c001';

describe('ActiveCallPanelComponent, transferring', () => {
  async function onABillingCall() {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(ActiveCallPanelComponent);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    store.dispatch(
      CallingSdkEvents.callAdded({ call: call('c1', { caller: ROBIN, queueAccount: BILLING_ACCOUNT }) }),
    );
    store.dispatch(CallingSdkEvents.participantsAdded({ callId: 'c1', participants: [participant('c1')] }));
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const button = (text: string) => loader.getHarnessOrNull(MatButtonHarness.with({ text }));
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    return { fixture, store, dispatched, loader, button, text };
  }

  it('opens Transfer the call from the Transfer button, with the call’s queue to send it back to', async () => {
    const { fixture, button } = await onABillingCall();
    await (await button('Transfer'))!.click();
    const dialog =
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(TransferDialogHarness);
    expect(await dialog.getTitle()).toBe('Transfer the call');
    expect(await dialog.getDestinations()).toEqual(['A person or a number', 'Back to the Billing queue']);
    await dialog.click('Cancel');
  });

  it('says Transferring while the caller is held, and how the call ended once handed on', async () => {
    const { fixture, store, loader, button, text } = await onABillingCall();
    store.dispatch(
      TransferDialogActions.transferNowClicked({
        callId: 'c1',
        callerName: 'Robin Park',
        destination: { kind: 'participant', target: BLAKE },
      }),
    );
    expect(await button('Transfer')).toBeNull();
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 2_000 }));
    const steps = await loader.getHarness(TransferStepsHarness);
    expect(await steps.getLine()).toBe('Transferring to Blake Chen…');
    store.dispatch(TransferApiActions.transferred({ callId: 'c1' }));
    store.dispatch(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 7015 }, at: 3_000 }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Call with Robin Park ended: You transferred the call to Blake Chen.');
    expect(text()).not.toContain('Transferring');
  });

  it('shows a failure with its code; Dismiss puts it away', async () => {
    const { store, loader, dispatched } = await onABillingCall();
    store.dispatch(
      TransferDialogActions.transferNowClicked({
        callId: 'c1',
        callerName: 'Robin Park',
        destination: { kind: 'participant', target: BLAKE },
      }),
    );
    store.dispatch(
      TransferApiActions.transferFailed({
        callId: 'c1',
        failure: { message: 'Blake Chen declined the call.', code: 603, subCode: 0 },
        stillHeld: null,
      }),
    );
    const steps = await loader.getHarness(TransferStepsHarness);
    expect(await steps.getLine()).toBe(
      'Transfer to Blake Chen failed: Blake Chen declined the call. Robin Park is back with you.',
    );
    expect(await steps.getCode()).toBe('603/0');
    await steps.click('Dismiss');
    expect(dispatched).toContain(TransferPanelActions.transferNoticeDismissed({ callId: 'c1' }));
  });

  it('while consulting, offers Complete transfer, Conference and Cancel transfer on the consult call', async () => {
    const { store, loader, dispatched } = await onABillingCall();
    store.dispatch(
      TransferDialogActions.consultFirstClicked({ callId: 'c1', callerName: 'Robin Park', target: BLAKE }),
    );
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 2_000 }));
    store.dispatch(
      CallingSdkEvents.callAdded({
        call: call('k1', { direction: 'Outgoing', state: 'Connecting', startedAt: 2_000, queue: null }),
      }),
    );
    store.dispatch(TransferApiActions.consultStarted({ callId: 'c1', consultCallId: 'k1' }));
    const steps = await loader.getHarness(TransferStepsHarness);
    expect(await steps.getConsultControls()).toEqual(['Complete transfer', 'Conference', 'Cancel transfer']);
    expect(await steps.isEnabled('Complete transfer')).toBeFalse();
    expect(await steps.isEnabled('Cancel transfer')).toBeTrue();
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'k1', state: 'Connected', at: 3_000 }));
    expect(await steps.getLine()).toBe('Consulting Blake Chen. Robin Park is on hold.');
    await steps.click('Complete transfer');
    expect(dispatched).toContain(TransferPanelActions.completeTransferClicked({ callId: 'c1' }));
    expect(await steps.getLine()).toBe('Transferring to Blake Chen…');
  });
});
