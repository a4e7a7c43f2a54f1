import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { CallEntry } from '../../state/calls/calls.feature';
import { callStateLabel } from '../../shared/call-state-label';
import { DurationPipe } from '../../shared/duration.pipe';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { PartyComponent } from '../../shared/party.component';

/** The call the agent is on: who, state, duration, and the controls. */
@Component({
  selector: 'sb-active-call-card',
  imports: [MatButton, DurationPipe, FailureMessageComponent, PartyComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-party class="caller" [party]="call().caller" />
    <div class="meta">
      @if (call().queue) {
        <span>{{ call().queue }}</span>
      }
      <span class="sb-chip"><span class="sb-visually-hidden">Call state: </span>{{ stateLabel() }}</span>
      @if (call().isMuted) {
        <span class="sb-chip alert">Muted</span>
      }
      @if (call().connectedAt !== null) {
        <span class="duration"
          ><span class="sb-visually-hidden">Call duration: </span
          >{{ now() - call().connectedAt! | duration }}</span
        >
      }
    </div>
    @if (call().failure; as failure) {
      <sb-failure-message [failure]="failure" />
    }
    <div class="controls">
      @if (call().isMuted) {
        <button mat-stroked-button type="button" [disabled]="!canControl()" (click)="unmute.emit()">
          Unmute
        </button>
      } @else {
        <button mat-stroked-button type="button" [disabled]="!canControl()" (click)="mute.emit()">
          Mute
        </button>
      }
      <button mat-stroked-button type="button" [disabled]="!canHold()" (click)="hold.emit()">Hold</button>
      <button mat-flat-button type="button" class="hang-up" [disabled]="hangingUp()" (click)="hangUp.emit()">
        Hang up
      </button>
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
    }
    .caller {
      font: var(--mat-sys-headline-small);
    }
    .meta {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .duration {
      font: var(--mat-sys-title-medium);
      font-variant-numeric: tabular-nums;
    }
    .controls {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .hang-up {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ActiveCallCardComponent {
  readonly call = input.required<CallEntry>();
  readonly now = input.required<number>();
  readonly mute = output<void>();
  readonly unmute = output<void>();
  readonly hold = output<void>();
  readonly hangUp = output<void>();

  protected readonly stateLabel = computed(() => callStateLabel(this.call().state));
  private readonly live = computed(() => !['Disconnecting', 'Disconnected'].includes(this.call().state));
  protected readonly canControl = computed(() => this.live() && this.call().pending === null);
  protected readonly canHold = computed(() => this.canControl() && this.call().state === 'Connected');
  protected readonly hangingUp = computed(() => !this.live() || this.call().pending === 'hangUp');
}
