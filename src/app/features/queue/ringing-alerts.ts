import {
  DestroyRef,
  Injectable,
  inject,
  provideEnvironmentInitializer,
  type EnvironmentProviders,
} from '@angular/core';
import { Store } from '@ngrx/store';
import { combineLatest } from 'rxjs';
import { DesktopAlerts } from '../../core/desktop-alerts';
import { Ringtone } from '../../core/ringtone';
import { TabTitle } from '../../core/tab-title';
import type { IncomingCallSnapshot } from '../../model/snapshots';
import { partyName } from '../../shared/party-name';
import { selectRingingCalls } from '../../state/queue/queue.feature';
import { settingsFeature } from '../../state/settings/settings.feature';

const PRODUCT = 'Switchboard';

/** The tab's title while calls ring: who, or how many. */
export function ringingTitle(calls: readonly IncomingCallSnapshot[]): string {
  return calls.length === 1
    ? `Ringing: ${partyName(calls[0].caller)} · ${PRODUCT}`
    : `Ringing (${calls.length}) · ${PRODUCT}`;
}

/** "Billing queue", or what kind of call it is when no queue routed it. */
export function ringingFrom(call: IncomingCallSnapshot): string {
  return call.queue ? `${call.queue} queue` : 'Direct call';
}

/**
 * A ringing call is heard and seen wherever the agent is in the console: the ringtone (with
 * `settings.sound`), the tab's title, a desktop notification while the tab is hidden (with
 * `settings.desktopAlerts`). Each follows the store the moment it changes: the ringtone stops on
 * the action that leaves nothing ringing (accepted, rejected, taken elsewhere), never a frame later.
 */
@Injectable({ providedIn: 'root' })
export class RingingAlerts {
  constructor() {
    const store = inject(Store);
    const ringtone = inject(Ringtone);
    const title = inject(TabTitle);
    const alerts = inject(DesktopAlerts);
    const ringing$ = store.select(selectRingingCalls);
    let seen = new Set<string>();
    const subscriptions = [
      combineLatest([ringing$, store.select(settingsFeature.selectSound)]).subscribe(([calls, sound]) =>
        calls.length > 0 && sound ? ringtone.start() : ringtone.stop(),
      ),
      store.select(settingsFeature.selectSpeakerId).subscribe((id) => ringtone.useSpeaker(id)),
      ringing$.subscribe((calls) => (calls.length > 0 ? title.show(ringingTitle(calls)) : title.restore())),
      combineLatest([ringing$, store.select(settingsFeature.selectDesktopAlerts)]).subscribe(
        ([calls, desktopAlerts]) => {
          alerts.keepOnly(new Set(desktopAlerts ? calls.map((call) => call.id) : []));
          // Only a call that starts ringing raises one: those ringing already were seen, or said.
          const fresh = calls.filter((call) => !seen.has(call.id));
          seen = new Set(calls.map((call) => call.id));
          if (desktopAlerts)
            for (const call of fresh)
              alerts.show(call.id, `Call from ${partyName(call.caller)}`, ringingFrom(call));
        },
      ),
    ];
    inject(DestroyRef).onDestroy(() => {
      for (const subscription of subscriptions) subscription.unsubscribe();
      ringtone.stop();
      title.restore();
      alerts.keepOnly(new Set());
    });
  }
}

/** Starts the ringing alerts with the app: calls ring whichever screen is showing. */
export function provideRingingAlerts(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => inject(RingingAlerts));
}
