import { type ApplicationRef, provideZonelessChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { Store } from '@ngrx/store';
import { take } from 'rxjs/operators';
import { configure, listenerCount } from '../../../../emulator/client';
import { createInMemoryEmulator } from '../../../../emulator/testing/in-memory';
import { RELOAD_NOTE_STORAGE } from '../../core/reload-note-storage';
import { SOFTPHONE_BROWSER } from '../../core/softphone-claim';
import { agentFeature } from '../agent/agent.feature';
import { AppActions } from '../agent/app.actions';
import { ShellActions } from '../agent/shell.actions';
import { QueuePanelActions } from '../queue/queue-panel.actions';
import { selectQueuedCalls } from '../queue/queue.feature';
import { emulatedConsoleProviders } from './emulated-console';
import { MemoryStorage } from './memory-storage';

/** A tab's sessionStorage: it outlives the tab's reloads (a new tab given the same one). */
export class TabStorage extends MemoryStorage {
  /** What a duplicated tab starts with: the browser copies the tab's sessionStorage. */
  copy(): TabStorage {
    const copy = new TabStorage();
    this.items.forEach((value, key) => copy.setItem(key, value));
    return copy;
  }
}

export interface AgentTab {
  readonly store: Store;
  readonly storage: TabStorage;
  readonly app: ApplicationRef;
  state<T>(selector: (state: object) => T): T;
  /** The tab goes away as a closed (or crashed, or reloaded) tab does: no sign-out, its injector destroyed. */
  close(): void;
}

/**
 * Tabs of one browser for the same agent, over one in-memory emulator: each tab is an application
 * of its own (its own root injector, store, calling session and claim on the softphone), as two
 * tabs are. They share the browser's real Web Locks and BroadcastChannel, under a namespace of
 * this test's own.
 */
export function agentTabs(userKey = 'alex', { seed = 1 } = {}) {
  const emulator = createInMemoryEmulator({ seed });
  configure({ transport: emulator.transport });
  const baseline = listenerCount();
  const namespace = `switchboard-softphone-test-${crypto.randomUUID()}`;
  const tabs: AgentTab[] = [];

  const open = async (storage = new TabStorage()): Promise<AgentTab> => {
    const app = await createApplication({
      providers: [
        provideZonelessChangeDetection(),
        ...emulatedConsoleProviders(emulator, userKey),
        {
          provide: SOFTPHONE_BROWSER,
          useValue: {
            locks: navigator.locks,
            openChannel: (name: string) => new BroadcastChannel(name),
            namespace,
          },
        },
        { provide: RELOAD_NOTE_STORAGE, useValue: storage },
      ],
    });
    const store = app.injector.get(Store);
    const tab: AgentTab = {
      store,
      storage,
      app,
      state: (selector) => {
        let value!: ReturnType<typeof selector>;
        store
          .select(selector)
          .pipe(take(1))
          .subscribe((v) => (value = v));
        return value;
      },
      close: () => {
        tabs.splice(tabs.indexOf(tab), 1);
        app.destroy();
      },
    };
    tabs.push(tab);
    store.dispatch(AppActions.started());
    return tab;
  };

  /**
   * Lets every delivery, lock grant, channel message and effect run, without moving the clock:
   * until no tab's state has changed for a few turns of the event loop.
   */
  const settle = async () => {
    let last: unknown[] = [];
    for (let turn = 0, quiet = 0; turn < 200; turn++) {
      await emulator.settle();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const now = tabs.map((tab) => tab.state((state) => state));
      quiet = now.length === last.length && now.every((state, i) => state === last[i]) ? quiet + 1 : 0;
      last = now;
      if (quiet === 3) return;
    }
    throw new Error('The tabs did not settle: a store still changed after 200 turns.');
  };

  /** Settles until the tab takes calls (its agent ready), or throws. */
  const untilReady = async (tab: AgentTab) => {
    for (let i = 0; i < 20 && tab.state(agentFeature.selectStatus) !== 'ready'; i++) await settle();
    if (tab.state(agentFeature.selectStatus) !== 'ready')
      throw new Error(`${userKey}'s tab did not get ready.`);
  };

  /** A phone call from Casey Morgan through the Billing queue, accepted in the tab it rings in. */
  const acceptCaseyIn = async (tab: AgentTab) => {
    const id = emulator.world.enqueuePhoneCall({
      from: '+14255550142',
      displayName: 'Casey Morgan',
      queue: 'Billing',
      patienceMs: 600_000,
      talkMs: 600_000,
    });
    await settle();
    tab.store.dispatch(QueuePanelActions.acceptClicked({ id }));
    await settle();
    return id;
  };

  /** A queued call rings: the ids of the calls ringing in each tab. */
  const ringOnce = async (...inTabs: AgentTab[]) => {
    const id = emulator.world.enqueuePhoneCall({ queue: 'Billing', patienceMs: 60_000, talkMs: 60_000 });
    await settle();
    return { id, ringing: inTabs.map((tab) => tab.state(selectQueuedCalls).map((call) => call.id)) };
  };

  /** Every tab signs out and goes; the emulator's listeners must be back where they started. */
  const closeAll = async () => {
    for (const tab of [...tabs].reverse()) {
      tab.store.dispatch(ShellActions.signOutClicked());
      await settle();
      tab.close();
    }
    await settle();
    expect(listenerCount())
      .withContext(`${userKey}'s emulator listeners once every tab closed`)
      .toBe(baseline);
  };

  return { emulator, open, settle, untilReady, acceptCaseyIn, ringOnce, closeAll, tabs };
}
