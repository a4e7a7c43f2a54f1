import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ParticipantEntry } from '../../state/participants/participants.feature';
import { participantStateLabel } from '../../shared/call-state-label';
import { partyName } from '../../shared/party-name';

/** The roster of a call: each participant's state, and whether they are muted or speaking, in words. */
@Component({
  selector: 'sb-participant-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 id="participants-heading">Participants ({{ participants().length }})</h3>
    <ul aria-labelledby="participants-heading">
      @for (p of participants(); track p.participantId) {
        <li [attr.aria-label]="name(p)">
          <span class="name">{{ name(p) }}</span>
          <span class="chip state">{{ stateLabel(p.state) }}</span>
          @if (p.isMuted) {
            <span class="chip muted">Muted</span>
          }
          @if (p.isSpeaking) {
            <span class="chip speaking">Speaking</span>
          }
        </li>
      } @empty {
        <li class="empty">Nobody else is in this call.</li>
      }
    </ul>
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
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
      gap: 8px;
      align-items: center;
      min-height: 32px;
    }
    .name {
      font: var(--mat-sys-body-large);
      margin-right: auto;
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
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ParticipantListComponent {
  readonly participants = input.required<readonly ParticipantEntry[]>();
  protected readonly name = (p: ParticipantEntry) =>
    partyName({ identity: p.identity, displayName: p.displayName });
  protected readonly stateLabel = participantStateLabel;
}
