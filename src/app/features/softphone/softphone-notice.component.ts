import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { SoftphoneNoticeActions } from '../../state/agent/softphone-notice.actions';
import { selectSoftphoneNotice } from '../../state/agent/softphone.feature';

/**
 * While another tab of the agent's takes the calls: says so, and offers to take them here (asking
 * first when that ends calls there). Otherwise it shows what it wraps.
 */
@Component({
  selector: 'sb-softphone-notice',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notice(); as notice) {
      <section class="notice" aria-label="Softphone">
        <p role="status">{{ notice.message }}</p>
        @if (notice.confirmation; as question) {
          <div class="confirm" role="group" aria-label="Use here?">
            <p role="alert">{{ question }}</p>
            <button mat-flat-button type="button" (click)="endItAndUseHere()">End it and use here</button>
            <button mat-button type="button" (click)="cancel()">Cancel</button>
          </div>
        } @else {
          <button mat-flat-button type="button" (click)="useHere()">Use here</button>
        }
      </section>
    } @else {
      <ng-content />
    }
  `,
  styles: `
    .notice,
    .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .notice {
      padding: 24px;
    }
    p {
      margin: 0;
    }
  `,
})
export class SoftphoneNoticeComponent {
  private readonly store = inject(Store);
  protected readonly notice = this.store.selectSignal(selectSoftphoneNotice);

  protected useHere(): void {
    this.store.dispatch(SoftphoneNoticeActions.useHereClicked());
  }

  protected endItAndUseHere(): void {
    this.store.dispatch(SoftphoneNoticeActions.endItAndUseHereClicked());
  }

  protected cancel(): void {
    this.store.dispatch(SoftphoneNoticeActions.cancelClicked());
  }
}
