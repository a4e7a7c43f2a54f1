import { DOCUMENT, Injectable, InjectionToken, inject } from '@angular/core';

/** The browser's `Notification`, or null where it has none. Tests give a fake. */
export const NOTIFICATIONS = new InjectionToken<typeof Notification | null>('NOTIFICATIONS', {
  factory: () => (typeof Notification === 'function' ? Notification : null),
});

/** Whether the agent cannot see the tab now (another tab, minimised). */
export const PAGE_HIDDEN = new InjectionToken<() => boolean>('PAGE_HIDDEN', {
  factory: () => {
    const document = inject(DOCUMENT);
    return () => document.visibilityState === 'hidden';
  },
});

/**
 * Desktop notifications, one per thing to say (a ringing call), raised only while the tab is
 * hidden and the browser allows them (the Settings page asks for the permission); a click brings
 * the tab forward.
 */
@Injectable({ providedIn: 'root' })
export class DesktopAlerts {
  private readonly notifications = inject(NOTIFICATIONS);
  private readonly hidden = inject(PAGE_HIDDEN);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly shown = new Map<string, Notification>();

  /** Raises the notification for `key` unless it is up already, the tab is seen, or not allowed. */
  show(key: string, title: string, body: string): void {
    const api = this.notifications;
    if (this.shown.has(key) || !api || api.permission !== 'granted' || !this.hidden()) return;
    const notification = new api(title, { body });
    notification.onclick = () => {
      this.window?.focus();
      notification.close();
    };
    this.shown.set(key, notification);
  }

  /** Takes down every notification but those of `keep` (the calls still ringing). */
  keepOnly(keep: ReadonlySet<string>): void {
    for (const [key, notification] of this.shown)
      if (!keep.has(key)) {
        notification.close();
        this.shown.delete(key);
      }
  }
}
