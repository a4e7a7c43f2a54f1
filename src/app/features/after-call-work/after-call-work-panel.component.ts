import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Store } from '@ngrx/store';
import {
  DEFAULT_AFTER_CALL_WORK_SECONDS,
  DEFAULT_WRAP_UP_CODES,
  RUNTIME_CONFIG,
} from '../../core/runtime-config';
import { Ticker } from '../../core/ticker';
import { formatDuration } from '../../shared/duration.pipe';
import { formatPhoneNumber } from '../../shared/phone-number.pipe';
import { AfterCallWorkPanelActions } from '../../state/after-call-work/after-call-work-panel.actions';
import { afterCallWorkFeature } from '../../state/after-call-work/after-call-work.feature';

/**
 * After a call, in its place: the time spent wrapping up (against the limit), a wrap-up code and
 * notes, then Done. The limit ends it without Done, keeping what was entered.
 */
@Component({
  selector: 'sb-after-call-work-panel',
  imports: [MatButton, MatFormField, MatLabel, MatInput, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (current(); as work) {
      <section aria-labelledby="after-call-work-heading">
        <h2 id="after-call-work-heading" class="sb-panel-title">After-call work</h2>
        <p class="call">{{ title() }}</p>
        <p class="time">{{ time() }}</p>
        <mat-form-field>
          <mat-label>Wrap-up code</mat-label>
          <mat-select [value]="work.wrapUp" (valueChange)="wrapUpChosen($event)">
            <mat-option [value]="null">None</mat-option>
            @for (code of wrapUpCodes; track code) {
              <mat-option [value]="code">{{ code }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Notes</mat-label>
          <textarea
            matInput
            rows="4"
            maxlength="2000"
            [value]="work.notes"
            (input)="notesChanged($event)"
          ></textarea>
        </mat-form-field>
        <button mat-flat-button type="button" (click)="done()">Done</button>
      </section>
    }
  `,
  styles: `
    section {
      display: grid;
      gap: 8px;
      justify-items: start;
    }
    mat-form-field {
      width: 100%;
    }
    .call {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .time {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AfterCallWorkPanelComponent {
  private readonly store = inject(Store);
  private readonly now = inject(Ticker).now;
  private readonly config = inject(RUNTIME_CONFIG, { optional: true });
  protected readonly wrapUpCodes = this.config?.wrapUpCodes ?? DEFAULT_WRAP_UP_CODES;
  private readonly limitMs = (this.config?.afterCallWorkSeconds ?? DEFAULT_AFTER_CALL_WORK_SECONDS) * 1000;
  protected readonly current = this.store.selectSignal(afterCallWorkFeature.selectCurrent);

  protected readonly title = computed(() => {
    const work = this.current();
    if (!work) return '';
    if (work.kind !== 'oneToOne') return work.callerName;
    return `Call with ${work.callerName.startsWith('+') ? formatPhoneNumber(work.callerName) : work.callerName}`;
  });

  /** "0:45 of 2:00 in after-call work"; without a limit, only the time so far. */
  protected readonly time = computed(() => {
    const work = this.current();
    if (!work) return '';
    const spent = Math.min(this.now() - work.startedAt, this.limitMs || Number.POSITIVE_INFINITY);
    return this.limitMs > 0
      ? `${formatDuration(spent)} of ${formatDuration(this.limitMs)} in after-call work`
      : `${formatDuration(spent)} in after-call work`;
  });

  protected wrapUpChosen(code: string | null): void {
    this.store.dispatch(AfterCallWorkPanelActions.wrapUpChosen({ code }));
  }

  protected notesChanged(event: Event): void {
    this.store.dispatch(
      AfterCallWorkPanelActions.notesChanged({ notes: (event.target as HTMLTextAreaElement).value }),
    );
  }

  protected done(): void {
    this.store.dispatch(AfterCallWorkPanelActions.doneClicked());
  }
}
