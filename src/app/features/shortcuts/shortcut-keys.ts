import type { DtmfTone } from '@azure/communication-calling';
import type { ShortcutAction } from '../../model/settings';

/** What each shortcut does, in the words the help and the settings use. */
export const SHORTCUT_WORDS: Readonly<Record<ShortcutAction, string>> = {
  accept: 'Accept the longest-waiting call',
  reject: 'Reject the longest-waiting call',
  mute: 'Mute or unmute',
  hold: 'Hold or resume',
  hangUp: 'Hang up',
  transfer: 'Transfer the call',
  help: 'Show keyboard shortcuts',
};

export const SHORTCUT_ACTIONS = Object.keys(SHORTCUT_WORDS) as ShortcutAction[];

/** The keys that send tones on the active call (`Digit keys send tones`). */
export const DTMF_KEYS: ReadonlyMap<string, DtmfTone> = new Map<string, DtmfTone>([
  ...Array.from({ length: 10 }, (_, digit): [string, DtmfTone] => [String(digit), `Num${digit}` as DtmfTone]),
  ['*', 'Star'],
  ['#', 'Pound'],
]);

const MODIFIER_KEYS: ReadonlySet<string> = new Set(['Alt', 'AltGraph', 'Control', 'Meta', 'Shift', 'OS']);

/**
 * A key press as the settings spell it, modifiers first: `Alt+A`, `Ctrl+Shift+F2`, `?`. With Alt,
 * Ctrl or Meta the physical key names it (macOS turns Alt+A into "å"); otherwise the character
 * typed does, so Shift is in it already (`?`). A modifier on its own is no shortcut: null.
 */
export function keyOf(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): string | null {
  if (!event.key || MODIFIER_KEYS.has(event.key)) return null;
  const chord = event.altKey || event.ctrlKey || event.metaKey;
  const physical = /^(?:Key([A-Z])|Digit(\d))$/.exec(event.code ?? '');
  const base =
    chord && physical
      ? (physical[1] ?? physical[2]!)
      : event.key.length === 1
        ? event.key.toUpperCase()
        : event.key;
  const named = base === ' ' ? 'Space' : base;
  const shift = event.shiftKey && (chord || event.key.length > 1);
  return [event.ctrlKey && 'Ctrl', event.altKey && 'Alt', shift && 'Shift', event.metaKey && 'Meta', named]
    .filter(Boolean)
    .join('+');
}

/** A key with no Alt, Ctrl or Meta: typing would press it, so it may be turned off (WCAG 2.1.4). */
export const isSingleKey = (key: string): boolean => !/(^|\+)(Ctrl|Alt|Meta)\+/.test(key);

const TEXT_INPUTS: ReadonlySet<string> = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/**
 * Where a shortcut must not fire: while the agent types (a text field, a select, an editable
 * region) and inside a dialog, a menu or a select's panel (their own keys come first). A list the
 * agent moves through with the arrow keys (the queue) is not typing: shortcuts work there.
 */
export function isTypingOrInDialog(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return !TEXT_INPUTS.has(target.type);
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return (
    target.closest(
      'textarea, select, [role="textbox"], [role="combobox"], [role="searchbox"], [role="spinbutton"], [role="dialog"], [role="alertdialog"], .cdk-overlay-container',
    ) !== null
  );
}

/**
 * Which action, if any, a key is already used for: a remap refuses it, naming the action. The
 * digit keys count while they send tones.
 */
export function keyInUse(
  key: string,
  keys: Readonly<Record<ShortcutAction, string>>,
  dtmfKeys: boolean,
  except: ShortcutAction,
): string | null {
  const owner = SHORTCUT_ACTIONS.find((action) => action !== except && keys[action] === key);
  if (owner) return `${key} is already the key for “${SHORTCUT_WORDS[owner]}”. Choose another.`;
  if (dtmfKeys && DTMF_KEYS.has(key))
    return `${key} sends a tone on the call while “Digit keys send tones” is on. Choose another.`;
  return null;
}
