import { InjectionToken } from '@angular/core';

/**
 * What an operator sets per deployment, read from `config.json` when the console starts (never
 * baked into the build), so one build serves the emulator and real ACS.
 */
export interface RuntimeConfig {
  /** `emulator`: the embedded ACS emulator; `acs`: Azure Communication Services. */
  readonly backend: 'emulator' | 'acs';
  /** Base URL of the emulator; empty means the console's own origin (the dev server proxies it). */
  readonly emulatorUrl: string;
}

export const RUNTIME_CONFIG = new InjectionToken<RuntimeConfig>('RUNTIME_CONFIG');

/** Checks what `config.json` holds, so a typo fails at start-up with a message, not later. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (typeof raw !== 'object' || raw === null) {
    throw new Error('config.json must hold a JSON object.');
  }
  const { backend = 'emulator', emulatorUrl = '' } = raw as Record<string, unknown>;
  if (backend !== 'emulator' && backend !== 'acs') {
    throw new Error(`config.json: "backend" must be "emulator" or "acs", not ${JSON.stringify(backend)}.`);
  }
  if (typeof emulatorUrl !== 'string') {
    throw new Error('config.json: "emulatorUrl" must be a string (empty for the same origin).');
  }
  return { backend, emulatorUrl };
}

export async function loadRuntimeConfig(url: string): Promise<RuntimeConfig> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
  }
  return parseRuntimeConfig(await response.json());
}
