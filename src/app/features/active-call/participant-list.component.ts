import { _IdGenerator } from '@angular/cdk/a11y';
import { CdkFixedSizeVirtualScroll, CdkVirtualForOf, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type {
  ParticipantListViewModel,
  ParticipantRowViewModel,
  RosterReason,
} from '../../state/participants/participant-list.view-model';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { partyName } from '../../shared/party-name';
import { RovingVirtualRows } from '../../shared/roving-virtual-rows';
import { PARTICIPANT_ROW_PX, ParticipantRowComponent } from './participant-row.component';

/**
 * The roster of a call: Add participant and Mute all others, why they (or a row's Mute and Remove)
 * are unavailable, and a row per participant. It stays light in a meeting of 350: only the rows on
 * screen exist (CDK virtual scroll, rows of one height), so a storm of `isSpeakingChanged` touches
 * a few rows; the list is one Tab stop whose rows the arrow keys, Home and End move through.
 */
@Component({
  selector: 'sb-participant-list',
  imports: [
    MatButton,
    FailureMessageComponent,
    ParticipantRowComponent,
    CdkVirtualScrollViewport,
    CdkFixedSizeVirtualScroll,
    CdkVirtualForOf,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="header">
      <h3 [id]="ids.heading">Participants ({{ participants().length }})</h3>
      <button
        mat-stroked-button
        type="button"
        class="add"
        [disabled]="!roster().add.enabled"
        [disabledInteractive]="roster().add.interactive"
        [attr.aria-describedby]="reasonId(roster().add.reason)"
        (click)="roster().add.enabled && add.emit()"
      >
        Add participant
      </button>
      <button
        mat-stroked-button
        type="button"
        class="mute-all"
        [disabled]="!roster().muteAll.enabled"
        [disabledInteractive]="roster().muteAll.interactive"
        [attr.aria-describedby]="reasonId(roster().muteAll.reason)"
        (click)="roster().muteAll.enabled && muteAll.emit()"
      >
        Mute all others
      </button>
    </div>
    @for (line of roster().reasons; track line.key) {
      <p class="reason" [id]="reasonId(line.key)">{{ line.text }}</p>
    }
    @if (roster().muteAllFailure; as failure) {
      <sb-failure-message class="mute-all-failure" [failure]="failure" />
    }
    @if (participants().length === 0) {
      <ul [attr.aria-labelledby]="ids.heading">
        <li class="empty">Nobody else is in this call.</li>
      </ul>
    } @else {
      <cdk-virtual-scroll-viewport
        [itemSize]="rowPx"
        [style.height]="viewportHeight()"
        (keydown)="rows.move($event)"
      >
        <div role="list" [attr.aria-labelledby]="ids.heading">
          <sb-participant-row
            *cdkVirtualFor="let p of participants(); let i = index; trackBy: byId"
            role="listitem"
            [attr.aria-label]="name(p)"
            [attr.aria-posinset]="i + 1"
            [attr.aria-setsize]="participants().length"
            [attr.data-index]="i"
            [attr.tabindex]="i === rows.focusIndex() ? 0 : -1"
            [tabbable]="i === rows.focusIndex()"
            [participant]="p"
            [reasonId]="reasonId"
            (focusin)="rows.focused.set(p.participantId)"
            (mute)="muteParticipant.emit(p.participantId)"
            (remove)="removeParticipant.emit(p.participantId)"
          />
        </div>
      </cdk-virtual-scroll-viewport>
    }
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
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ParticipantListComponent {
  /** The roster as the state says the agent sees it (`selectActiveParticipantListViewModel`). */
  readonly roster = input.required<ParticipantListViewModel>();
  readonly muteParticipant = output<string>();
  readonly removeParticipant = output<string>();
  readonly muteAll = output<void>();
  /** Add participant was clicked: the container opens the dialog that adds someone. */
  readonly add = output<void>();

  /** Ids of this list's own: two rosters on a page never share one. */
  private readonly prefix = inject(_IdGenerator).getId('sb-roster-');
  protected readonly ids = { heading: `${this.prefix}-heading` };
  protected readonly reasonId = (key: RosterReason['key'] | null) =>
    key === null ? null : `${this.prefix}-${key}-reason`;

  private readonly viewport = viewChild(CdkVirtualScrollViewport);
  protected readonly rowPx = PARTICIPANT_ROW_PX;
  protected readonly participants = computed(() => this.roster().participants);
  /** As tall as its rows, up to most of the screen; the rest scrolls. */
  protected readonly viewportHeight = computed(
    () => `min(${this.participants().length * this.rowPx}px, 60vh)`,
  );
  /** The keyboard's way through the rows, on screen or not. */
  protected readonly rows = new RovingVirtualRows(
    this.participants,
    (p) => p.participantId,
    this.viewport,
    'sb-participant-row',
  );
  protected readonly name = (p: ParticipantRowViewModel) => partyName(p.party);
  protected readonly byId = (_: number, p: ParticipantRowViewModel) => p.participantId;
}
