import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { Store } from '@ngrx/store';
import type { AgentSettings } from '../../model/settings';
import { SettingsPageActions } from '../../state/settings/settings-page.actions';
import { settingsFeature } from '../../state/settings/settings.feature';
import { DeviceSettingsComponent } from './device-settings.component';
import { ShortcutSettingsComponent } from './shortcut-settings.component';

/** Desktop notifications need the browser's permission: asked when the agent turns them on. */
export type NotificationPermissionState = NotificationPermission | 'unsupported';

const permissionNow = (): NotificationPermissionState =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/**
 * The agent's own settings, each kept as soon as it changes: alerts, the keyboard, their status
 * after a missed call, history, and devices.
 */
@Component({
  selector: 'sb-settings-page',
  imports: [
    DeviceSettingsComponent,
    MatButton,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatSlideToggle,
    ShortcutSettingsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="sb-page-title">Settings</h1>
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading" class="sb-panel-title">Alerts</h2>
      <mat-slide-toggle [checked]="settings().sound" (change)="change({ sound: $event.checked })"
        >Play a ringtone</mat-slide-toggle
      >
      <mat-slide-toggle [checked]="settings().desktopAlerts" (change)="desktopAlerts($event.checked)"
        >Desktop notifications</mat-slide-toggle
      >
      @if (settings().desktopAlerts) {
        @switch (permission()) {
          @case ('denied') {
            <p class="note" role="status">
              Your browser blocks notifications from Switchboard. Allow them in the browser’s site settings.
            </p>
          }
          @case ('default') {
            <p class="note">
              The browser has not been asked yet.
              <button mat-button type="button" (click)="askPermission()">Allow notifications</button>
            </p>
          }
          @case ('unsupported') {
            <p class="note" role="status">This browser cannot show desktop notifications.</p>
          }
        }
      }
    </section>
    <sb-shortcut-settings />
    <section aria-labelledby="status-heading">
      <h2 id="status-heading" class="sb-panel-title">Status</h2>
      <mat-slide-toggle
        [checked]="settings().awayAfterMissedCall"
        (change)="change({ awayAfterMissedCall: $event.checked })"
        >Set me Away when I miss a queue call</mat-slide-toggle
      >
    </section>
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" class="sb-panel-title">History</h2>
      <mat-form-field>
        <mat-label>Keep history for (days)</mat-label>
        <input
          matInput
          type="number"
          min="1"
          max="365"
          step="1"
          [value]="settings().historyDays"
          (change)="historyDays($any($event.target).value)"
        />
        @if (daysProblem(); as problem) {
          <mat-hint class="problem" role="alert" data-problem-for="Keep history for (days)">{{
            problem
          }}</mat-hint>
        } @else {
          <mat-hint>Older calls are deleted from this browser.</mat-hint>
        }
      </mat-form-field>
      <mat-slide-toggle
        [checked]="settings().keepTranscripts"
        (change)="change({ keepTranscripts: $event.checked })"
        >Keep caption transcripts with history</mat-slide-toggle
      >
      <p class="note">Callers may say card numbers: transcripts are kept only when this is on.</p>
    </section>
    <sb-device-settings />
    <div class="restore">
      <button mat-stroked-button type="button" (click)="restoreDefaults()">Restore defaults</button>
    </div>
  `,
  styleUrl: './settings-section.css',
  styles: `
    :host {
      display: grid;
      gap: 24px;
      max-width: 720px;
      margin: 0 auto;
      padding: 16px 24px 48px;
    }
  `,
})
export class SettingsPageComponent {
  private readonly store = inject(Store);
  protected readonly settings = this.store.selectSignal(settingsFeature.selectSettingsState);
  protected readonly permission = signal<NotificationPermissionState>(permissionNow());
  protected readonly daysProblem = signal<string | null>(null);

  protected change(changes: Partial<AgentSettings>): void {
    this.store.dispatch(SettingsPageActions.settingsChanged({ changes }));
  }

  protected desktopAlerts(on: boolean): void {
    this.change({ desktopAlerts: on });
    if (on && this.permission() === 'default') void this.askPermission();
  }

  protected async askPermission(): Promise<void> {
    if (typeof Notification === 'undefined') return;
    this.permission.set(await Notification.requestPermission());
  }

  protected historyDays(text: string): void {
    const days = Number(text);
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      this.daysProblem.set('Type a whole number of days from 1 to 365.');
      return;
    }
    this.daysProblem.set(null);
    this.change({ historyDays: days });
  }

  protected restoreDefaults(): void {
    this.daysProblem.set(null);
    this.store.dispatch(SettingsPageActions.defaultsRestored());
  }
}
