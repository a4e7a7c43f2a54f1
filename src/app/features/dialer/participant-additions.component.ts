import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import {
  participantAdditionsFeature,
  selectActiveCallAdditions,
} from '../../state/dialer/participant-additions.feature';
import { FailureMessageComponent } from '../../shared/failure-message.component';

/**
 * People being added to the active call, until they connect; why adding someone failed; and a
 * change to a call's chat that failed.
 */
@Component({
  selector: 'sb-participant-additions',
  imports: [FailureMessageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (chatFailure(); as failure) {
      <sb-failure-message [failure]="failure" />
    }
    @if (additions().length > 0) {
      <h3 id="additions-heading">Adding to your call</h3>
      <ul aria-labelledby="additions-heading">
        @for (addition of additions(); track addition.participantId) {
          <li [attr.aria-label]="addition.name">
            @if (addition.failure; as failure) {
              <sb-failure-message [failure]="failure" />
            } @else {
              <span role="status">{{ progress[addition.status] }} {{ addition.name }}…</span>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
  `,
})
export class ParticipantAdditionsComponent {
  private readonly store = inject(Store);
  protected readonly additions = this.store.selectSignal(selectActiveCallAdditions);
  protected readonly chatFailure = this.store.selectSignal(participantAdditionsFeature.selectChatFailure);
  protected readonly progress: Record<string, string> = {
    preparing: 'Getting the call’s chat ready for',
    adding: 'Adding',
    ringing: 'Ringing',
    failed: '',
  };
}
