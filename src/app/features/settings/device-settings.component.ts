import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { of } from 'rxjs';
import { catchError, map, switchMap } from 'rxjs/operators';
import { DeviceSettings, type DeviceKind } from '../../state/settings/device-settings';
import { settingsFeature } from '../../state/settings/settings.feature';
import { FailureMessageComponent } from '../../shared/failure-message.component';

/** What the meter shows: a level (0–100), or why it cannot. */
type Level = { readonly percent: number } | { readonly problem: string };

/**
 * The devices calls use, from the SDK's device manager, each applied as soon as it is chosen; and
 * a level meter on the chosen microphone, so the agent sees it hears them.
 */
@Component({
  selector: 'sb-device-settings',
  imports: [FailureMessageComponent, MatFormField, MatHint, MatLabel, MatOption, MatSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading" class="sb-panel-title">Devices</h2>
      @if (devices.failures().lists; as failure) {
        <sb-failure-message [failure]="failure" />
      }
      @if (lists(); as lists) {
        <mat-form-field>
          <mat-label>Microphone</mat-label>
          <mat-select [value]="microphoneId()" (valueChange)="choose('microphone', $event)">
            @for (device of lists.microphones; track device.id) {
              <mat-option [value]="device.id">{{ device.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (devices.failures().microphone; as failure) {
          <sb-failure-message [failure]="failure" />
        }
        <div class="meter">
          <span id="microphone-level-label">Microphone level</span>
          @let shown = level();
          @if ('percent' in shown) {
            <div
              class="bar"
              role="meter"
              aria-labelledby="microphone-level-label"
              aria-valuemin="0"
              aria-valuemax="100"
              [attr.aria-valuenow]="shown.percent"
            >
              <div class="fill" [style.width.%]="shown.percent"></div>
            </div>
          } @else {
            <span class="note" role="status">{{ shown.problem }}</span>
          }
        </div>
        @if (lists.speakerSelection) {
          <mat-form-field>
            <mat-label>Speaker</mat-label>
            <mat-select [value]="speakerId()" (valueChange)="choose('speaker', $event)">
              @for (device of lists.speakers; track device.id) {
                <mat-option [value]="device.id">{{ device.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        } @else {
          <p class="note">This browser plays calls through the system’s speaker.</p>
        }
        @if (devices.failures().speaker; as failure) {
          <sb-failure-message [failure]="failure" />
        }
        <mat-form-field>
          <mat-label>Camera</mat-label>
          <mat-select [value]="cameraId()" (valueChange)="choose('camera', $event)">
            @for (device of lists.cameras; track device.id) {
              <mat-option [value]="device.id">{{ device.name }}</mat-option>
            }
          </mat-select>
          <mat-hint>Used the next time you turn your camera on.</mat-hint>
        </mat-form-field>
      } @else if (!devices.failures().lists) {
        <p class="note" role="status">Finding your devices…</p>
      }
    </section>
  `,
  styleUrl: './settings-section.css',
  styles: `
    mat-form-field {
      min-width: 320px;
    }
    .meter {
      display: flex;
      gap: 12px;
      align-items: center;
    }
    .bar {
      width: 240px;
      height: 8px;
      border-radius: 4px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-highest);
      outline: 1px solid var(--mat-sys-outline);
    }
    .fill {
      height: 100%;
      background: var(--mat-sys-primary);
    }
  `,
})
export class DeviceSettingsComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly devices = inject(DeviceSettings);
  protected readonly lists = this.devices.lists;
  private readonly settings = this.store.selectSignal(settingsFeature.selectSettingsState);
  /** The chosen device while it is listed; else the one the device manager has in use. */
  protected readonly microphoneId = computed(
    () =>
      this.listed('microphones', this.settings().microphoneId) ?? this.lists()?.selectedMicrophoneId ?? null,
  );
  protected readonly speakerId = computed(
    () => this.listed('speakers', this.settings().speakerId) ?? this.lists()?.selectedSpeakerId ?? null,
  );
  protected readonly cameraId = computed(
    () => this.listed('cameras', this.settings().cameraId) ?? this.lists()?.cameras[0]?.id ?? null,
  );
  /** Measured only once the lists are in (asking for them is what grants the microphone). */
  protected readonly level = toSignal(
    toObservable(computed(() => (this.lists() ? this.microphoneId() : undefined))).pipe(
      switchMap((id) =>
        id === undefined
          ? of<Level>({ percent: 0 })
          : this.devices.level(id).pipe(
              map((level): Level => ({ percent: Math.round(level * 100) })),
              catchError((error: unknown) =>
                of<Level>({
                  problem: `The microphone level cannot be shown: ${error instanceof Error ? error.message : String(error)}`,
                }),
              ),
            ),
      ),
    ),
    { initialValue: { percent: 0 } as Level },
  );

  ngOnInit(): void {
    void this.devices.refresh();
  }

  protected choose(kind: DeviceKind, id: string): void {
    void this.devices.choose(kind, id);
  }

  private listed(list: 'microphones' | 'speakers' | 'cameras', id: string | null): string | null {
    return id && this.lists()?.[list].some((device) => device.id === id) ? id : null;
  }
}
