import { _IdGenerator } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type {
  ParticipantListViewModel,
  ParticipantRowViewModel,
  RosterReason,
} from '../../state/participants/participant-list.view-model';
import { participantStateLabel, participantStateTone } from '../../shared/call-state-label';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { StateChipComponent } from '../../shared/state-chip.component';

/**
 * The roster of a call: each participant's state, role, mute, speaking and camera in words; Mute and
 * Remove per participant and Mute all others, enabled or not (and why not) as its view-model says.
 */
@Component({
  selector: 'sb-participant-list',
  imports: [MatButton, FailureMessageComponent, StateChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="header">
      <h3 [id]="ids.heading">Participants ({{ roster().participants.length }})</h3>
      <button
        mat-stroked-button
        type="button"
        class="add"
        [disabled]="!roster().add.enabled"
        [disabledInteractive]="roster().add.interactive"
        [attr.aria-describedby]="reasonId(roster().add.reason)"
        (click)="roster().add.enabled && add.emit()"
      >
        Add participant
      </button>
      <button
        mat-stroked-button
        type="button"
        class="mute-all"
        [disabled]="!roster().muteAll.enabled"
        [disabledInteractive]="roster().muteAll.interactive"
        [attr.aria-describedby]="reasonId(roster().muteAll.reason)"
        (click)="roster().muteAll.enabled && muteAll.emit()"
      >
        Mute all others
      </button>
    </div>
    @for (line of roster().reasons; track line.key) {
      <p class="reason" [id]="reasonId(line.key)">{{ line.text }}</p>
    }
    @if (roster().muteAllFailure; as failure) {
      <sb-failure-message class="mute-all-failure" [failure]="failure" />
    }
    <ul [attr.aria-labelledby]="ids.heading">
      @for (p of roster().participants; track p.participantId) {
        <li [attr.aria-label]="name(p)">
          <span class="name">{{ name(p) }}</span>
          <span class="chips">
            <sb-state-chip class="chip" [label]="stateLabel(p.state)" [tone]="stateTone(p.state)" />
            @if (p.role; as role) {
              <span class="chip role">{{ role }}</span>
            }
            @if (p.isMuted) {
              <span class="chip muted">{{ p.mutedBy ? 'Muted by ' + p.mutedBy : 'Muted' }}</span>
            }
            @if (p.isSpeaking) {
              <span class="chip speaking">Speaking</span>
            }
            @if (p.cameraOn) {
              <span class="chip">Camera on</span>
            }
          </span>
          <span class="actions">
            <button
              mat-button
              type="button"
              [disabled]="!p.mute.enabled"
              [disabledInteractive]="p.mute.interactive"
              [attr.aria-describedby]="reasonId(p.mute.reason)"
              [attr.aria-label]="'Mute ' + name(p)"
              (click)="p.mute.enabled && muteParticipant.emit(p.participantId)"
            >
              Mute
            </button>
            <button
              mat-button
              type="button"
              [disabled]="!p.remove.enabled"
              [disabledInteractive]="p.remove.interactive"
              [attr.aria-describedby]="reasonId(p.remove.reason)"
              [attr.aria-label]="'Remove ' + name(p)"
              (click)="p.remove.enabled && removeParticipant.emit(p.participantId)"
            >
              Remove
            </button>
          </span>
          @if (p.failure; as failure) {
            <sb-failure-message class="failure" [failure]="failure" />
          }
        </li>
      } @empty {
        <li class="empty">Nobody else is in this call.</li>
      }
    </ul>
  `,
  styles: `
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin: 16px 0 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 auto 0 0;
    }
    .reason {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      min-height: 32px;
    }
    .name {
      font: var(--mat-sys-body-large);
      margin-right: auto;
    }
    .chips {
      display: flex;
      gap: 4px;
      flex-wrap: wrap;
    }
    .chip {
      font: var(--mat-sys-label-medium);
      padding: 2px 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .muted {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .speaking {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .failure {
      flex-basis: 100%;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ParticipantListComponent {
  /** The roster as the state says the agent sees it (`selectActiveParticipantListViewModel`). */
  readonly roster = input.required<ParticipantListViewModel>();
  readonly muteParticipant = output<string>();
  readonly removeParticipant = output<string>();
  readonly muteAll = output<void>();
  /** Add participant was clicked: the container opens the dialog that adds someone. */
  readonly add = output<void>();

  /** Ids of this list's own: two rosters on a page never share one. */
  private readonly prefix = inject(_IdGenerator).getId('sb-roster-');
  protected readonly ids = { heading: `${this.prefix}-heading` };
  protected readonly reasonId = (key: RosterReason['key'] | null) =>
    key === null ? null : `${this.prefix}-${key}-reason`;

  protected readonly name = (p: ParticipantRowViewModel) => partyName(p.party);
  protected readonly stateLabel = participantStateLabel;
  protected readonly stateTone = participantStateTone;
}
