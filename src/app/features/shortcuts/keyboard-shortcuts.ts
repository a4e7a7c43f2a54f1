import { DOCUMENT, DestroyRef, inject, Injectable, Injector, PendingTasks } from '@angular/core';
import { Store, type Action } from '@ngrx/store';
import type { ShortcutAction } from '../../model/settings';
import { selectActiveCallCardViewModel } from '../../state/calls/active-call-card.view-model';
import { ActiveCallPanelActions } from '../../state/calls/active-call-panel.actions';
import { callsFeature } from '../../state/calls/calls.feature';
import { DtmfKeypadActions } from '../../state/calls/dtmf-keypad.actions';
import { HeldCallsPanelActions } from '../../state/calls/held-calls-panel.actions';
import { selectActiveCallSummary } from '../../state/participants/call-summaries';
import { QueuePanelActions } from '../../state/queue/queue-panel.actions';
import { selectQueuedCalls } from '../../state/queue/queue.feature';
import { settingsFeature } from '../../state/settings/settings.feature';
import { selectCanTransfer } from '../../state/transfer/transfer.view-model';
import { DTMF_KEYS, isTypingOrInDialog, keyOf, SHORTCUT_ACTIONS } from './shortcut-keys';

/**
 * The console's keyboard: each shortcut dispatches what its button would (the same intent
 * actions), so the effects cannot tell a key from a click. Keys come from the agent's settings;
 * nothing fires while they type in a field or work in a dialog, or once shortcuts are off.
 */
@Injectable({ providedIn: 'root' })
export class KeyboardShortcuts {
  private readonly store = inject(Store);
  private readonly injector = inject(Injector);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly settings = this.store.selectSignal(settingsFeature.selectSettingsState);
  private readonly queued = this.store.selectSignal(selectQueuedCalls);
  private readonly card = this.store.selectSignal(selectActiveCallCardViewModel);
  private readonly summary = this.store.selectSignal(selectActiveCallSummary);
  private readonly held = this.store.selectSignal(callsFeature.selectHeldCalls);
  private readonly canTransfer = this.store.selectSignal(selectCanTransfer);
  private listening = false;

  /** Listens on the whole page from now until the app ends (once, however often asked). */
  start(): void {
    if (this.listening) return;
    this.listening = true;
    const onKeydown = (event: KeyboardEvent) => this.handle(event);
    this.document.addEventListener('keydown', onKeydown);
    this.destroyRef.onDestroy(() => this.document.removeEventListener('keydown', onKeydown));
  }

  /** Acts on a key press; true when it was a shortcut that did something. */
  handle(event: KeyboardEvent): boolean {
    const settings = this.settings();
    if (!settings.shortcuts || event.defaultPrevented || event.repeat || isTypingOrInDialog(event.target))
      return false;
    const key = keyOf(event);
    if (!key) return false;
    const action = SHORTCUT_ACTIONS.find((name) => settings.shortcutKeys[name] === key);
    const done = action ? this.act(action) : settings.dtmfKeys && this.tone(key);
    if (done) event.preventDefault();
    return done;
  }

  private act(action: ShortcutAction): boolean {
    const card = this.card();
    const callId = card?.callId;
    switch (action) {
      case 'accept':
      case 'reject': {
        const oldest = this.queued().find((call) => call.status === 'ringing');
        if (!oldest) return false;
        const intent =
          action === 'accept' ? QueuePanelActions.acceptClicked : QueuePanelActions.rejectClicked;
        return this.dispatch(intent({ id: oldest.id }));
      }
      case 'mute':
        if (!card || !callId || !card.microphone.enabled) return false;
        return this.dispatch(
          card.microphone.action === 'mute'
            ? ActiveCallPanelActions.muteClicked({ callId })
            : ActiveCallPanelActions.unmuteClicked({ callId }),
        );
      case 'hold': {
        if (card && callId)
          return card.hold.enabled && this.dispatch(ActiveCallPanelActions.holdClicked({ callId }));
        const [lastHeld] = this.held();
        return !!lastHeld && this.dispatch(HeldCallsPanelActions.resumeClicked({ callId: lastHeld.id }));
      }
      case 'hangUp':
        return (
          !!card &&
          !!callId &&
          card.hangUp.enabled &&
          this.dispatch(ActiveCallPanelActions.hangUpClicked({ callId }))
        );
      case 'transfer': {
        const call = this.summary()?.call;
        if (!call || !this.canTransfer()) return false;
        void this.pendingTasks.run(async () =>
          (await import('../transfer/open-transfer-dialog')).openTransferDialog(this.injector, call),
        );
        return true;
      }
      case 'help':
        void this.pendingTasks.run(async () =>
          (await import('./open-shortcuts-help')).openShortcutsHelp(this.injector),
        );
        return true;
    }
  }

  /** A digit, * or # sends its tone on the active call, when the call has a phone party. */
  private tone(key: string): boolean {
    const tone = DTMF_KEYS.get(key);
    const summary = this.summary();
    if (!tone || !summary?.hasPhoneParty) return false;
    return this.dispatch(DtmfKeypadActions.tonePressed({ callId: summary.call.id, tone }));
  }

  private dispatch(action: Action): true {
    this.store.dispatch(action);
    return true;
  }
}
