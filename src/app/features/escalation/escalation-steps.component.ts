import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { StateTone } from '../../shared/call-state-label';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { StateChipComponent } from '../../shared/state-chip.component';
import type { Failure } from '../../model/failure';
import type {
  EscalationRowViewModel,
  SupervisorNoticeViewModel,
} from '../../state/escalation/escalation.view-model';

const TONES: Record<EscalationRowViewModel['tone'], StateTone> = {
  progress: 'waiting',
  done: 'live',
  failed: 'ended',
};

/**
 * Bringing people into the call, where the agent acted: asking a supervisor, and each person's
 * step in words ("Adding Sam Okafor to the chat…", "Ringing", "Joined", "Failed: … is busy."),
 * with Dismiss once a row is done. A row is named "Adding Sam Okafor": the roster beside it names
 * its rows by the person alone.
 */
@Component({
  selector: 'sb-escalation-steps',
  imports: [FailureMessageComponent, MatButton, StateChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (supervisor(); as notice) {
      <div class="row" role="group" aria-label="Asking a supervisor" [attr.data-tone]="notice.tone">
        <span class="text" role="status">{{ notice.text }}</span>
        @if (notice.cancelRequestId; as requestId) {
          <button mat-button type="button" (click)="cancelRequest.emit(requestId)">Cancel</button>
        }
        @if (notice.dismissable) {
          <button
            mat-button
            type="button"
            aria-label="Dismiss supervisor notice"
            (click)="dismissSupervisor.emit()"
          >
            Dismiss
          </button>
        }
      </div>
    }
    @if (chatFailure(); as failure) {
      <sb-failure-message [failure]="failure" />
    }
    @if (rows().length > 0) {
      <ul aria-label="People being added">
        @for (row of rows(); track row.personId) {
          <li class="row" [attr.aria-label]="'Adding ' + row.name" [attr.data-tone]="row.tone">
            <sb-state-chip name="Step" [label]="row.chip" [tone]="tones[row.tone]" />
            <span class="text" [attr.role]="row.tone === 'failed' ? 'alert' : 'status'">{{ row.text }}</span>
            @if (row.failure?.code; as code) {
              <span class="code"
                >(code {{ code
                }}{{ row.failure?.subCode === undefined ? '' : '/' + row.failure?.subCode }})</span
              >
            }
            @if (row.dismissable) {
              <button
                mat-button
                type="button"
                [attr.aria-label]="'Dismiss ' + row.name"
                (click)="dismiss.emit(row.personId)"
              >
                Dismiss
              </button>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 4px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .text {
      flex: 1;
    }
    .row[data-tone='failed'] .text {
      color: var(--mat-sys-error);
    }
    .code {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
    }
  `,
})
export class EscalationStepsComponent {
  readonly rows = input.required<readonly EscalationRowViewModel[]>();
  readonly supervisor = input<SupervisorNoticeViewModel | null>(null);
  /** Someone removed from the call is still in its chat: why. */
  readonly chatFailure = input<Failure | null>(null);
  /** A finished or failed row is put away (its person's raw id). */
  readonly dismiss = output<string>();
  /** Cancel asking a supervisor (the request's id). */
  readonly cancelRequest = output<string>();
  readonly dismissSupervisor = output<void>();
  protected readonly tones = TONES;
}
