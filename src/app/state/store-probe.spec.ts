import { TestBed } from '@angular/core/testing';
import { createAction, createReducer, on, provideStore, Store } from '@ngrx/store';
import { Subscriber } from 'rxjs';
import { storeProbeMetaReducers, type SwitchboardProbe } from './store-probe';

const rang = createAction('[Bench] Rang');
const counter = createReducer(
  0,
  on(rang, (count) => count + 1),
);

type Probed = typeof globalThis & { __switchboardProbe?: SwitchboardProbe };

describe('storeProbe', () => {
  afterEach(() => delete (globalThis as Probed).__switchboardProbe);

  const store = () => {
    TestBed.configureTestingModule({
      providers: [provideStore({ counter }, { metaReducers: storeProbeMetaReducers })],
    });
    return TestBed.inject(Store<{ counter: number }>);
  };

  it('tells an installed probe of every commit: the action, the state it produced and RxJS’s Subscriber', () => {
    const commits: { type: string; state: unknown; subscriber: unknown }[] = [];
    (globalThis as Probed).__switchboardProbe = {
      commit: (type, state, subscriber) => commits.push({ type, state, subscriber }),
    };
    store().dispatch(rang());
    expect(commits.at(-1)).toEqual({ type: '[Bench] Rang', state: { counter: 1 }, subscriber: Subscriber });
  });

  it('leaves the store as it is when no probe is installed', () => {
    const probed = store();
    probed.dispatch(rang());
    probed.dispatch(rang());
    expect(probed.selectSignal((state) => state.counter)()).toBe(2);
  });
});
