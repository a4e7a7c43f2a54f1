import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { Ticker } from '../../core/ticker';
import { ActiveCallPanelActions } from '../../state/calls/call-panels.actions';
import { callsFeature } from '../../state/calls/calls.feature';
import { selectActiveCallParticipants } from '../../state/participants/participants.feature';
import { partyName } from '../../shared/party-name';
import { ActiveCallCardComponent } from './active-call-card.component';
import { ParticipantListComponent } from './participant-list.component';

/** The call the agent is talking on, its controls and its roster; or how the last call ended. */
@Component({
  selector: 'sb-active-call-panel',
  imports: [ActiveCallCardComponent, ParticipantListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="active-call-heading">
      <h2 id="active-call-heading" class="sb-panel-title">Active call</h2>
      @if (call(); as call) {
        <sb-active-call-card
          [call]="call"
          [now]="ticker.now()"
          (mute)="store.dispatch(actions.muteClicked({ callId: call.id }))"
          (unmute)="store.dispatch(actions.unmuteClicked({ callId: call.id }))"
          (hold)="store.dispatch(actions.holdClicked({ callId: call.id }))"
          (hangUp)="store.dispatch(actions.hangUpClicked({ callId: call.id }))"
        />
        <sb-participant-list [participants]="participants()" />
      } @else {
        <p class="sb-empty">No active call. Accept a call from the queue.</p>
      }
      @if (lastEnded(); as ended) {
        <p class="ended" role="status">Call with {{ endedName() }} ended: {{ ended.message }}</p>
      }
    </section>
  `,
  styles: `
    .ended {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ActiveCallPanelComponent {
  protected readonly store = inject(Store);
  protected readonly ticker = inject(Ticker);
  protected readonly actions = ActiveCallPanelActions;
  protected readonly call = this.store.selectSignal(callsFeature.selectActiveCall);
  protected readonly lastEnded = this.store.selectSignal(callsFeature.selectLastEnded);
  protected readonly participants = this.store.selectSignal(selectActiveCallParticipants);
  protected readonly endedName = computed(() => {
    const ended = this.lastEnded();
    return ended ? partyName(ended.caller) : '';
  });
}
