import { TestBed } from '@angular/core/testing';
import { provideEffects } from '@ngrx/effects';
import { provideState, provideStore, Store } from '@ngrx/store';
import { take } from 'rxjs/operators';
import { DEFAULT_SETTINGS, type AgentSettings } from '../../model/settings';
import { agentFeature } from '../agent/agent.feature';
import { AuthApiActions } from '../agent/auth-api.actions';
import { MemoryStorage } from '../testing/memory-storage';
import { ALEX } from '../testing/taking-calls-here';
import { SettingsPageActions } from './settings-page.actions';
import * as settingsEffects from './settings.effects';
import { settingsFeature } from './settings.feature';
import { parseSettings, SETTINGS_STORAGE, settingsKey } from './settings-storage';

const BLAKE = { ...ALEX, id: '00000000-0000-4000-8000-00000000a002', displayName: 'Blake Chen' };

describe('settings kept per user in this browser', () => {
  function setUp(stored: Record<string, string> = {}) {
    const storage = new MemoryStorage();
    for (const [key, value] of Object.entries(stored)) storage.setItem(key, value);
    TestBed.configureTestingModule({
      providers: [
        provideStore({}),
        provideState(agentFeature),
        provideState(settingsFeature),
        provideEffects(settingsEffects),
        { provide: SETTINGS_STORAGE, useValue: storage },
      ],
    });
    const store = TestBed.inject(Store);
    const settings = () => {
      let value!: AgentSettings;
      store
        .select(settingsFeature.selectSettingsState)
        .pipe(take(1))
        .subscribe((s) => (value = s));
      return value;
    };
    return { store, storage, settings };
  }

  it('loads the signed-in agent’s own copy, and keeps each change they make under their name', () => {
    const mine = {
      ...DEFAULT_SETTINGS,
      sound: false,
      shortcutKeys: { ...DEFAULT_SETTINGS.shortcutKeys, accept: 'Alt+Q' },
    };
    const { store, storage, settings } = setUp({ [settingsKey(ALEX.id)]: JSON.stringify(mine) });
    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    expect(settings()).toEqual(mine);

    store.dispatch(SettingsPageActions.settingsChanged({ changes: { historyDays: 7 } }));
    expect(JSON.parse(storage.getItem(settingsKey(ALEX.id))!)).toEqual({ ...mine, historyDays: 7 });
  });

  it('keeps each agent’s settings apart: another agent on this browser starts from the defaults', () => {
    const { store, storage, settings } = setUp();
    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    store.dispatch(SettingsPageActions.settingsChanged({ changes: { dtmfKeys: false } }));

    store.dispatch(AuthApiActions.signedIn({ user: BLAKE }));
    expect(settings()).toEqual(DEFAULT_SETTINGS);
    expect(storage.getItem(settingsKey(BLAKE.id))).toBeNull();

    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    expect(settings().dtmfKeys).toBeFalse();
  });

  it('never writes before the agent changes something, so signing in cannot overwrite a kept copy', () => {
    const { store, storage } = setUp();
    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    expect(storage.items.size).toBe(0);
    store.dispatch(SettingsPageActions.defaultsRestored());
    expect(JSON.parse(storage.getItem(settingsKey(ALEX.id))!)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a copy that is not JSON, or not an object, as the defaults', () => {
    for (const bad of ['{not json', '[1,2]', '"sound"', 'null']) {
      expect(parseSettings(bad)).withContext(bad).toEqual(DEFAULT_SETTINGS);
    }
    const { store, settings } = setUp({ [settingsKey(ALEX.id)]: '{not json' });
    store.dispatch(AuthApiActions.signedIn({ user: ALEX }));
    expect(settings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the good values of a damaged copy and puts each bad one back to its default', () => {
    const copy = {
      sound: 'yes',
      desktopAlerts: false,
      historyDays: 9000,
      keepTranscripts: true,
      microphoneId: 42,
      speakerId: 'speaker-2',
      unknown: 'ignored',
    };
    expect(parseSettings(JSON.stringify(copy))).toEqual({
      ...DEFAULT_SETTINGS,
      desktopAlerts: false,
      keepTranscripts: true,
      speakerId: 'speaker-2',
    });
  });

  it('puts the shortcut keys back to the defaults when two actions share a key or one is missing', () => {
    const keys = DEFAULT_SETTINGS.shortcutKeys;
    expect(parseSettings(JSON.stringify({ shortcutKeys: { ...keys, mute: 'Alt+A' } })).shortcutKeys).toEqual(
      keys,
    );
    expect(parseSettings(JSON.stringify({ shortcutKeys: { accept: 'Alt+Q' } })).shortcutKeys).toEqual(keys);
    expect(parseSettings(JSON.stringify({ shortcutKeys: { ...keys, help: 'F1' } })).shortcutKeys).toEqual({
      ...keys,
      help: 'F1',
    });
  });
});
