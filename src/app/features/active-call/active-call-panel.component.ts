import { ChangeDetectionStrategy, Component, computed, inject, Injector, PendingTasks } from '@angular/core';
import type { DtmfTone } from '@azure/communication-calling';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { ActiveCallPanelActions } from '../../state/calls/active-call-panel.actions';
import { DtmfKeypadActions } from '../../state/calls/dtmf-keypad.actions';
import { RosterActions } from '../../state/participants/roster.actions';
import { selectActiveCallCardViewModel } from '../../state/calls/active-call-card.view-model';
import { callsFeature } from '../../state/calls/calls.feature';
import { selectActiveCallSummary } from '../../state/participants/call-summaries';
import { selectActiveParticipantListViewModel } from '../../state/participants/participant-list.view-model';
import { selectActiveCallParticipants } from '../../state/participants/participants.feature';
import { EscalationPanelActions } from '../../state/escalation/escalation-panel.actions';
import {
  selectActiveCallMutedBy,
  selectEscalationPanelViewModel,
  selectLeftCallOthers,
} from '../../state/escalation/escalation.view-model';
import { endedCallText, leftCallText } from '../../shared/call-title';
import { TransferPanelActions } from '../../state/transfer/transfer-panel.actions';
import {
  selectCanTransfer,
  selectTransferEndedText,
  selectTransferPanelViewModel,
} from '../../state/transfer/transfer.view-model';
import type { CallEntry } from '../../state/calls/calls.feature';
import { openTransferDialog } from '../transfer/open-transfer-dialog';
import { TransferStepsComponent } from '../transfer/transfer-steps.component';
import type { EscalationDialogData } from '../escalation/escalation-dialog.component';
import { EscalationStepsComponent } from '../escalation/escalation-steps.component';
import { VideoGalleryComponent } from '../video/video-gallery.component';
import { videoTiles } from '../video/video-tiles';
import { ActiveCallCardComponent } from './active-call-card.component';
import { LiveCaptionsComponent } from '../captions/live-captions.component';
import { LiveCaptionsPanelActions } from '../../state/captions/live-captions-panel.actions';
import { RecordingNoticeActions } from '../../state/captions/recording-notice.actions';
import {
  selectActiveCallCaptionsViewModel,
  selectActiveCallConsent,
} from '../../state/captions/captions.view-model';
import { DtmfKeypadComponent } from './dtmf-keypad.component';
import { ParticipantListComponent } from './participant-list.component';

/**
 * The call the agent is talking on: its controls, recording notice, live captions, keypad, video and
 * roster; or how the last call ended.
 */
@Component({
  selector: 'sb-active-call-panel',
  imports: [
    ActiveCallCardComponent,
    LiveCaptionsComponent,
    DtmfKeypadComponent,
    EscalationStepsComponent,
    MatButton,
    ParticipantListComponent,
    TransferStepsComponent,
    VideoGalleryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="active-call-heading">
      <h2 id="active-call-heading" class="sb-panel-title" tabindex="-1">Active call</h2>
      @if (summary(); as summary) {
        @if (card(); as card) {
          <sb-active-call-card
            [card]="card"
            [now]="ticker.now()"
            [mutedBy]="mutedBy()"
            (mute)="store.dispatch(actions.muteClicked({ callId: summary.call.id }))"
            (unmute)="store.dispatch(actions.unmuteClicked({ callId: summary.call.id }))"
            (hold)="store.dispatch(actions.holdClicked({ callId: summary.call.id }))"
            (hangUp)="store.dispatch(actions.hangUpClicked({ callId: summary.call.id }))"
            (startVideo)="store.dispatch(actions.startVideoClicked({ callId: summary.call.id }))"
            (stopVideo)="store.dispatch(actions.stopVideoClicked({ callId: summary.call.id }))"
            (dismissMutedNotice)="store.dispatch(actions.mutedNoticeDismissed({ callId: summary.call.id }))"
            [consent]="consent()"
            (giveConsent)="store.dispatch(recordingNotice.giveConsentClicked({ callId: summary.call.id }))"
          />
        }
        @if (captions(); as captions) {
          <sb-live-captions
            [captions]="captions"
            (startCaptions)="
              store.dispatch(captionsActions.startCaptionsClicked({ callId: captions.callId }))
            "
            (stopCaptions)="store.dispatch(captionsActions.stopCaptionsClicked({ callId: captions.callId }))"
          />
        }
        @if (escalation(); as escalation) {
          <div class="escalation" role="group" aria-label="Bring people in">
            @if (escalation.canEscalate) {
              <button
                mat-stroked-button
                type="button"
                (click)="openEscalation(escalation.callId, 'Escalate the call')"
              >
                Escalate
              </button>
            }
            @if (canTransfer()) {
              <button mat-stroked-button type="button" (click)="openTransfer(summary.call)">Transfer</button>
            }
            <button
              mat-stroked-button
              type="button"
              [disabled]="!escalation.canAskSupervisor"
              (click)="store.dispatch(escalationActions.askSupervisorClicked({ callId: escalation.callId }))"
            >
              Ask supervisor
            </button>
          </div>
          <sb-escalation-steps
            [rows]="escalation.rows"
            [supervisor]="escalation.supervisor"
            [chatFailure]="escalation.chatFailure"
            (dismiss)="
              store.dispatch(escalationActions.stepDismissed({ callId: escalation.callId, personId: $event }))
            "
            (cancelRequest)="
              store.dispatch(
                escalationActions.askSupervisorCancelled({ callId: escalation.callId, requestId: $event })
              )
            "
            (dismissSupervisor)="
              store.dispatch(escalationActions.supervisorNoticeDismissed({ callId: escalation.callId }))
            "
          />
        }
        @if (summary.hasPhoneParty) {
          <sb-dtmf-keypad
            [sent]="summary.call.dtmfSent"
            [failure]="dtmfFailure()"
            (tone)="sendTone(summary.call.id, $event)"
          />
        }
        @if (video().tiles.length > 0) {
          <sb-video-gallery [tiles]="video().tiles" [hidden]="video().hidden" />
        }
        @if (participantList(); as participantList) {
          <sb-participant-list
            [roster]="participantList"
            (muteParticipant)="
              store.dispatch(roster.muteClicked({ callId: summary.call.id, participantId: $event }))
            "
            (removeParticipant)="
              store.dispatch(roster.removeClicked({ callId: summary.call.id, participantId: $event }))
            "
            (muteAll)="store.dispatch(roster.muteAllOthersClicked({ callId: summary.call.id }))"
            (add)="
              openEscalation(
                summary.call.id,
                summary.call.kind === 'oneToOne' ? 'Escalate the call' : 'Add people to the call'
              )
            "
          />
        }
      } @else {
        <p class="sb-empty">No active call. Accept a call from the queue.</p>
      }
      @if (transfer(); as transfer) {
        <sb-transfer-steps
          [transfer]="transfer"
          (complete)="store.dispatch(transferActions.completeTransferClicked({ callId: transfer.callId }))"
          (conference)="store.dispatch(transferActions.conferenceClicked({ callId: transfer.callId }))"
          (cancelTransfer)="
            store.dispatch(transferActions.cancelTransferClicked({ callId: transfer.callId }))
          "
          (dismiss)="store.dispatch(transferActions.transferNoticeDismissed({ callId: transfer.callId }))"
        />
      }
      @if (lastEnded(); as ended) {
        <p class="ended" role="status">{{ endedText() }}</p>
      }
    </section>
  `,
  styles: `
    .escalation {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin: 8px 0;
    }
    .ended {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ActiveCallPanelComponent {
  protected readonly store = inject(Store);
  private readonly dialog = inject(MatDialog);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly injector = inject(Injector);
  protected readonly ticker = inject(Ticker);
  protected readonly actions = ActiveCallPanelActions;
  protected readonly roster = RosterActions;
  protected readonly escalationActions = EscalationPanelActions;
  protected readonly transferActions = TransferPanelActions;
  protected readonly captionsActions = LiveCaptionsPanelActions;
  protected readonly recordingNotice = RecordingNoticeActions;
  protected readonly captions = this.store.selectSignal(selectActiveCallCaptionsViewModel);
  protected readonly consent = this.store.selectSignal(selectActiveCallConsent);
  protected readonly transfer = this.store.selectSignal(selectTransferPanelViewModel);
  protected readonly canTransfer = this.store.selectSignal(selectCanTransfer);
  private readonly transferredText = this.store.selectSignal(selectTransferEndedText);
  protected readonly escalation = this.store.selectSignal(selectEscalationPanelViewModel);
  protected readonly mutedBy = this.store.selectSignal(selectActiveCallMutedBy);
  private readonly leftOthers = this.store.selectSignal(selectLeftCallOthers);
  protected readonly summary = this.store.selectSignal(selectActiveCallSummary);
  protected readonly lastEnded = this.store.selectSignal(callsFeature.selectLastEnded);
  protected readonly card = this.store.selectSignal(selectActiveCallCardViewModel);
  protected readonly participantList = this.store.selectSignal(selectActiveParticipantListViewModel);
  protected readonly participants = this.store.selectSignal(selectActiveCallParticipants);
  protected readonly endedText = computed(() => {
    const ended = this.lastEnded();
    const others = this.leftOthers();
    if (others) return leftCallText(others);
    const transferred = this.transferredText();
    if (transferred) return transferred;
    return ended ? endedCallText(ended) : '';
  });

  /** The agent's preview first, then the participants whose camera is on (the first few). */
  protected readonly video = computed(() => {
    const call = this.summary()?.call;
    return call ? videoTiles(call, this.participants()) : { tiles: [], hidden: 0 };
  });

  protected readonly dtmfFailure = computed(() => {
    const failure = this.summary()?.call.failure;
    return failure?.operation === 'sendDtmf' ? failure : null;
  });

  /**
   * One dialog brings people in (Teams users and numbers, one Confirm): Escalate on a 1:1, Add
   * participant on a group call. It loads when first opened: its phone-number parsing stays out of
   * the initial bundle.
   */
  protected openEscalation(callId: string, title: EscalationDialogData['title']): void {
    // A pending task, so the application is not stable (tests, hydration) until the dialog opens.
    void this.pendingTasks.run(async () => {
      const { EscalationDialogComponent } = await import('../escalation/escalation-dialog.component');
      this.dialog.open(EscalationDialogComponent, { data: { callId, title } satisfies EscalationDialogData });
    });
  }

  /** The Transfer dialog loads when first opened, like the Escalate dialog. */
  protected openTransfer(call: CallEntry): void {
    void this.pendingTasks.run(() => openTransferDialog(this.injector, call));
  }

  protected sendTone(callId: string, tone: DtmfTone): void {
    this.store.dispatch(DtmfKeypadActions.tonePressed({ callId, tone }));
  }
}
