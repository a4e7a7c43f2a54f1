import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type {
  ParticipantRowViewModel,
  RosterReason,
} from '../../state/participants/participant-list.view-model';
import { participantStateLabel, participantStateTone } from '../../shared/call-state-label';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { StateChipComponent } from '../../shared/state-chip.component';

/**
 * Each row's height in the roster's virtual scroll, its gap included: the viewport places rows by
 * it, so a row never grows (chips that do not fit, and the end of a long failure, are clipped; the
 * failure is an alert, read whole).
 */
export const PARTICIPANT_ROW_PX = 68;

/**
 * One participant of a call: name, state, role, mute, speaking and camera in words, and Mute and
 * Remove, enabled or not (and why not, by `aria-describedby`) as the view-model says.
 */
@Component({
  selector: 'sb-participant-row',
  imports: [MatButton, FailureMessageComponent, StateChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="who">
      <span class="name">{{ name() }}</span>
      <span class="chips">
        <sb-state-chip class="chip" [label]="stateLabel(p().state)" [tone]="stateTone(p().state)" />
        @if (p().role; as role) {
          <span class="chip role">{{ role }}</span>
        }
        @if (p().isMuted) {
          <span class="chip muted">{{ p().mutedBy ? 'Muted by ' + p().mutedBy : 'Muted' }}</span>
        }
        @if (p().isSpeaking) {
          <span class="chip speaking">Speaking</span>
        }
        @if (p().cameraOn) {
          <span class="chip">Camera on</span>
        }
      </span>
    </div>
    <span class="actions">
      <button
        mat-button
        type="button"
        [tabIndex]="tabbable() ? 0 : -1"
        [disabled]="!p().mute.enabled"
        [disabledInteractive]="p().mute.interactive"
        [attr.aria-describedby]="reasonId()(p().mute.reason)"
        [attr.aria-label]="'Mute ' + name()"
        (click)="p().mute.enabled && mute.emit()"
      >
        Mute
      </button>
      <button
        mat-button
        type="button"
        [tabIndex]="tabbable() ? 0 : -1"
        [disabled]="!p().remove.enabled"
        [disabledInteractive]="p().remove.interactive"
        [attr.aria-describedby]="reasonId()(p().remove.reason)"
        [attr.aria-label]="'Remove ' + name()"
        (click)="p().remove.enabled && remove.emit()"
      >
        Remove
      </button>
    </span>
    @if (p().failure; as failure) {
      <sb-failure-message class="failure" [failure]="failure" />
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-rows: 40px 20px;
      grid-template-areas: 'who actions' 'failure failure';
      column-gap: 8px;
      box-sizing: border-box;
      /* PARTICIPANT_ROW_PX with the margin below. */
      height: 64px;
      margin-bottom: 4px;
      padding: 2px 4px;
      overflow: hidden;
      border-radius: 8px;
    }
    :host(:focus-visible) {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: -3px;
    }
    .who {
      grid-area: who;
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
      overflow: hidden;
    }
    .name {
      font: var(--mat-sys-body-large);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      flex: 0 1 auto;
      min-width: 4em;
    }
    .chips {
      display: flex;
      gap: 4px;
      flex-wrap: nowrap;
      overflow: hidden;
    }
    .chip {
      font: var(--mat-sys-label-medium);
      padding: 2px 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      white-space: nowrap;
    }
    .muted {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .speaking {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .actions {
      grid-area: actions;
      display: flex;
      align-items: center;
    }
    .failure {
      grid-area: failure;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
  `,
})
export class ParticipantRowComponent {
  readonly participant = input.required<ParticipantRowViewModel>();
  /** The id of the line that says why a control is unavailable (the list's own ids). */
  readonly reasonId = input.required<(key: RosterReason['key'] | null) => string | null>();
  /** The row the roster's keyboard focus rests on: only its buttons are in the Tab order. */
  readonly tabbable = input(true);
  readonly mute = output<void>();
  readonly remove = output<void>();

  protected readonly p = this.participant;
  protected readonly name = computed(() => partyName(this.participant().party));
  protected readonly stateLabel = participantStateLabel;
  protected readonly stateTone = participantStateTone;
}
