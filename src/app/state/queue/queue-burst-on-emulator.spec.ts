import { Actions } from '@ngrx/effects';
import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { VirtualTimeScheduler } from 'rxjs';
import { CallingSdkEvents } from '../calling-sdk.actions';
import { FRAME_SCHEDULER } from '../coalesce-per-frame';
import { startEmulatedConsole } from '../testing/emulated-console';
import { selectQueuedCalls } from './queue.feature';

describe('a burst of queued calls on the emulator', () => {
  it('reaches the store as one Incoming Calls Received, the queue then holding exactly the calls ringing', async () => {
    const frames = new VirtualTimeScheduler();
    const app = await startEmulatedConsole('alex', {
      providers: [{ provide: FRAME_SCHEDULER, useValue: frames }],
    });
    const received: Action[] = [];
    const subscription = TestBed.inject(Actions).subscribe((action) => {
      if (action.type === CallingSdkEvents.incomingCallsReceived.type) received.push(action);
    });

    const ids = Array.from({ length: 12 }, () =>
      app.emulator.world.enqueuePhoneCall({ queue: 'Billing', patienceMs: 600_000, talkMs: 60_000 }),
    );
    await app.settle();
    expect(app.state(selectQueuedCalls)).toEqual([]);
    frames.flush();
    await app.settle();

    expect(received.length).toBe(1);
    expect(app.state(selectQueuedCalls).map((call) => call.id)).toEqual(ids);
    // Each call's server id came while its batch waited for the frame: it travelled with it.
    expect(app.state(selectQueuedCalls).every((call) => call.serverCallId === call.id)).toBeTrue();
    subscription.unsubscribe();
  });
});
