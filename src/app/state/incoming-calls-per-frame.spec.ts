import type { Action } from '@ngrx/store';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import type { CallingEvent, CallingEventType } from '../calling/calling-events';
import { CallingSdkEvents } from './calling-sdk.actions';
import { incomingCallsPerFrame } from './incoming-calls-per-frame';
import { incomingCall } from './testing/snapshots';

function session() {
  const frames = new VirtualTimeScheduler();
  const events = new Subject<CallingEvent<Exclude<CallingEventType, 'participantChanged'>>>();
  const actions: Action[] = [];
  events.pipe(incomingCallsPerFrame(frames)).subscribe((action) => actions.push(action));
  const rings = (id: string) =>
    events.next({ type: 'incomingCallReceived', incomingCall: incomingCall(id, 1_000) });
  return { frames, events, actions, rings, types: () => actions.map((action) => action.type) };
}

describe('incoming calls per frame', () => {
  it('brings a burst of ringing calls to the store as one action at the next frame, in order', () => {
    const { frames, actions, rings } = session();
    for (let i = 0; i < 200; i++) rings(`call-${i}`);
    expect(actions).toEqual([]);
    frames.flush();
    expect(actions.length).toBe(1);
    const [batch] = actions as ReturnType<typeof CallingSdkEvents.incomingCallsReceived>[];
    expect(batch.type).toBe('[Calling SDK] Incoming Calls Received');
    expect(batch.incomingCalls.map((call) => call.id)).toEqual(
      Array.from({ length: 200 }, (_, i) => `call-${i}`),
    );
  });

  it('carries a server id learnt before the frame in the call’s snapshot, and says it after the batch', () => {
    const { frames, events, actions, rings } = session();
    rings('a');
    rings('b');
    events.next({ type: 'serverCallIdKnown', id: 'a', serverCallId: 'server-a' });
    frames.flush();
    expect(actions).toEqual([
      CallingSdkEvents.incomingCallsReceived({
        incomingCalls: [{ ...incomingCall('a', 1_000), serverCallId: 'server-a' }, incomingCall('b', 1_000)],
      }),
      CallingSdkEvents.serverCallIdKnown({ id: 'a', serverCallId: 'server-a' }),
    ]);
  });

  it('never reports a call ended (or taken) before it rang: its batch goes out first', () => {
    const { frames, events, types, rings } = session();
    rings('a');
    events.next({ type: 'incomingCallEnded', id: 'a', callEndReason: { code: 487, subCode: 10003 } });
    rings('b');
    frames.flush();
    expect(types()).toEqual([
      '[Calling SDK] Incoming Calls Received',
      '[Calling SDK] Incoming Call Ended',
      '[Calling SDK] Incoming Calls Received',
    ]);
  });

  it('lets events about other calls through at once, without flushing the batch', () => {
    const { frames, events, types, rings } = session();
    rings('a');
    events.next({ type: 'callMutedChanged', id: 'live', isMuted: true });
    events.next({ type: 'serverCallIdKnown', id: 'live', serverCallId: 'server-live' });
    expect(types()).toEqual(['[Calling SDK] Call Muted Changed', '[Calling SDK] Server Call Id Known']);
    frames.flush();
    expect(types()[2]).toBe('[Calling SDK] Incoming Calls Received');
  });
});
