import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { CallSummary } from '../../state/participants/call-summaries';
import { callStateLabel, callStateTone } from '../../shared/call-state-label';
import { callDetail, callTitle } from '../../shared/call-title';
import { permissionFor } from '../../shared/capability-reason';
import { DurationPipe } from '../../shared/duration.pipe';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { PartyComponent } from '../../shared/party.component';
import { StateChipComponent } from '../../shared/state-chip.component';

/** Failures shown elsewhere, where the agent acted: the roster's and the keypad's. */
const SHOWN_ELSEWHERE: ReadonlySet<string> = new Set(['muteAllRemoteParticipants', 'sendDtmf']);

/** The call the agent is on: who or what it is, its state, duration, and the agent's own controls. */
@Component({
  selector: 'sb-active-call-card',
  imports: [MatButton, DurationPipe, FailureMessageComponent, PartyComponent, StateChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (call().kind === 'oneToOne' && call().counterpart; as counterpart) {
      <sb-party class="title" [party]="counterpart" />
    } @else {
      <span class="title">{{ title() }}</span>
    }
    <span class="detail">{{ detail() }}</span>
    @if (call().kind !== 'oneToOne' && summary().dominantSpeaker; as speaker) {
      <span class="speaker">Main speaker: {{ speakerName(speaker) }}</span>
    }
    <div class="meta">
      <sb-state-chip name="Call state" [label]="stateLabel()" [tone]="stateTone()" />
      @if (call().isMuted) {
        <span class="sb-chip alert">Muted</span>
      }
      @if (call().isLocalVideoStarted) {
        <span class="sb-chip">Camera on</span>
      }
      @if (call().connectedAt !== null) {
        <span class="duration"
          ><span class="sb-visually-hidden">Call duration: </span
          >{{ now() - call().connectedAt! | duration }}</span
        >
      }
    </div>
    @if (call().mutedByOthersAt !== null) {
      <div class="notice" role="status">
        <span class="message">You were muted by another participant.</span>
        <button mat-button type="button" (click)="dismissMutedNotice.emit()">Dismiss</button>
      </div>
    }
    @if (failure(); as failure) {
      <sb-failure-message [failure]="failure" />
    }
    <div class="controls">
      @if (call().isMuted) {
        <button
          mat-stroked-button
          type="button"
          [disabled]="!canControl() || !unmuteAllowed().allowed"
          [disabledInteractive]="!unmuteAllowed().allowed"
          [attr.aria-describedby]="unmuteAllowed().allowed ? null : 'unmute-reason'"
          (click)="unmuteAllowed().allowed && unmute.emit()"
        >
          Unmute
        </button>
      } @else {
        <button mat-stroked-button type="button" [disabled]="!canControl()" (click)="mute.emit()">
          Mute
        </button>
      }
      @if (call().isLocalVideoStarted) {
        <button mat-stroked-button type="button" [disabled]="!canControl()" (click)="stopVideo.emit()">
          Stop video
        </button>
      } @else {
        <button
          mat-stroked-button
          type="button"
          [disabled]="!canStartVideo()"
          [disabledInteractive]="!videoAllowed().allowed"
          [attr.aria-describedby]="videoAllowed().allowed ? null : 'video-reason'"
          (click)="canStartVideo() && startVideo.emit()"
        >
          Start video
        </button>
      }
      <button mat-stroked-button type="button" [disabled]="!canHold()" (click)="hold.emit()">Hold</button>
      <button mat-flat-button type="button" class="hang-up" [disabled]="hangingUp()" (click)="hangUp.emit()">
        Hang up
      </button>
    </div>
    @if (call().isMuted && unmuteAllowed().reason; as reason) {
      <p id="unmute-reason" class="reason">{{ reason }}</p>
    }
    @if (!call().isLocalVideoStarted && videoAllowed().reason; as reason) {
      <p id="video-reason" class="reason">{{ reason }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
    }
    .title {
      font: var(--mat-sys-headline-small);
    }
    .detail,
    .speaker {
      color: var(--mat-sys-on-surface-variant);
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
    .notice {
      display: flex;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
      padding: 4px 4px 4px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-large);
    }
    .controls {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .reason {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .hang-up {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ActiveCallCardComponent {
  readonly summary = input.required<CallSummary>();
  readonly now = input.required<number>();
  readonly mute = output<void>();
  readonly unmute = output<void>();
  readonly hold = output<void>();
  readonly hangUp = output<void>();
  readonly startVideo = output<void>();
  readonly stopVideo = output<void>();
  readonly dismissMutedNotice = output<void>();

  protected readonly call = computed(() => this.summary().call);
  protected readonly title = computed(() => callTitle(this.call(), this.summary().peopleCount));
  protected readonly detail = computed(() =>
    callDetail(this.call(), this.summary().others, this.summary().peopleCount),
  );
  protected readonly speakerName = partyName;
  protected readonly stateLabel = computed(() => callStateLabel(this.call().state));
  protected readonly stateTone = computed(() => callStateTone(this.call().state));
  protected readonly failure = computed(() => {
    const failure = this.call().failure;
    return failure && !SHOWN_ELSEWHERE.has(failure.operation) ? failure : null;
  });
  protected readonly unmuteAllowed = computed(() =>
    permissionFor(this.call().capabilities, 'unmuteMic', this.call().kind),
  );
  protected readonly videoAllowed = computed(() =>
    permissionFor(this.call().capabilities, 'turnVideoOn', this.call().kind),
  );
  private readonly live = computed(() => !['Disconnecting', 'Disconnected'].includes(this.call().state));
  protected readonly canControl = computed(() => this.live() && this.call().pending === null);
  protected readonly canStartVideo = computed(() => this.canControl() && this.videoAllowed().allowed);
  // A call the other side holds can be held here too: it then stays held when they resume.
  protected readonly canHold = computed(
    () => this.canControl() && (this.call().state === 'Connected' || this.call().state === 'RemoteHold'),
  );
  protected readonly hangingUp = computed(() => !this.live() || this.call().pending === 'hangUp');
}
