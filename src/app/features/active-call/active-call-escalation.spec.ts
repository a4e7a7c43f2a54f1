import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { teamsUserTarget } from '../../model/dial-target';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { CallLeavingActions } from '../../state/escalation/call-leaving.actions';
import { EscalationApiActions } from '../../state/escalation/escalation-api.actions';
import { EscalationPanelActions } from '../../state/escalation/escalation-panel.actions';
import { FloorApiActions } from '../../state/floor/floor-api.actions';
import { call, participant } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { EscalationDialogHarness } from '../escalation/escalation-dialog.harness';
import { EscalationStepsHarness } from '../escalation/escalation-steps.harness';
import { ActiveCallCardHarness } from './active-call-card.harness';
import { ActiveCallPanelComponent } from './active-call-panel.component';

const SAM = '00000000-0000-4000-8000-000000005001';
const sam = teamsUserTarget(SAM, 'Sam Okafor', 'public');

describe('ActiveCallPanelComponent, bringing people in', () => {
  async function onACall(state: 'Connected' | 'Connecting' = 'Connected') {
    TestBed.configureTestingModule({ providers: provideTestState() });
    const fixture = TestBed.createComponent(ActiveCallPanelComponent);
    const store = TestBed.inject(Store);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1', { state }) }));
    store.dispatch(CallingSdkEvents.participantsAdded({ callId: 'c1', participants: [participant('c1')] }));
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const button = (text: string) => loader.getHarnessOrNull(MatButtonHarness.with({ text }));
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    return { fixture, store, dispatched, loader, button, text };
  }

  it('offers Escalate on a connected 1:1 call, opening one dialog for it', async () => {
    const { fixture, button } = await onACall();
    await (await button('Escalate'))!.click();
    const dialog =
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(EscalationDialogHarness);
    expect(await dialog.getTitle()).toBe('Escalate the call');
    await dialog.cancel();
  });

  it('offers neither Escalate nor Ask supervisor before the call connects', async () => {
    const { button } = await onACall('Connecting');
    expect(await button('Escalate')).toBeNull();
    expect(await (await button('Ask supervisor'))!.isDisabled()).toBeTrue();
  });

  it('asks a supervisor in one click, then waits for the floor', async () => {
    const { store, dispatched, loader, button } = await onACall();
    await (await button('Ask supervisor'))!.click();
    expect(dispatched).toContain(EscalationPanelActions.askSupervisorClicked({ callId: 'c1' }));
    const steps = await loader.getHarness(EscalationStepsHarness);
    expect(await steps.getSupervisorNotice()).toBe('Asking a supervisor…');
    expect(await (await button('Ask supervisor'))!.isDisabled()).toBeTrue();
    store.dispatch(FloorApiActions.requestOpened({ callId: 'c1', requestId: 'r1' }));
    await steps.cancelAskingSupervisor();
    expect(dispatched).toContain(
      EscalationPanelActions.askSupervisorCancelled({ callId: 'c1', requestId: 'r1' }),
    );
  });

  it('shows each person’s steps where the agent acted, and puts a finished row away', async () => {
    const { store, loader } = await onACall();
    const personId = `8:orgid:${SAM}`;
    store.dispatch(EscalationApiActions.escalationStarted({ callId: 'c1', targets: [sam] }));
    store.dispatch(EscalationApiActions.threadEnsured({ callId: 'c1', personId, found: false }));
    const steps = await loader.getHarness(EscalationStepsHarness);
    expect(await steps.getRows()).toEqual([
      { name: 'Sam Okafor', step: 'Chat', text: 'Adding Sam Okafor to the chat…' },
    ]);
    store.dispatch(EscalationApiActions.ringing({ callId: 'c1', personId }));
    expect((await steps.getRows())[0]!.step).toBe('Ringing');
    store.dispatch(
      EscalationApiActions.failed({
        callId: 'c1',
        personId,
        failedStep: 'ringing',
        failure: { message: 'Sam Okafor is busy.', code: 486 },
      }),
    );
    expect(await steps.getRows()).toEqual([
      { name: 'Sam Okafor', step: 'Failed', text: 'Failed: Sam Okafor is busy.' },
    ]);
    await steps.dismiss('Sam Okafor');
    expect(await steps.getRows()).toEqual([]);
  });

  it('says who muted the agent when the floor knows, and the generic words otherwise', async () => {
    const { store, loader } = await onACall();
    const card = await loader.getHarness(ActiveCallCardHarness);
    store.dispatch(CallingSdkEvents.callMutedByOthers({ id: 'c1', at: 2_000 }));
    expect(await card.getMutedNotice()).toContain('You were muted by another participant.');
    store.dispatch(FloorApiActions.mutedBy({ callId: 'c1', by: { id: SAM, displayName: 'Sam Okafor' } }));
    expect(await card.getMutedNotice()).toContain('Muted by Sam Okafor.');
  });

  it('tells an agent who left a group call that goes on who it goes on with', async () => {
    const { store, text, fixture } = await onACall();
    store.dispatch(
      CallingSdkEvents.callConversationChanged({ id: 'c1', kind: 'group', threadId: '19:c@thread.v2' }),
    );
    const samAsParticipant = participant('c1', `8:orgid:${SAM}`, {
      identity: { kind: 'microsoftTeamsUser', rawId: `8:orgid:${SAM}` },
      displayName: 'Sam Okafor',
    });
    store.dispatch(
      CallLeavingActions.leftWhileOthersStay({
        callId: 'c1',
        others: [participant('c1'), samAsParticipant].map(({ identity, displayName }) => ({
          identity,
          displayName,
        })),
      }),
    );
    store.dispatch(
      CallingSdkEvents.callEnded({ id: 'c1', callEndReason: { code: 0, subCode: 0 }, at: 9_000 }),
    );
    await fixture.whenStable();
    expect(text()).toContain('You left; the call goes on with Dana Smith and Sam Okafor.');
    expect(text()).not.toContain('Group call ended');
  });
});
