import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { Store } from '@ngrx/store';
import type { ShortcutAction } from '../../model/settings';
import { SettingsPageActions } from '../../state/settings/settings-page.actions';
import { settingsFeature } from '../../state/settings/settings.feature';
import { keyInUse, keyOf, SHORTCUT_ACTIONS, SHORTCUT_WORDS } from '../shortcuts/shortcut-keys';

/**
 * The keyboard: shortcuts on or off (single keys must be able to go, WCAG 2.1.4), the digit keys
 * sending tones, and each action's key. A key field takes the next key pressed in it (Tab still
 * moves on); a key another action has is refused, naming that action.
 */
@Component({
  selector: 'sb-shortcut-settings',
  imports: [MatFormField, MatHint, MatInput, MatLabel, MatSlideToggle],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="keyboard-heading">
      <h2 id="keyboard-heading" class="sb-panel-title">Keyboard</h2>
      <mat-slide-toggle [checked]="settings().shortcuts" (change)="change({ shortcuts: $event.checked })"
        >Keyboard shortcuts</mat-slide-toggle
      >
      <mat-slide-toggle
        [checked]="settings().dtmfKeys"
        [disabled]="!settings().shortcuts"
        (change)="change({ dtmfKeys: $event.checked })"
        >Digit keys send tones</mat-slide-toggle
      >
      <p class="note">
        With digit keys on, 0–9, * and # send tones on a call with a phone caller. Press a key combination in
        a field to change its shortcut.
      </p>
      <div class="keys">
        @for (action of actions; track action) {
          <mat-form-field>
            <mat-label>{{ words[action] }}</mat-label>
            <input
              matInput
              readonly
              [attr.data-action]="action"
              [value]="settings().shortcutKeys[action]"
              [disabled]="!settings().shortcuts"
              (keydown)="press(action, $event)"
            />
            @if (problems()[action]; as problem) {
              <mat-hint class="problem" role="alert" [attr.data-problem-for]="words[action]">{{
                problem
              }}</mat-hint>
            }
          </mat-form-field>
        }
      </div>
    </section>
  `,
  styleUrl: './settings-section.css',
  styles: `
    .keys {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 0 16px;
      width: 100%;
    }
  `,
})
export class ShortcutSettingsComponent {
  private readonly store = inject(Store);
  protected readonly settings = this.store.selectSignal(settingsFeature.selectSettingsState);
  protected readonly actions = SHORTCUT_ACTIONS;
  protected readonly words = SHORTCUT_WORDS;
  protected readonly problems = signal<Partial<Record<ShortcutAction, string>>>({});

  protected change(changes: { shortcuts?: boolean; dtmfKeys?: boolean }): void {
    this.store.dispatch(SettingsPageActions.settingsChanged({ changes }));
  }

  protected press(action: ShortcutAction, event: KeyboardEvent): void {
    // Tab and Shift+Tab move through the form as everywhere else; Escape leaves the key as it is.
    if (event.key === 'Tab' || event.key === 'Escape') return;
    const key = keyOf(event);
    if (!key) return;
    event.preventDefault();
    const { shortcutKeys, dtmfKeys } = this.settings();
    const problem = keyInUse(key, shortcutKeys, dtmfKeys, action);
    this.problems.update((all) => ({ ...all, [action]: problem ?? undefined }));
    if (problem || shortcutKeys[action] === key) return;
    this.store.dispatch(
      SettingsPageActions.settingsChanged({ changes: { shortcutKeys: { ...shortcutKeys, [action]: key } } }),
    );
  }
}
