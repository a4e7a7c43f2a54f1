import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { SupervisorFloorPageActions } from '../../state/floor/supervisor-floor-page.actions';
import { supervisorFloorFeature } from '../../state/floor/supervisor-floor.feature';
import {
  CLOSED_CARD_MS,
  selectRequestCards,
  type RequestCard,
} from '../../state/floor/supervisor-floor.view-model';
import { DurationPipe } from '../../shared/duration.pipe';

/**
 * Agents' "Ask supervisor" requests: who asks, for which caller, from which queue, how long the
 * caller has waited, Join / Decline. A card another supervisor took says so briefly, then goes.
 */
@Component({
  selector: 'sb-floor-requests-panel',
  imports: [MatButton, DurationPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="floor-requests-heading">
      <h2 id="floor-requests-heading" class="sb-panel-title">Requests</h2>
      @if (failure(); as failure) {
        <p class="failure" role="alert">{{ failure }}</p>
      }
      @if (cards().length === 0) {
        <p class="sb-empty">No agent is asking for help.</p>
      } @else {
        <ul class="sb-cards" aria-label="Requests for help">
          @for (card of cards(); track card.requestId) {
            <li
              class="card"
              [attr.aria-label]="card.agentName + ' asks for help'"
              data-testid="floor-request"
            >
              <p class="who">
                <span class="agent">{{ card.agentName }}</span> asks for help
              </p>
              <p class="meta">
                <span class="caller">{{ card.caller }}</span> · <span class="queue">{{ card.queue }}</span> ·
                <span class="waited">Waited {{ ticker.now() - card.callerWaitingSince | duration }}</span>
              </p>
              @if (card.closedText; as closed) {
                <p class="closed" role="status">{{ closed }}</p>
              } @else {
                <div class="actions">
                  <button
                    mat-flat-button
                    type="button"
                    [disabled]="card.joining"
                    [attr.aria-label]="'Join ' + card.agentName + '’s call with ' + card.caller"
                    (click)="join(card)"
                  >
                    {{ card.joining ? 'Joining…' : 'Join' }}
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="card.joining"
                    [attr.aria-label]="'Decline ' + card.agentName + '’s request'"
                    (click)="decline(card)"
                  >
                    Decline
                  </button>
                </div>
              }
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .card {
      display: grid;
      gap: 4px;
      padding: 12px 16px;
    }
    p {
      margin: 0;
    }
    .who {
      font: var(--mat-sys-title-medium);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 4px;
    }
    .failure {
      color: var(--mat-sys-error);
      margin-bottom: 8px;
    }
  `,
})
export class FloorRequestsPanelComponent {
  private readonly store = inject(Store);
  protected readonly ticker = inject(Ticker);
  private readonly all = this.store.selectSignal(selectRequestCards);
  protected readonly failure = this.store.selectSignal(supervisorFloorFeature.selectFailure);
  /** Open cards, and closed ones for a few seconds after they closed. */
  protected readonly cards = computed(() =>
    this.all().filter((card) => card.closedAt === null || this.ticker.now() < card.closedAt + CLOSED_CARD_MS),
  );

  join(card: RequestCard): void {
    this.store.dispatch(
      SupervisorFloorPageActions.joinClicked({
        agentId: card.agentId,
        callKey: card.callKey,
        requestId: card.requestId,
      }),
    );
  }

  decline(card: RequestCard): void {
    this.store.dispatch(SupervisorFloorPageActions.declineClicked({ requestId: card.requestId }));
  }
}
