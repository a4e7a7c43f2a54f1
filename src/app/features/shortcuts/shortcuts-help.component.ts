import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { settingsFeature } from '../../state/settings/settings.feature';
import { SHORTCUT_ACTIONS, SHORTCUT_WORDS } from './shortcut-keys';

/** Every shortcut with its key, as the agent set them; and where to change or turn them off. */
@Component({
  selector: 'sb-shortcuts-help',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title id="shortcuts-help-title">Keyboard shortcuts</h2>
    <mat-dialog-content>
      @if (on()) {
        <table>
          <caption class="sb-visually-hidden">
            Keys and what they do
          </caption>
          <tbody>
            @for (row of rows(); track row.action) {
              <tr>
                <th scope="row">{{ row.words }}</th>
                <td>
                  <kbd>{{ row.key }}</kbd>
                </td>
              </tr>
            }
            @if (dtmfKeys()) {
              <tr>
                <th scope="row">Send a tone on the call</th>
                <td><kbd>0</kbd>–<kbd>9</kbd>, <kbd>*</kbd>, <kbd>#</kbd></td>
              </tr>
            }
          </tbody>
        </table>
        <p>Shortcuts do nothing while you type in a field or work in a dialog.</p>
      } @else {
        <p>Keyboard shortcuts are off.</p>
      }
      <p>
        <a routerLink="/settings" mat-dialog-close>Change or turn off shortcuts in Settings</a>
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th {
      text-align: start;
      font-weight: normal;
      padding: 4px 24px 4px 0;
    }
    kbd {
      font: var(--mat-sys-label-large);
      padding: 1px 6px;
      border-radius: 4px;
      border: 1px solid var(--mat-sys-outline);
    }
  `,
})
export class ShortcutsHelpComponent {
  private readonly store = inject(Store);
  private readonly settings = this.store.selectSignal(settingsFeature.selectSettingsState);
  protected readonly on = computed(() => this.settings().shortcuts);
  protected readonly dtmfKeys = computed(() => this.settings().dtmfKeys);
  protected readonly rows = computed(() =>
    SHORTCUT_ACTIONS.map((action) => ({
      action,
      words: SHORTCUT_WORDS[action],
      key: this.settings().shortcutKeys[action],
    })),
  );
}
