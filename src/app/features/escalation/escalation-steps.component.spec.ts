import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type {
  EscalationRowViewModel,
  SupervisorNoticeViewModel,
} from '../../state/escalation/escalation.view-model';
import { escalationRow } from '../../state/escalation/escalation.view-model';
import type { EscalationPerson } from '../../state/escalation/escalation.feature';
import { EscalationStepsComponent } from './escalation-steps.component';
import { EscalationStepsHarness } from './escalation-steps.harness';

const person = (name: string, changes: Partial<EscalationPerson>): EscalationPerson => ({
  callId: 'c1',
  personId: `8:orgid:${name}`,
  name,
  kind: 'microsoftTeamsUser',
  status: 'preparing',
  failedStep: null,
  failure: null,
  order: 0,
  ...changes,
});

@Component({
  imports: [EscalationStepsComponent],
  template: `<sb-escalation-steps
    [rows]="rows()"
    [supervisor]="supervisor()"
    (dismiss)="dismissed.push($event)"
    (cancelRequest)="cancelled.push($event)"
    (dismissSupervisor)="dismissedNotice = true"
  />`,
})
class Host {
  readonly rows = signal<readonly EscalationRowViewModel[]>([]);
  readonly supervisor = signal<SupervisorNoticeViewModel | null>(null);
  readonly dismissed: string[] = [];
  readonly cancelled: string[] = [];
  dismissedNotice = false;
}

describe('EscalationStepsComponent', () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const steps = await TestbedHarnessEnvironment.loader(fixture).getHarness(EscalationStepsHarness);
    return { host: fixture.componentInstance, steps };
  }

  it('shows each person’s step in words, with Dismiss once done', async () => {
    const { host, steps } = await setUp();
    host.rows.set(
      [
        person('Sam Okafor', { status: 'threadEnsured' }),
        person('Riley Brooks', { status: 'ringing' }),
        person('Blake Chen', { status: 'connected' }),
        person('Jordan Diaz', {
          status: 'failed',
          failure: { message: 'Jordan Diaz declined the call.', code: 603, subCode: 0 },
        }),
      ].map(escalationRow),
    );
    expect(await steps.getRows()).toEqual([
      { name: 'Sam Okafor', step: 'Chat', text: 'Adding Sam Okafor to the chat…' },
      { name: 'Riley Brooks', step: 'Ringing', text: 'Ringing Riley Brooks…' },
      { name: 'Blake Chen', step: 'Joined', text: 'Blake Chen joined the call.' },
      { name: 'Jordan Diaz', step: 'Failed', text: 'Failed: Jordan Diaz declined the call.' },
    ]);
    await steps.dismiss('Jordan Diaz');
    expect(host.dismissed).toEqual(['8:orgid:Jordan Diaz']);
    await expectAsync(steps.dismiss('Riley Brooks')).toBeRejected();
  });

  it('says a supervisor is being asked, with Cancel, then what became of it', async () => {
    const { host, steps } = await setUp();
    host.supervisor.set({
      text: 'Asking a supervisor…',
      tone: 'progress',
      cancelRequestId: 'r1',
      dismissable: false,
    });
    expect(await steps.getSupervisorNotice()).toBe('Asking a supervisor…');
    await steps.cancelAskingSupervisor();
    expect(host.cancelled).toEqual(['r1']);
    host.supervisor.set({
      text: 'No supervisor joined within a minute.',
      tone: 'failed',
      cancelRequestId: null,
      dismissable: true,
    });
    expect(await steps.getSupervisorNotice()).toBe('No supervisor joined within a minute.');
    await steps.dismissSupervisorNotice();
    expect(host.dismissedNotice).toBeTrue();
  });
});
