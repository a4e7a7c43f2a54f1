import { Component, Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideRouter } from '@angular/router';
import { Store } from '@ngrx/store';
import { DEFAULT_SHORTCUT_KEYS } from '../../model/settings';
import { SettingsPageActions } from '../../state/settings/settings-page.actions';
import { provideTestState } from '../../state/testing/provide-test-state';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { showShortcutsHelp } from './provide-keyboard-shortcuts';

@Component({ selector: 'sb-page-stub', template: '' })
class PageStub {}

const QUESTION_MARK = { key: '?', code: 'Slash', shiftKey: true };

describe('The Keyboard shortcuts dialog', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: [...provideTestState(), provideRouter([])] });
    const fixture = TestBed.createComponent(PageStub);
    TestBed.inject(KeyboardShortcuts).start();
    const press = async (init: KeyboardEventInit) => {
      const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
      (document.activeElement ?? document.body).dispatchEvent(event);
      await fixture.whenStable();
    };
    const dialogs = () =>
      TestbedHarnessEnvironment.documentRootLoader(fixture).getAllHarnesses(MatDialogHarness);
    return { fixture, press, dialogs, store: TestBed.inject(Store) };
  }

  it('opens on ? and lists every shortcut with the key the agent set, and the digits', async () => {
    const { press, dialogs, store } = await setUp();
    store.dispatch(
      SettingsPageActions.settingsChanged({
        changes: { shortcutKeys: { ...DEFAULT_SHORTCUT_KEYS, hold: 'Ctrl+Alt+H' } },
      }),
    );
    await press(QUESTION_MARK);
    const [dialog] = await dialogs();
    expect(await dialog!.getTitleText()).toBe('Keyboard shortcuts');
    const rows = [...document.querySelectorAll('sb-shortcuts-help tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['Accept the longest-waiting call', 'Alt+A'],
      ['Reject the longest-waiting call', 'Alt+D'],
      ['Mute or unmute', 'Alt+M'],
      ['Hold or resume', 'Ctrl+Alt+H'],
      ['Hang up', 'Alt+E'],
      ['Transfer the call', 'Alt+T'],
      ['Show keyboard shortcuts', '?'],
      ['Send a tone on the call', '0–9, *, #'],
    ]);
    expect(await dialog!.getContentText()).toContain('Change or turn off shortcuts in Settings');

    // Pressing ? again, inside the dialog, opens nothing more.
    await press(QUESTION_MARK);
    expect((await dialogs()).length).toBe(1);
  });

  it('opens from the toolbar’s button even with shortcuts off, and says they are off', async () => {
    const { fixture, press, dialogs, store } = await setUp();
    store.dispatch(SettingsPageActions.settingsChanged({ changes: { shortcuts: false } }));
    await press(QUESTION_MARK);
    expect(await dialogs()).toEqual([]);

    await showShortcutsHelp(TestBed.inject(Injector));
    await fixture.whenStable();
    const [dialog] = await dialogs();
    expect(await dialog!.getContentText()).toContain('Keyboard shortcuts are off.');
  });
});
