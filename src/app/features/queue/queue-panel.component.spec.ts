import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideState, Store } from '@ngrx/store';
import { CallingSdkEvents } from '../../state/calling-sdk.actions';
import { CallingApiActions } from '../../state/calling-api.actions';
import { FloorApiActions } from '../../state/floor/floor-api.actions';
import { supervisorFloorFeature } from '../../state/floor/supervisor-floor.feature';
import { floorAgent, floorCall } from '../../state/floor/testing/floor-fixtures';
import { QueuePanelActions } from '../../state/queue/queue-panel.actions';
import { incomingCall } from '../../state/testing/snapshots';
import { provideTestState } from '../../state/testing/provide-test-state';
import { FailureMessageHarness } from '../../shared/failure-message.harness';
import { QueuePanelComponent } from './queue-panel.component';
import { QueuedCallHarness } from './queued-call.harness';

describe('QueuePanelComponent', () => {
  const now = signal(0);

  async function setUp() {
    TestBed.configureTestingModule({ providers: provideTestState(now) });
    const fixture = TestBed.createComponent(QueuePanelComponent);
    const store = TestBed.inject(Store);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    await fixture.whenStable();
    return { fixture, store, loader, text };
  }

  it('says when no calls are waiting', async () => {
    const { text } = await setUp();
    expect(text()).toContain('No calls waiting.');
  });

  it('speaks to a supervisor of calls made to them, never of a queue that does not ring them', async () => {
    const { fixture, store, text } = await setUp();
    fixture.componentRef.setInput('audience', 'supervisor');
    await fixture.whenStable();
    expect(text()).toContain('Calls for you (0 ringing)');
    expect(text()).toContain('Nobody is calling you.');
    expect(text()).not.toContain('Queue');
    store.dispatch(CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('ask', 0)] }));
    await fixture.whenStable();
    const list = (fixture.nativeElement as HTMLElement).querySelector('[role="list"]');
    expect(list?.getAttribute('aria-label')).toBe('Calls ringing for you');
    expect(text()).toContain('Calls for you (1 ringing)');
  });

  it('lists ringing calls oldest first with caller, queue and a ticking waiting time', async () => {
    const { fixture, store, loader, text } = await setUp();
    store.dispatch(
      CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('late', 30_000, 'Sales')] }),
    );
    store.dispatch(
      CallingSdkEvents.incomingCallsReceived({
        incomingCalls: [
          {
            ...incomingCall('early', 10_000),
            caller: { identity: null, displayName: 'Eli Park' },
          },
        ],
      }),
    );
    now.set(75_000);
    await fixture.whenStable();
    const calls = await loader.getAllHarnesses(QueuedCallHarness);
    expect(await Promise.all(calls.map((c) => c.getCaller()))).toEqual([
      'Eli Park',
      'Dana Smith +1 (425) 555-0123',
    ]);
    expect(await Promise.all(calls.map((c) => c.getQueue()))).toEqual(['Billing', 'Sales']);
    expect(await Promise.all(calls.map((c) => c.getWaiting()))).toEqual(['Waiting 1:05', 'Waiting 0:45']);
    expect(text()).toContain('(2 waiting)');
    now.set(76_000);
    expect(await calls[0].getWaiting()).toBe('Waiting 1:06');
  });

  it('counts the wait from when the floor first saw the call ring, so a reload does not reset it', async () => {
    const { store, loader } = await setUp();
    store.dispatch(CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 70_000)] }));
    store.dispatch(CallingSdkEvents.serverCallIdKnown({ id: 'a', serverCallId: 'server-a' }));
    now.set(75_000);
    const call = await loader.getHarness(QueuedCallHarness);
    expect(await call.getWaiting()).toBe('Waiting 0:05');
    store.dispatch(FloorApiActions.firstSeen({ calls: [{ key: 'server-a', at: 15_000 }] }));
    expect(await call.getWaiting()).toBe('Waiting 1:00');
  });

  it('says who transferred a call and from which queue, its wait the caller’s original one', async () => {
    const { store, loader } = await setUp();
    store.dispatch(
      CallingSdkEvents.incomingCallsReceived({
        incomingCalls: [{ ...incomingCall('t', 70_000), transferredBy: 'Alex Rivera', waitingSince: 10_000 }],
      }),
    );
    now.set(75_000);
    const call = await loader.getHarness(QueuedCallHarness);
    expect(await call.getTransferredBy()).toBe('Transferred by Alex Rivera from Billing');
    expect(await call.getQueue()).toBe('Billing');
    expect(await call.getWaiting()).toBe('Waiting 1:05');
  });

  it('tells a supervisor which agent is bringing him into which call, as the floor knows it', async () => {
    TestBed.configureTestingModule({ providers: [provideState(supervisorFloorFeature)] });
    const { fixture, store, loader } = await setUp();
    fixture.componentRef.setInput('audience', 'supervisor');
    store.dispatch(CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 0)] }));
    store.dispatch(CallingSdkEvents.serverCallIdKnown({ id: 'a', serverCallId: 'server-a' }));
    const call = await loader.getHarness(QueuedCallHarness);
    expect(await call.getBringingIn()).toBeNull();
    store.dispatch(
      FloorApiActions.snapshotReceived({
        agents: [floorAgent('blake-id', 'Blake Chen', [floorCall('server-a', { queue: 'Billing' })])],
        queues: [],
        requests: [],
        serviceLevelSeconds: 20,
      }),
    );
    expect(await call.getBringingIn()).toBe('Blake Chen is bringing you into a call with Kim Lee (Billing)');
    expect(await call.getQueue()).toBe('Escalation');
  });

  it('shows Accepting… and disables both buttons once Accept is clicked', async () => {
    const { store, loader } = await setUp();
    store.dispatch(CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 0)] }));
    const call = await loader.getHarness(QueuedCallHarness.with({ caller: /Dana Smith/ }));
    await call.accept();
    expect(await call.getStatus()).toBe('Accepting…');
    expect(await call.canAct()).toBeFalse();
  });

  it('shows why an accept failed on the call itself, with the SDK code, and lets the agent try again', async () => {
    const { store, loader } = await setUp();
    store.dispatch(CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 0)] }));
    const call = await loader.getHarness(QueuedCallHarness);
    await call.accept();
    store.dispatch(
      CallingApiActions.acceptFailed({
        id: 'a',
        failure: {
          message: 'Could not reach the calling service. Check the network and try again.',
          code: 408,
          subCode: 40114,
        },
      }),
    );
    const failure = await call.getFailure();
    expect(await failure?.getText()).toBe(
      'Could not reach the calling service. Check the network and try again. (code 408/40114)',
    );
    expect(await failure?.getCode()).toBe('408/40114');
    expect(await call.canAct()).toBeTrue();
  });

  it('explains, at the top, a call that went while the agent was accepting it', async () => {
    const { store, loader } = await setUp();
    store.dispatch(CallingSdkEvents.incomingCallsReceived({ incomingCalls: [incomingCall('a', 0)] }));
    store.dispatch(QueuePanelActions.acceptClicked({ id: 'a' }));
    store.dispatch(
      CallingSdkEvents.incomingCallEnded({ id: 'a', callEndReason: { code: 487, subCode: 10003 } }),
    );
    expect(await loader.getAllHarnesses(QueuedCallHarness)).toEqual([]);
    const notice = await loader.getHarness(FailureMessageHarness);
    expect(await notice.getText()).toBe('Another agent answered this call. (code 487/10003)');
  });
});
