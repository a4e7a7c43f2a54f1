import type { WaitingCall } from '../../state/floor/floor-session.feature';
import { incomingCall } from '../../state/testing/snapshots';
import { announceNewCalls } from './ringing-announcement';

const waiting = (id: string, displayName: string, queue: string | null = 'Billing'): WaitingCall => ({
  ...incomingCall(id, 0),
  queue,
  caller: { identity: null, displayName },
  status: 'ringing',
  failure: null,
  arrival: 0,
  waitingSince: 0,
  bringingIn: null,
});

describe('announceNewCalls', () => {
  const robin = waiting('a', 'Robin Park');
  const kim = waiting('b', 'Kim Lee', 'Sales');

  it('says each call that starts ringing, with its queue, and nothing for calls already said', () => {
    expect(announceNewCalls([], [robin])).toBe('Call from Robin Park, Billing queue.');
    expect(announceNewCalls([robin], [robin, kim])).toBe('Call from Kim Lee, Sales queue.');
    expect(announceNewCalls([robin, kim], [kim])).toBeNull();
    expect(announceNewCalls([], [waiting('c', 'Sky Patel', null)])).toBe('Call from Sky Patel, direct call.');
  });

  it('counts a burst instead of reading out every caller', () => {
    const burst = Array.from({ length: 40 }, (_, i) => waiting(`call-${i}`, `Caller ${i + 1}`));
    expect(announceNewCalls([], burst)).toBe('40 new calls. The first: Call from Caller 1, Billing queue.');
  });
});
