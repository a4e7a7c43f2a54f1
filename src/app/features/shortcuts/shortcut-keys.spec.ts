import { DEFAULT_SHORTCUT_KEYS } from '../../model/settings';
import { isSingleKey, keyInUse, keyOf } from './shortcut-keys';

const key = (init: Partial<KeyboardEvent>) =>
  keyOf({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...init });

describe('shortcut keys', () => {
  it('spells a key press modifiers first, by the physical key under Alt (macOS types å)', () => {
    expect(key({ key: 'å', code: 'KeyA', altKey: true })).toBe('Alt+A');
    expect(key({ key: 'F2', code: 'F2', ctrlKey: true, shiftKey: true })).toBe('Ctrl+Shift+F2');
    expect(key({ key: '?', code: 'Slash', shiftKey: true })).toBe('?');
    expect(key({ key: 'h', code: 'KeyH' })).toBe('H');
    expect(key({ key: 'Alt', code: 'AltLeft', altKey: true })).toBeNull();
  });

  it('tells single keys (which WCAG 2.1.4 wants switchable) from chords', () => {
    expect(isSingleKey('?')).toBeTrue();
    expect(isSingleKey('5')).toBeTrue();
    expect(isSingleKey('Shift+F2')).toBeTrue();
    expect(isSingleKey('Alt+A')).toBeFalse();
  });

  it('refuses a key another action has, naming that action; and the digits while they send tones', () => {
    expect(keyInUse('Alt+M', DEFAULT_SHORTCUT_KEYS, true, 'accept')).toBe(
      'Alt+M is already the key for “Mute or unmute”. Choose another.',
    );
    expect(keyInUse('Alt+A', DEFAULT_SHORTCUT_KEYS, true, 'accept')).toBeNull();
    expect(keyInUse('5', DEFAULT_SHORTCUT_KEYS, true, 'help')).toBe(
      '5 sends a tone on the call while “Digit keys send tones” is on. Choose another.',
    );
    expect(keyInUse('5', DEFAULT_SHORTCUT_KEYS, false, 'help')).toBeNull();
  });
});
