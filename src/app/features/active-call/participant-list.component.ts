import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { Failure } from '../../model/failure';
import type { CallCapabilities, ConversationKind } from '../../model/snapshots';
import type { ParticipantEntry } from '../../state/participants/participants.feature';
import { participantStateLabel, participantStateTone } from '../../shared/call-state-label';
import { addPeoplePermission, permissionFor } from '../../shared/capability-reason';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { StateChipComponent } from '../../shared/state-chip.component';

/** Why neither Mute nor Remove applies, when the call's kind is the reason. */
const NOT_IN_ONE_TO_ONE: Record<ConversationKind, string> = {
  oneToOne: 'Muting and removing others is for group calls and meetings, not a one-to-one call.',
  group: 'This group call does not let you mute or remove others.',
  meeting: 'This meeting does not let you mute or remove others.',
};

/** Roles worth a chip: the people who run a meeting. */
const ROLE_LABELS: Record<string, string> = {
  Organizer: 'Organizer',
  'Co-organizer': 'Co-organizer',
  Presenter: 'Presenter',
};

/**
 * The roster of a call: each participant's state, role, mute, speaking and camera in words; Mute and
 * Remove per participant and Mute all others, as the call's capabilities allow (with the reason in
 * words when they do not).
 */
@Component({
  selector: 'sb-participant-list',
  imports: [MatButton, FailureMessageComponent, StateChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="header">
      <h3 id="participants-heading">Participants ({{ participants().length }})</h3>
      <button
        mat-stroked-button
        type="button"
        class="add"
        [disabled]="!addAllowed().allowed"
        [disabledInteractive]="!addAllowed().allowed"
        [attr.aria-describedby]="addAllowed().allowed ? null : 'roster-add-reason'"
        (click)="addAllowed().allowed && add.emit()"
      >
        Add participant
      </button>
      <button
        mat-stroked-button
        type="button"
        class="mute-all"
        [disabled]="!canMuteAll()"
        [disabledInteractive]="!muteAllowed().allowed"
        [attr.aria-describedby]="restrictions().mute"
        (click)="canMuteAll() && muteAll.emit()"
      >
        Mute all others
      </button>
    </div>
    @if (addAllowed().reason; as reason) {
      <p class="reason" id="roster-add-reason">{{ reason }}</p>
    }
    @for (line of restrictions().lines; track line.id) {
      <p class="reason" [id]="line.id">{{ line.text }}</p>
    }
    @if (muteAllFailure(); as failure) {
      <sb-failure-message class="mute-all-failure" [failure]="failure" />
    }
    <ul aria-labelledby="participants-heading">
      @for (p of participants(); track p.participantId) {
        <li [attr.aria-label]="name(p)">
          <span class="name">{{ name(p) }}</span>
          <span class="chips">
            <sb-state-chip class="chip" [label]="stateLabel(p.state)" [tone]="stateTone(p.state)" />
            @if (roleLabel(p); as role) {
              <span class="chip role">{{ role }}</span>
            }
            @if (p.isMuted) {
              <span class="chip muted">Muted</span>
            }
            @if (p.isSpeaking) {
              <span class="chip speaking">Speaking</span>
            }
            @if (hasVideo(p)) {
              <span class="chip">Camera on</span>
            }
          </span>
          <span class="actions">
            <button
              mat-button
              type="button"
              [disabled]="!canMute(p)"
              [disabledInteractive]="!muteAllowed().allowed"
              [attr.aria-describedby]="restrictions().mute"
              [attr.aria-label]="'Mute ' + name(p)"
              (click)="canMute(p) && muteParticipant.emit(p.participantId)"
            >
              Mute
            </button>
            <button
              mat-button
              type="button"
              [disabled]="!canRemove(p)"
              [disabledInteractive]="!removeAllowed().allowed"
              [attr.aria-describedby]="restrictions().remove"
              [attr.aria-label]="'Remove ' + name(p)"
              (click)="canRemove(p) && removeParticipant.emit(p.participantId)"
            >
              Remove
            </button>
          </span>
          @if (p.failure; as failure) {
            <sb-failure-message class="failure" [failure]="failure" />
          }
        </li>
      } @empty {
        <li class="empty">Nobody else is in this call.</li>
      }
    </ul>
  `,
  styles: `
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin: 16px 0 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 auto 0 0;
    }
    .reason {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      min-height: 32px;
    }
    .name {
      font: var(--mat-sys-body-large);
      margin-right: auto;
    }
    .chips {
      display: flex;
      gap: 4px;
      flex-wrap: wrap;
    }
    .chip {
      font: var(--mat-sys-label-medium);
      padding: 2px 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .muted {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .speaking {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .failure {
      flex-basis: 100%;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ParticipantListComponent {
  readonly participants = input.required<readonly ParticipantEntry[]>();
  readonly kind = input<ConversationKind>('oneToOne');
  /** The call's capabilities; null while unknown (the controls then stay enabled). */
  readonly capabilities = input<CallCapabilities | null>(null);
  /** Mute all others is waiting for the SDK. */
  readonly mutingAll = input(false);
  readonly muteAllFailure = input<Failure | null>(null);
  readonly muteParticipant = output<string>();
  readonly removeParticipant = output<string>();
  readonly muteAll = output<void>();
  /** Add participant was clicked: the container opens the dialog that adds someone. */
  readonly add = output<void>();

  protected readonly muteAllowed = computed(() =>
    permissionFor(this.capabilities(), 'muteOthers', this.kind()),
  );
  protected readonly addAllowed = computed(() => addPeoplePermission(this.capabilities(), this.kind()));
  protected readonly removeAllowed = computed(() =>
    permissionFor(this.capabilities(), 'removeParticipant', this.kind()),
  );
  /**
   * Why Mute and Remove are unavailable, one line each, and the line each button points to. In a
   * 1:1 call neither applies: one line says so for both.
   */
  protected readonly restrictions = computed(() => {
    const mute = this.muteAllowed();
    const remove = this.removeAllowed();
    const capabilities = this.capabilities();
    const notApplicable = (name: 'muteOthers' | 'removeParticipant') =>
      capabilities?.[name]?.reason === 'CapabilityNotApplicableForTheCallType';
    if (
      !mute.allowed &&
      !remove.allowed &&
      notApplicable('muteOthers') &&
      notApplicable('removeParticipant')
    ) {
      return {
        mute: 'roster-reason',
        remove: 'roster-reason',
        lines: [{ id: 'roster-reason', text: NOT_IN_ONE_TO_ONE[this.kind()] }],
      };
    }
    const lines = [
      ...(mute.reason ? [{ id: 'roster-mute-reason', text: mute.reason }] : []),
      ...(remove.reason ? [{ id: 'roster-remove-reason', text: remove.reason }] : []),
    ];
    return {
      mute: mute.reason ? 'roster-mute-reason' : null,
      remove: remove.reason ? 'roster-remove-reason' : null,
      lines,
    };
  });
  protected readonly canMuteAll = computed(
    () =>
      this.muteAllowed().allowed &&
      !this.mutingAll() &&
      this.participants().some((p) => p.state === 'Connected' && !p.isMuted),
  );

  protected readonly name = (p: ParticipantEntry) =>
    partyName({ identity: p.identity, displayName: p.displayName });
  protected readonly stateLabel = participantStateLabel;
  protected readonly stateTone = participantStateTone;
  protected readonly roleLabel = (p: ParticipantEntry) => ROLE_LABELS[p.role] ?? null;
  protected readonly hasVideo = (p: ParticipantEntry) =>
    p.videoStreams.some((stream) => stream.mediaStreamType === 'Video' && stream.isAvailable);
  /** Only someone connected and unmuted can be muted; the SDK has no remote unmute. */
  protected readonly canMute = (p: ParticipantEntry) =>
    this.muteAllowed().allowed && p.pending === null && p.state === 'Connected' && !p.isMuted;
  protected readonly canRemove = (p: ParticipantEntry) =>
    this.removeAllowed().allowed && p.pending === null && p.state !== 'Disconnected';
}
