/** What a keyboard shortcut does. `dtmf` is the digit keys (0–9, *, #) sending tones on the active call. */
export type ShortcutAction = 'accept' | 'reject' | 'mute' | 'hold' | 'hangUp' | 'transfer' | 'help';

/**
 * The agent's own settings, kept in this browser (localStorage, per signed-in user). Nothing in
 * them is secret.
 */
export interface AgentSettings {
  /** A ringing call plays the ringtone. */
  readonly sound: boolean;
  /** A ringing call raises a desktop notification while the tab is hidden. */
  readonly desktopAlerts: boolean;
  /** Keyboard shortcuts are on (WCAG 2.1.4: single-key ones can be turned off or remapped). */
  readonly shortcuts: boolean;
  /** The digit keys send DTMF tones on the active call (single keys: on only with `shortcuts`). */
  readonly dtmfKeys: boolean;
  /** Each action's key, as `KeyboardEvent` spells it with modifiers first: `Alt+A`, `?`. */
  readonly shortcutKeys: Readonly<Record<ShortcutAction, string>>;
  /** A queue call that rings out on the agent unanswered sets them Away (contact centers do). */
  readonly awayAfterMissedCall: boolean;
  /** Days the call history is kept in this browser (1–365). */
  readonly historyDays: number;
  /** Captions' final transcript is kept with the call's history entry (callers say card numbers). */
  readonly keepTranscripts: boolean;
  /** Chosen devices (the SDK's `deviceManager` ids); null: the system default. */
  readonly microphoneId: string | null;
  readonly speakerId: string | null;
  readonly cameraId: string | null;
}

export const DEFAULT_SHORTCUT_KEYS: Readonly<Record<ShortcutAction, string>> = {
  accept: 'Alt+A',
  reject: 'Alt+D',
  mute: 'Alt+M',
  hold: 'Alt+H',
  hangUp: 'Alt+E',
  transfer: 'Alt+T',
  help: '?',
};

export const DEFAULT_SETTINGS: AgentSettings = {
  sound: true,
  desktopAlerts: true,
  shortcuts: true,
  dtmfKeys: true,
  shortcutKeys: DEFAULT_SHORTCUT_KEYS,
  awayAfterMissedCall: true,
  historyDays: 30,
  keepTranscripts: false,
  microphoneId: null,
  speakerId: null,
  cameraId: null,
};
