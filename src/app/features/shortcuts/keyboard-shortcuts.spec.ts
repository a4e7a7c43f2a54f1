import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { DEFAULT_SHORTCUT_KEYS } from '../../model/settings';
import { callsFeature } from '../../state/calls/calls.feature';
import { selectQueuedCalls } from '../../state/queue/queue.feature';
import { SettingsPageActions } from '../../state/settings/settings-page.actions';
import { startEmulatedConsole } from '../../state/testing/emulated-console';
import { TransferDialogComponent } from '../transfer/transfer-dialog.component';
import { KeyboardShortcuts } from './keyboard-shortcuts';

/** A key pressed where focus is (the page itself unless said). */
function press(init: KeyboardEventInit, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

const ALT_A = { key: 'a', code: 'KeyA', altKey: true };

describe('KeyboardShortcuts on the emulator', () => {
  async function twoCallsRinging() {
    const app = await startEmulatedConsole('alex');
    TestBed.inject(KeyboardShortcuts).start();
    const ring = (displayName: string, from: string) =>
      app.emulator.world.enqueuePhoneCall({
        from,
        displayName,
        queue: 'Billing',
        patienceMs: 60_000,
        talkMs: 120_000,
      });
    const first = ring('Kim Lee', '+14255550142');
    await app.settle();
    await app.advance(2_000);
    const second = ring('Robin Park', '+14255550100');
    await app.settle();
    const queued = () => app.state(selectQueuedCalls).map((call) => call.id);
    expect(queued()).toEqual([first, second]);
    return { app, first, second, queued };
  }

  it('accepts the call that has waited longest on Alt+A, as the Accept button would', async () => {
    const { app, first, second, queued } = await twoCallsRinging();
    expect(press(ALT_A).defaultPrevented).toBeTrue();
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ id: first, state: 'Connected' }),
    );
    expect(queued()).toEqual([second]);
  });

  it('mutes, sends the digits as tones and hangs up the active call from the keyboard', async () => {
    const { app, first } = await twoCallsRinging();
    press(ALT_A);
    await app.settle();
    press({ key: 'm', code: 'KeyM', altKey: true });
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)?.isMuted).toBeTrue();
    press({ key: 'h', code: 'KeyH', altKey: true });
    await app.settle();
    expect(app.state(callsFeature.selectHeldCalls).map((call) => call.id)).toEqual([first]);
    press({ key: 'h', code: 'KeyH', altKey: true });
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)).toEqual(
      jasmine.objectContaining({ id: first, state: 'Connected' }),
    );
    press({ key: '5', code: 'Digit5' });
    press({ key: '#', code: 'Digit3', shiftKey: true });
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)?.dtmfSent).toEqual(['Num5', 'Pound']);
    press({ key: 'e', code: 'KeyE', altKey: true });
    await app.settle();
    expect(app.state(callsFeature.selectAllCalls).map((call) => call.id)).not.toContain(first);
  });

  it('opens Transfer for the active call on Alt+T', async () => {
    const { app } = await twoCallsRinging();
    press(ALT_A);
    await app.settle();
    expect(press({ key: 't', code: 'KeyT', altKey: true }).defaultPrevented).toBeTrue();
    await TestBed.inject(ApplicationRef).whenStable();
    const opened = TestBed.inject(MatDialog).openDialogs;
    expect(opened.length).toBe(1);
    expect(opened[0]!.componentInstance).toEqual(jasmine.any(TransferDialogComponent));
    TestBed.inject(MatDialog).closeAll();
  });

  it('does nothing while the agent types in a field, a select or a dialog', async () => {
    const { app, queued, first, second } = await twoCallsRinging();
    const field = document.createElement('input');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const button = dialog.appendChild(document.createElement('button'));
    const select = document.createElement('select');
    document.body.append(field, dialog, select);
    try {
      for (const target of [field, button, select]) {
        expect(press(ALT_A, target).defaultPrevented).withContext(target.tagName).toBeFalse();
      }
      await app.settle();
      expect(queued()).toEqual([first, second]);
    } finally {
      field.remove();
      dialog.remove();
      select.remove();
    }
  });

  it('does nothing once shortcuts are turned off; the digits only while they send tones', async () => {
    const { app, queued, first, second } = await twoCallsRinging();
    app.store.dispatch(SettingsPageActions.settingsChanged({ changes: { shortcuts: false } }));
    expect(press(ALT_A).defaultPrevented).toBeFalse();
    await app.settle();
    expect(queued()).toEqual([first, second]);

    app.store.dispatch(
      SettingsPageActions.settingsChanged({ changes: { shortcuts: true, dtmfKeys: false } }),
    );
    press(ALT_A);
    await app.settle();
    expect(press({ key: '5', code: 'Digit5' }).defaultPrevented).toBeFalse();
    await app.settle();
    expect(app.state(callsFeature.selectActiveCall)?.dtmfSent).toEqual([]);
  });

  it('answers to the key the agent chose instead of the default', async () => {
    const { app, queued, first, second } = await twoCallsRinging();
    app.store.dispatch(
      SettingsPageActions.settingsChanged({
        changes: { shortcutKeys: { ...DEFAULT_SHORTCUT_KEYS, accept: 'Ctrl+Alt+Q' } },
      }),
    );
    press(ALT_A);
    await app.settle();
    expect(queued()).toEqual([first, second]);
    press({ key: 'q', code: 'KeyQ', altKey: true, ctrlKey: true });
    await app.settle();
    expect(queued()).toEqual([second]);
  });
});
