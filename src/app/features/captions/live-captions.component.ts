import { _IdGenerator } from '@angular/cdk/a11y';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { LiveCaptionsViewModel } from '../../state/captions/captions.view-model';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';

/**
 * Live captions on the active call: Start captions or Stop captions, why not or what failed, and
 * the transcript as it comes (a log: each speaker's line in progress, then final).
 */
@Component({
  selector: 'sb-live-captions',
  imports: [FailureMessageComponent, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let view = captions();
    <div class="bar">
      <button
        mat-stroked-button
        type="button"
        [disabled]="!view.enabled"
        [disabledInteractive]="view.interactive"
        [attr.aria-describedby]="view.reason ? reasonId : null"
        (click)="view.enabled && (view.action === 'start' ? startCaptions.emit() : stopCaptions.emit())"
      >
        {{ label() }}
      </button>
      @if (view.reason; as reason) {
        <p [id]="reasonId" class="reason">{{ reason }}</p>
      }
    </div>
    @if (view.failure; as failure) {
      <sb-failure-message [failure]="failure" />
    }
    @if (view.active || view.lines.length > 0) {
      <div #log class="log" role="log" aria-label="Live captions">
        @for (line of view.lines; track line.key) {
          <p class="line" [class.in-progress]="line.inProgress">
            <span class="text">{{ speakerName(line.speaker) }}: {{ line.text }}</span>
            @if (line.inProgress) {
              <span class="status"> (in progress)</span>
            }
          </p>
        } @empty {
          <p class="waiting">Captions are on. What is said appears here.</p>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
      margin: 8px 0;
    }
    .bar {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .reason,
    .waiting,
    .status {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .log {
      max-height: 12rem;
      overflow-y: auto;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-body-medium);
    }
    .line {
      margin: 0 0 4px;
    }
    .in-progress .text {
      font-style: italic;
    }
  `,
})
export class LiveCaptionsComponent {
  /** The active call's captions (`selectActiveCallCaptionsViewModel`). */
  readonly captions = input.required<LiveCaptionsViewModel>();
  readonly startCaptions = output<void>();
  readonly stopCaptions = output<void>();

  protected readonly reasonId = inject(_IdGenerator).getId('sb-captions-reason-');
  protected readonly speakerName = partyName;
  private readonly log = viewChild<ElementRef<HTMLElement>>('log');

  protected label(): string {
    const { action, pending } = this.captions();
    if (pending) return action === 'start' ? 'Starting captions…' : 'Stopping captions…';
    return action === 'start' ? 'Start captions' : 'Stop captions';
  }

  constructor() {
    // The newest words stay in sight as the transcript grows.
    afterRenderEffect(() => {
      this.captions();
      const log = this.log()?.nativeElement;
      if (log) log.scrollTop = log.scrollHeight;
    });
  }
}
