import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { startEmulatedConsole } from '../../state/testing/emulated-console';
import { ActiveCallPanelComponent } from '../active-call/active-call-panel.component';
import { QueuePanelComponent } from '../queue/queue-panel.component';
import { CallFocus } from './call-focus';

@Component({
  selector: 'sb-workspace-stub',
  imports: [QueuePanelComponent, ActiveCallPanelComponent],
  template: `<sb-queue-panel /><sb-active-call-panel />`,
})
class WorkspaceStub {}

describe('CallFocus on the emulator', () => {
  async function twoCallsRinging() {
    const app = await startEmulatedConsole('alex');
    TestBed.inject(CallFocus).start();
    const fixture = TestBed.createComponent(WorkspaceStub);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const ring = (displayName: string) =>
      app.emulator.world.enqueuePhoneCall({
        displayName,
        queue: 'Billing',
        patienceMs: 60_000,
        talkMs: 120_000,
      });
    ring('Kim Lee');
    await app.settle();
    await app.advance(2_000);
    ring('Robin Park');
    await app.settle();
    await fixture.whenStable();
    const click = async (text: string) => {
      const [button] = await loader.getAllHarnesses(MatButtonHarness.with({ text }));
      await button!.click();
      await app.settle();
      await fixture.whenStable();
    };
    const focused = () => {
      const element = document.activeElement as HTMLElement | null;
      return element?.id || element?.textContent?.trim() || element?.tagName;
    };
    const focusedCall = () => document.activeElement?.closest('[role=listitem]')?.getAttribute('aria-label');
    return { click, focused, focusedCall };
  }

  it('takes focus to the active call’s heading after Accept', async () => {
    const { click, focused } = await twoCallsRinging();
    await click('Accept');
    expect(focused()).toBe('active-call-heading');
  });

  it('takes focus to the next ringing call’s Accept after Hang up, else to the queue’s heading', async () => {
    const { click, focused, focusedCall } = await twoCallsRinging();
    await click('Accept');
    await click('Hang up');
    expect(focused()).toBe('Accept');
    expect(focusedCall()).toBe('Call from Robin Park');

    await click('Accept');
    await click('Hang up');
    expect(focused()).toBe('queue-heading');
  });
});
