import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Store } from '@ngrx/store';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { CallingApiActions } from '../../state/calling-api.actions';
import { incomingCall } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { QueuePanelComponent } from './queue-panel.component';
import { QueuePanelHarness } from './queue-panel.harness';
import { renderedAfterScroll } from '../../shared/testing/virtual-scroll';

/** A caller of their own for each call, so rows tell apart. */
function waiting(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    ...incomingCall(`call-${i}`, i * 1_000),
    caller: { identity: null, displayName: `Caller ${i + 1}` },
  }));
}

describe('QueuePanelComponent with a long queue', () => {
  const now = signal(0);

  async function setUp(count: number) {
    TestBed.configureTestingModule({ providers: provideTestState(now) });
    const fixture = TestBed.createComponent(QueuePanelComponent);
    const store = TestBed.inject(Store);
    store.dispatch(CallingSdkEvents.incomingCallsReceived({ incomingCalls: waiting(count) }));
    const panel = await TestbedHarnessEnvironment.harnessForFixture(fixture, QueuePanelHarness);
    return { fixture, store, panel };
  }

  it('renders a few rows of 200 waiting calls, each with its caller, waiting time and buttons', async () => {
    const { fixture, panel } = await setUp(200);
    const rows = await panel.getRenderedCalls();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(30);
    expect(await rows[0].getCaller()).toBe('Caller 1');
    expect(await rows[0].canAct()).toBeTrue();
    // The list still says how long it is, for screen readers.
    const first = (fixture.nativeElement as HTMLElement).querySelector('sb-queued-call');
    expect(first?.getAttribute('aria-setsize')).toBe('200');
    expect(first?.getAttribute('aria-posinset')).toBe('1');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('(200 waiting)');
  });

  it('ticks only the waiting times on screen: rows off screen do not exist to update', async () => {
    const { fixture, panel } = await setUp(200);
    now.set(300_000);
    const rows = await panel.getRenderedCalls();
    expect(await rows[1].getWaiting()).toBe('Waiting 4:59');
    const times = (fixture.nativeElement as HTMLElement).querySelectorAll('.waiting');
    expect(times.length).toBe(rows.length);
  });

  it('moves the focus with the arrow keys, Home and End, the list one Tab stop', async () => {
    const { panel } = await setUp(200);
    const [first, second] = await panel.getRenderedCalls();
    expect(await first.isTabStop()).toBeTrue();
    expect(await second.isTabStop()).toBeFalse();
    await first.focus();
    await first.press(TestKey.DOWN_ARROW);
    expect(await panel.getFocusedCaller()).toBe('Caller 2');
    expect(await second.isTabStop()).toBeTrue();
    expect(await first.isTabStop()).toBeFalse();
    await second.press(TestKey.UP_ARROW);
    expect(await panel.getFocusedCaller()).toBe('Caller 1');
    await first.press(TestKey.UP_ARROW);
    expect(await panel.getFocusedCaller()).toBe('Caller 1');
  });

  it('takes the focus to the last call with End, scrolling it into view, and back with Home', async () => {
    const { fixture, panel } = await setUp(200);
    const [first] = await panel.getRenderedCalls();
    await first.focus();
    await first.press(TestKey.END);
    await renderedAfterScroll(fixture);
    expect(await panel.getFocusedCaller()).toBe('Caller 200');
    const rows = await panel.getRenderedCalls();
    expect(rows.length).toBeLessThanOrEqual(30);
    const last = rows[rows.length - 1];
    await last.press(TestKey.HOME);
    await renderedAfterScroll(fixture);
    expect(await panel.getFocusedCaller()).toBe('Caller 1');
  });

  it('keeps the focus on its call as calls above it leave the queue', async () => {
    const { store, panel } = await setUp(5);
    const rows = await panel.getRenderedCalls();
    await rows[0].focus();
    await rows[0].press(TestKey.DOWN_ARROW);
    await rows[1].press(TestKey.DOWN_ARROW);
    expect(await panel.getFocusedCaller()).toBe('Caller 3');
    store.dispatch(CallingApiActions.acceptSucceeded({ id: 'call-0' }));
    const after = await panel.getRenderedCalls();
    expect(await after[1].getCaller()).toBe('Caller 3');
    expect(await after[1].isTabStop()).toBeTrue();
  });
});
