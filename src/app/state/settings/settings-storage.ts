import { InjectionToken } from '@angular/core';
import {
  DEFAULT_SETTINGS,
  DEFAULT_SHORTCUT_KEYS,
  type AgentSettings,
  type ShortcutAction,
} from '../../model/settings';

/** Where the agent's settings are kept: this browser's localStorage, so they outlive the tab. */
export const SETTINGS_STORAGE = new InjectionToken<Pick<Storage, 'getItem' | 'setItem'>>('SETTINGS_STORAGE', {
  providedIn: 'root',
  factory: () => localStorage,
});

/** One copy per signed-in user (the Entra object id): two agents sharing a browser keep their own. */
export const settingsKey = (userId: string): string => `switchboard-settings:${userId}`;

type Check = (value: unknown) => boolean;
const isBoolean: Check = (value) => typeof value === 'boolean';
const isDeviceId: Check = (value) => value === null || (typeof value === 'string' && value.length > 0);
const isHistoryDays: Check = (value) => Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 365;

const CHECKS: Record<Exclude<keyof AgentSettings, 'shortcutKeys'>, Check> = {
  sound: isBoolean,
  desktopAlerts: isBoolean,
  shortcuts: isBoolean,
  dtmfKeys: isBoolean,
  awayAfterMissedCall: isBoolean,
  keepTranscripts: isBoolean,
  historyDays: isHistoryDays,
  microphoneId: isDeviceId,
  speakerId: isDeviceId,
  cameraId: isDeviceId,
};

/** Every action's key, each a non-empty string and none used twice; else the defaults. */
function shortcutKeysOf(value: unknown): AgentSettings['shortcutKeys'] {
  if (typeof value !== 'object' || value === null) return DEFAULT_SHORTCUT_KEYS;
  const keys = value as Partial<Record<ShortcutAction, unknown>>;
  const actions = Object.keys(DEFAULT_SHORTCUT_KEYS) as ShortcutAction[];
  const chosen = actions.map((action) => keys[action]);
  const valid = chosen.every((key) => typeof key === 'string' && key.length > 0 && key.length <= 32);
  if (!valid || new Set(chosen).size !== chosen.length) return DEFAULT_SHORTCUT_KEYS;
  return Object.fromEntries(
    actions.map((action, i) => [action, chosen[i] as string]),
  ) as AgentSettings['shortcutKeys'];
}

/**
 * The settings as this browser kept them. The copy is the agent's to edit (devtools, an older
 * build): what is not JSON reads as the defaults, and each setting that does not fit its type or
 * range is its default, so one bad value never takes the others with it.
 */
export function parseSettings(text: string | null): AgentSettings {
  if (!text) return DEFAULT_SETTINGS;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return DEFAULT_SETTINGS;
  const copy = stored as Record<string, unknown>;
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [name, check] of Object.entries(CHECKS)) {
    if (check(copy[name])) settings[name] = copy[name];
  }
  settings['shortcutKeys'] = shortcutKeysOf(copy['shortcutKeys']);
  return settings as unknown as AgentSettings;
}
