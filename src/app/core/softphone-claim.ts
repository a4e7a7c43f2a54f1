import { InjectionToken } from '@angular/core';
import { Observable, Subscription } from 'rxjs';

/** The browser's means for tabs of one origin to share the softphone: Web Locks and a broadcast channel. */
export interface SoftphoneBrowser {
  /** Undefined in a browser without Web Locks (or outside a secure context): every tab takes calls. */
  readonly locks: Pick<LockManager, 'request'> | undefined;
  openChannel(name: string): Pick<BroadcastChannel, 'postMessage' | 'close' | 'onmessage'>;
  /** What the lock and the channel are named after, before the user's id. */
  readonly namespace: string;
}

/**
 * The browser's own locks and channels: every tab of this origin sees them, and the browser frees a
 * lock whose tab closes or crashes. Tests give a namespace of their own, so two "tabs" in one page
 * contend for a lock no other test holds.
 */
export const SOFTPHONE_BROWSER = new InjectionToken<SoftphoneBrowser>('SOFTPHONE_BROWSER', {
  providedIn: 'root',
  factory: () => ({
    locks: globalThis.navigator?.locks,
    openChannel: (name) => new BroadcastChannel(name),
    namespace: 'switchboard-softphone',
  }),
});

export type SoftphoneClaimEvent =
  | { readonly type: 'acquired' }
  | { readonly type: 'heldElsewhere'; readonly liveCallNames: readonly string[] }
  | { readonly type: 'released' };

/** What the tabs of one user say to each other. */
type SoftphoneMessage =
  { readonly type: 'holding'; readonly liveCallNames: readonly string[] } | { readonly type: 'whoHolds' };

/** What the tab tells its claim, while it is subscribed. */
export interface SoftphoneClaimInputs {
  /** The agent chose to take the softphone from the tab that holds it. */
  readonly useHere$: Observable<unknown>;
  /** The names of this tab's live calls, for the other tabs to warn with. */
  readonly liveCallNames$: Observable<readonly string[]>;
}

/**
 * One user's claim on the softphone in this tab. It holds the lock `<namespace>:<userId>` for as
 * long as it is subscribed and nobody takes it over; unsubscribing (sign-out) frees it.
 *
 * 1. The lock, if free: `acquired`. Held by another tab: `heldElsewhere`, with the names of that
 *    tab's live calls (it announces them on the channel, and again whenever they change).
 * 2. Meanwhile this tab waits in the lock's queue: when the holder closes, crashes or signs out, the
 *    browser frees its lock and this tab takes calls by itself (`acquired`). An agent who closed
 *    the tab that rang expects the one left open to ring; a notice offering "Use here" would leave
 *    calls unanswered until someone noticed it.
 * 3. Use here steals the lock (`steal: true`): the holder's claim is aborted by the browser
 *    itself, so no message can be lost and no third tab can get in between. The holder then
 *    reports `released`, and waits in the queue as in 2.
 */
export function claimSoftphone(
  browser: SoftphoneBrowser,
  userId: string,
  { useHere$, liveCallNames$ }: SoftphoneClaimInputs,
): Observable<SoftphoneClaimEvent> {
  return new Observable<SoftphoneClaimEvent>((subscriber) => {
    const locks = browser.locks;
    if (!locks) {
      subscriber.next({ type: 'acquired' });
      return undefined;
    }
    const name = `${browser.namespace}:${userId}`;
    const channel = browser.openChannel(name);
    let closed = false;
    let liveCallNames: readonly string[] = [];
    /** Lets the held lock go (resolves the promise the lock is held by); null while not holding. */
    let letGo: (() => void) | null = null;
    let waiting: AbortController | null = null;

    const post = (message: SoftphoneMessage) => {
      if (!closed) channel.postMessage(message);
    };
    channel.onmessage = ({ data }: MessageEvent<SoftphoneMessage>) => {
      if (data.type === 'whoHolds' && letGo) post({ type: 'holding', liveCallNames });
      if (data.type === 'holding' && !letGo)
        subscriber.next({ type: 'heldElsewhere', liveCallNames: data.liveCallNames });
    };

    const hold = (lock: Lock | null): Promise<void> | undefined => {
      if (!lock || closed) return undefined;
      waiting = null;
      const held = new Promise<void>((resolve) => (letGo = resolve));
      subscriber.next({ type: 'acquired' });
      post({ type: 'holding', liveCallNames });
      return held;
    };
    /** Requests the lock; a granted lock the browser aborts was stolen by another tab's Use here. */
    const request = (options: LockOptions) => {
      let granted = false;
      locks
        .request(name, options, (lock) => {
          granted = lock !== null && !closed;
          return hold(lock);
        })
        .then(
          (result) => {
            // Not free (ifAvailable): another tab holds it; ask what it has live, and queue.
            if (!granted && result === undefined && options.ifAvailable && !closed) heldElsewhere();
          },
          () => {
            if (!granted || closed) return; // a wait aborted by this tab (Use here, sign-out)
            // Stolen (the browser aborts the holder's request): this tab lets go, and queues again.
            letGo?.();
            letGo = null;
            subscriber.next({ type: 'released' });
            wait();
          },
        );
    };
    const wait = () => {
      waiting = new AbortController();
      request({ signal: waiting.signal });
    };
    const heldElsewhere = () => {
      subscriber.next({ type: 'heldElsewhere', liveCallNames: [] });
      post({ type: 'whoHolds' });
      wait();
    };

    const inputs = new Subscription();
    inputs.add(
      useHere$.subscribe(() => {
        if (letGo || closed) return;
        waiting?.abort();
        waiting = null;
        request({ steal: true });
      }),
    );
    inputs.add(
      liveCallNames$.subscribe((names) => {
        liveCallNames = names;
        if (letGo) post({ type: 'holding', liveCallNames });
      }),
    );
    request({ ifAvailable: true });

    return () => {
      closed = true;
      inputs.unsubscribe();
      waiting?.abort();
      letGo?.();
      letGo = null;
      channel.onmessage = null;
      channel.close();
    };
  });
}
