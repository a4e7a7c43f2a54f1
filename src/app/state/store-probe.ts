import type { Action, ActionReducer, MetaReducer } from '@ngrx/store';
import { Subscriber } from 'rxjs';

/**
 * What a benchmark page may install as `globalThis.__switchboardProbe` before the console starts
 * (docs/store-probe.md). Nothing in the console installs one.
 */
export interface SwitchboardProbe {
  /**
   * Called after every reducer run with the action's type and the state it produced. `Subscriber`
   * is RxJS's class, so the page can count the live subscriptions (every `subscribe` makes one).
   */
  commit(actionType: string, state: unknown, subscriber: typeof Subscriber): void;
}

/**
 * Tells a benchmark's probe of each store commit, when one is installed. Without one this is one
 * property read per action: the optional call evaluates none of its arguments.
 */
export function storeProbe(reducer: ActionReducer<unknown, Action>): ActionReducer<unknown, Action> {
  return (state, action) => {
    const next = reducer(state, action);
    (globalThis as { __switchboardProbe?: SwitchboardProbe }).__switchboardProbe?.commit(
      action.type,
      next,
      Subscriber,
    );
    return next;
  };
}

export const storeProbeMetaReducers: MetaReducer[] = [storeProbe];
