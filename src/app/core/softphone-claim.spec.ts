import { NEVER, Subject, type Subscription } from 'rxjs';
import { claimSoftphone, type SoftphoneBrowser, type SoftphoneClaimEvent } from './softphone-claim';

/** The browser's own locks and channels, under a namespace no other test uses. */
function browser(): SoftphoneBrowser {
  return {
    locks: navigator.locks,
    openChannel: (name) => new BroadcastChannel(name),
    namespace: `softphone-claim-test-${crypto.randomUUID()}`,
  };
}

/** Lets lock grants and channel messages arrive: a few turns of the event loop. */
async function turns(count = 10): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A tab's claim, and what it reported. */
function tab(shared: SoftphoneBrowser, userId = 'u1') {
  const events: SoftphoneClaimEvent[] = [];
  const useHere$ = new Subject<void>();
  const liveCallNames$ = new Subject<readonly string[]>();
  const subscription: Subscription = claimSoftphone(shared, userId, { useHere$, liveCallNames$ }).subscribe(
    (event) => events.push(event),
  );
  const last = () => events.at(-1);
  return { events, last, useHere$, liveCallNames$, subscription };
}

describe('claimSoftphone', () => {
  it('gives the softphone to one tab per user; another user’s tab has their own', async () => {
    const shared = browser();
    const first = tab(shared);
    await turns();
    const second = tab(shared);
    const otherUser = tab(shared, 'u2');
    await turns();
    expect(first.events).toEqual([{ type: 'acquired' }]);
    expect(second.last()).toEqual({ type: 'heldElsewhere', liveCallNames: [] });
    expect(otherUser.events).toEqual([{ type: 'acquired' }]);
    [first, second, otherUser].forEach((t) => t.subscription.unsubscribe());
  });

  it('tells the other tabs the holder’s live calls, as they change', async () => {
    const shared = browser();
    const first = tab(shared);
    await turns();
    first.liveCallNames$.next(['Casey Morgan']);
    const second = tab(shared);
    await turns();
    expect(second.last()).toEqual({ type: 'heldElsewhere', liveCallNames: ['Casey Morgan'] });
    first.liveCallNames$.next([]);
    await turns();
    expect(second.last()).toEqual({ type: 'heldElsewhere', liveCallNames: [] });
    [first, second].forEach((t) => t.subscription.unsubscribe());
  });

  it('lets the softphone go on sign-out: the waiting tab takes it; a tab that signed out while waiting never does', async () => {
    const shared = browser();
    const first = tab(shared);
    await turns();
    const second = tab(shared);
    const third = tab(shared);
    await turns();
    third.subscription.unsubscribe();
    first.subscription.unsubscribe();
    await turns();
    expect(second.last()).toEqual({ type: 'acquired' });
    expect(third.events.some((event) => event.type === 'acquired')).toBeFalse();
    second.subscription.unsubscribe();
  });

  it('hands the softphone over on Use here, even past a tab waiting before it', async () => {
    const shared = browser();
    const first = tab(shared);
    await turns();
    const waiting = tab(shared);
    const asking = tab(shared);
    await turns();
    asking.useHere$.next();
    await turns();
    // Released, then told (as every other tab) what the new holder has live.
    expect(first.events.slice(1)).toEqual([
      { type: 'released' },
      { type: 'heldElsewhere', liveCallNames: [] },
    ]);
    expect(asking.last()).toEqual({ type: 'acquired' });
    expect(waiting.events.some((event) => event.type === 'acquired')).toBeFalse();
    [first, waiting, asking].forEach((t) => t.subscription.unsubscribe());
  });

  it('asks nothing of the browser once unsubscribed before its lock was granted', async () => {
    const shared = browser();
    const events: SoftphoneClaimEvent[] = [];
    claimSoftphone(shared, 'u1', { useHere$: NEVER, liveCallNames$: NEVER })
      .subscribe((event) => events.push(event))
      .unsubscribe();
    await turns();
    expect(events).toEqual([]);
    const next = tab(shared);
    await turns();
    expect(next.events).toEqual([{ type: 'acquired' }]);
    next.subscription.unsubscribe();
  });
});
