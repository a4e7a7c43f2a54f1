import { _IdGenerator } from '@angular/cdk/a11y';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { CONSENT_REASON, type ActiveCallCardViewModel } from '../../state/calls/active-call-card.view-model';
import type { Failure } from '../../model/failure';
import { callStateLabel, callStateTone } from '../../shared/call-state-label';
import { callDetail, callTitle } from '../../shared/call-title';
import { DurationPipe } from '../../shared/duration.pipe';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { PartyComponent } from '../../shared/party.component';
import { StateChipComponent } from '../../shared/state-chip.component';

/** The call the agent is on: who or what it is, its state, duration, and the agent's own controls. */
@Component({
  selector: 'sb-active-call-card',
  imports: [MatButton, DurationPipe, FailureMessageComponent, PartyComponent, StateChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let microphone = card().microphone;
    @let camera = card().camera;
    @if (card().call.kind === 'oneToOne' && card().call.counterpart; as counterpart) {
      <sb-party class="title" [party]="counterpart" />
    } @else {
      <span class="title">{{ title() }}</span>
    }
    <span class="detail">{{ detail() }}</span>
    @if (card().transferredBy; as transferredBy) {
      <span class="detail">{{ transferredBy }}</span>
    }
    @if (card().mainSpeaker; as speaker) {
      <span class="speaker">Main speaker: {{ speakerName(speaker) }}</span>
    }
    <div class="meta">
      <sb-state-chip name="Call state" [label]="stateLabel(card().state)" [tone]="stateTone(card().state)" />
      @if (card().isMuted) {
        <span class="sb-chip alert">Muted</span>
      }
      @if (card().cameraOn) {
        <span class="sb-chip">Camera on</span>
      }
      @if (card().recording.active) {
        <span class="sb-chip alert">Recording</span>
      }
      @if (card().connectedAt !== null) {
        <span class="duration"
          ><span class="sb-visually-hidden">Call duration: </span
          >{{ now() - card().connectedAt! | duration }}</span
        >
      }
    </div>
    @if (card().mutedByOthers) {
      <div class="notice" role="status">
        <span class="message">{{
          mutedBy() ? 'Muted by ' + mutedBy() + '.' : 'You were muted by another participant.'
        }}</span>
        <button mat-button type="button" (click)="dismissMutedNotice.emit()">Dismiss</button>
      </div>
    }
    @if (card().recording.consentRequired) {
      <div class="notice consent" role="alert">
        <span class="message" [id]="ids.consent">{{ consentReason }}</span>
        <button mat-button type="button" [disabled]="consent().pending" (click)="giveConsent.emit()">
          Give consent
        </button>
      </div>
      @if (consent().failure; as failure) {
        <sb-failure-message class="consent-failure" [failure]="failure" />
      }
    }
    @if (card().failure; as failure) {
      <sb-failure-message [failure]="failure" />
    }
    <div class="controls">
      <button
        #microphoneButton
        mat-stroked-button
        type="button"
        [disabled]="!microphone.enabled"
        [disabledInteractive]="microphone.interactive"
        [attr.aria-describedby]="
          microphone.reason ? (card().recording.consentRequired ? ids.consent : ids.microphone) : null
        "
        (click)="microphone.enabled && (microphone.action === 'mute' ? mute.emit() : unmute.emit())"
      >
        {{ microphone.action === 'mute' ? 'Mute' : 'Unmute' }}
      </button>
      <button
        mat-stroked-button
        type="button"
        [disabled]="!camera.enabled"
        [disabledInteractive]="camera.interactive"
        [attr.aria-describedby]="camera.reason ? ids.camera : null"
        (click)="camera.enabled && (camera.action === 'start' ? startVideo.emit() : stopVideo.emit())"
      >
        {{ camera.action === 'start' ? 'Start video' : 'Stop video' }}
      </button>
      <button mat-stroked-button type="button" [disabled]="!card().hold.enabled" (click)="hold.emit()">
        Hold
      </button>
      <button
        mat-flat-button
        type="button"
        class="hang-up"
        [disabled]="!card().hangUp.enabled"
        (click)="hangUp.emit()"
      >
        Hang up
      </button>
    </div>
    @if (microphone.reason && !card().recording.consentRequired) {
      <p [id]="ids.microphone" class="reason">{{ microphone.reason }}</p>
    }
    @if (camera.reason; as reason) {
      <p [id]="ids.camera" class="reason">{{ reason }}</p>
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
  /** The card as the state says the agent sees it (`selectActiveCallCardViewModel`). */
  readonly card = input.required<ActiveCallCardViewModel>();
  readonly now = input.required<number>();
  /** Who muted the agent, when the floor said so (the SDK's `mutedByOthers` names nobody). */
  readonly mutedBy = input<string | null>(null);
  readonly mute = output<void>();
  readonly unmute = output<void>();
  readonly hold = output<void>();
  readonly hangUp = output<void>();
  readonly startVideo = output<void>();
  readonly stopVideo = output<void>();
  readonly dismissMutedNotice = output<void>();
  /** Giving consent to the recording: under way, or why it failed. */
  readonly consent = input<{ readonly pending: boolean; readonly failure: Failure | null }>({
    pending: false,
    failure: null,
  });
  readonly giveConsent = output<void>();
  /** Said once, in the notice: Unmute points to it for why it is disabled. */
  protected readonly consentReason = CONSENT_REASON;

  /** Ids of this card's own, for the reasons its buttons point to. */
  private readonly prefix = inject(_IdGenerator).getId('sb-call-card-');
  protected readonly ids = {
    microphone: `${this.prefix}-microphone-reason`,
    camera: `${this.prefix}-camera-reason`,
    consent: `${this.prefix}-consent`,
  };

  private readonly microphoneButton = viewChild.required<string, ElementRef<HTMLElement>>(
    'microphoneButton',
    {
      read: ElementRef,
    },
  );

  constructor() {
    // Give consent goes with its notice once consent is given: focus moves on to Unmute, rather
    // than falling to the page.
    const document = inject(DOCUMENT);
    let asked = false;
    afterRenderEffect(() => {
      const required = this.card().recording.consentRequired;
      const lost = !document.activeElement || document.activeElement === document.body;
      if (asked && !required && lost) this.microphoneButton().nativeElement.focus();
      asked = required;
    });
  }

  protected readonly title = computed(() => callTitle(this.card().call, this.card().peopleCount));
  protected readonly detail = computed(() =>
    callDetail(this.card().call, this.card().others, this.card().peopleCount),
  );
  protected readonly speakerName = partyName;
  protected readonly stateLabel = callStateLabel;
  protected readonly stateTone = callStateTone;
}
