import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { TransferPanelViewModel } from '../../state/transfer/transfer.view-model';

/**
 * Handing the caller on, where the agent acted: the step in words ("Transferring to Blake Chen…",
 * "Transfer to Blake Chen failed: … Robin Park is back with you.") with the code beside a failure;
 * while consulting, the three ways out: Complete transfer, Conference, Cancel transfer.
 */
@Component({
  selector: 'sb-transfer-steps',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (transfer().line; as line) {
      <p class="line" [attr.data-tone]="line.tone">
        <span class="text" role="status">{{ line.text }}</span>
        @if (line.code; as code) {
          <span class="code">(code {{ code }})</span>
        }
        @if (line.dismissable) {
          <button mat-button type="button" aria-label="Dismiss transfer notice" (click)="dismiss.emit()">
            Dismiss
          </button>
        }
      </p>
    }
    @if (transfer().consulting) {
      <div class="consult" role="group" aria-label="Consulting">
        <button mat-flat-button type="button" [disabled]="!transfer().canComplete" (click)="complete.emit()">
          Complete transfer
        </button>
        <button
          mat-stroked-button
          type="button"
          [disabled]="!transfer().canComplete"
          (click)="conference.emit()"
        >
          Conference
        </button>
        <button mat-stroked-button type="button" (click)="cancelTransfer.emit()">Cancel transfer</button>
      </div>
    }
  `,
  styles: `
    .line {
      margin: 4px 0;
      font: var(--mat-sys-body-medium);
    }
    .line[data-tone='failed'] .text {
      color: var(--mat-sys-error);
    }
    .code {
      margin-left: 4px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
      white-space: nowrap;
    }
    .consult {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin: 8px 0;
    }
  `,
})
export class TransferStepsComponent {
  readonly transfer = input.required<TransferPanelViewModel>();
  readonly complete = output<void>();
  readonly conference = output<void>();
  readonly cancelTransfer = output<void>();
  readonly dismiss = output<void>();
}
