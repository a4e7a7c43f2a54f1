import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { Store } from '@ngrx/store';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { call } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { HeldCallsPanelComponent } from './held-calls-panel.component';

describe('HeldCallsPanelComponent', () => {
  it('lists calls on hold with how long they have waited, and Resume', async () => {
    const now = signal(0);
    TestBed.configureTestingModule({ providers: provideTestState(now) });
    const fixture = TestBed.createComponent(HeldCallsPanelComponent);
    const store = TestBed.inject(Store);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    await fixture.whenStable();
    expect(text()).toContain('No calls on hold.');

    store.dispatch(CallingSdkEvents.callAdded({ call: call('c1') }));
    store.dispatch(CallingSdkEvents.callStateChanged({ id: 'c1', state: 'LocalHold', at: 10_000 }));
    now.set(40_000);
    await fixture.whenStable();
    expect(text()).toContain('Calls on hold (1)');
    const row = (fixture.nativeElement as HTMLElement).querySelector(
      'li[aria-label="Held call with Dana Smith"]',
    )!;
    expect(row.querySelector('.sb-chip')?.textContent?.trim()).toBe('On hold');
    expect(row.querySelector('.time')?.textContent?.trim()).toBe('Time on hold: 0:30');

    const resume = await loader.getHarness(MatButtonHarness.with({ text: 'Resume' }));
    await resume.click();
    expect(await resume.isDisabled()).toBeTrue();
  });
});
