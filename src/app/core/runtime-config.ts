import { InjectionToken } from '@angular/core';

/** The levels `@azure/logger` knows, from the most to the least said. */
export const LOG_LEVELS = ['verbose', 'info', 'warning', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What an operator sets per deployment, read from `config.json` when the console starts (never
 * baked into the build), so one build serves the emulator and real ACS. `server/` writes it from
 * its environment (server/README.md).
 */
export interface RuntimeConfig {
  /** `emulator`: the embedded ACS emulator's calling module; `acs`: Azure Communication Services. */
  readonly backend: 'emulator' | 'acs';
  /** Base URL of the emulator; empty means the console's own origin (the dev server proxies it). */
  readonly emulatorUrl: string;
  /** The console's Entra app registration: its Application (client) ID. */
  readonly clientId: string;
  /** The tenant's authority, always `https` (MSAL refuses anything else). */
  readonly authority: string;
  /** Authority hosts MSAL trusts without asking Microsoft's instance discovery. */
  readonly knownAuthorities: readonly string[];
  readonly scopes: {
    /** Switchboard's own API: the token `tokenUrl` takes, which carries the user's app role. */
    readonly api: readonly string[];
    /** Azure Communication Services' Teams permissions: the token `tokenUrl` exchanges. */
    readonly teams: readonly string[];
    /** Microsoft Graph (chats, users, presence). */
    readonly graph: readonly string[];
  };
  /** `server/`'s token exchange: the Entra tokens in, the ACS token out. */
  readonly tokenUrl: string;
  /** Microsoft Graph with its version ("https://graph.microsoft.com/v1.0"), or a path on this origin. */
  readonly graphBaseUrl: string;
  /** How much the Calling SDK, MSAL and the console log (`@azure/logger`'s levels). */
  readonly logLevel: LogLevel;
  /**
   * The supervisor's floor, `server/`'s WebSocket: a path on the console's origin (`/api/floor`,
   * the default) or a `wss:` URL (`ws:` on this machine only).
   */
  readonly floorUrl: string;
  /** The wrap-up codes an agent picks from after a call (`["Resolved", ...]` unless set). */
  readonly wrapUpCodes: readonly string[];
  /** How long after-call work may last before it ends by itself, in seconds; 0: no limit. */
  readonly afterCallWorkSeconds: number;
}

export const RUNTIME_CONFIG = new InjectionToken<RuntimeConfig>('RUNTIME_CONFIG');

const KEYS = [
  'backend',
  'emulatorUrl',
  'clientId',
  'authority',
  'knownAuthorities',
  'scopes',
  'tokenUrl',
  'graphBaseUrl',
  'logLevel',
  'floorUrl',
  'wrapUpCodes',
  'afterCallWorkSeconds',
] as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d+)?$/i;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
export const DEFAULT_FLOOR_URL = '/api/floor';
export const DEFAULT_WRAP_UP_CODES: readonly string[] = [
  'Resolved',
  'Follow-up needed',
  'Escalated',
  'Wrong number',
];
export const DEFAULT_AFTER_CALL_WORK_SECONDS = 120;
/** After-call work longer than a shift is a typo, not a policy. */
const MAX_AFTER_CALL_WORK_SECONDS = 8 * 60 * 60;

/** A configuration that cannot work, with every problem named. */
export class RuntimeConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`config.json: ${problems.join(' ')}`);
    this.name = 'RuntimeConfigError';
  }
}

/**
 * Checks what `config.json` holds, so a typo or a missing setting fails at start-up with every
 * problem named, not later at sign-in.
 */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('config.json must hold a JSON object.');
  }
  const settings = raw as Record<string, unknown>;
  const problems: string[] = [];
  const problem = (key: string, text: string) => problems.push(`"${key}" ${text}.`);
  for (const key of Object.keys(settings)) {
    if (!(KEYS as readonly string[]).includes(key))
      problem(key, `is not a setting (the settings are ${KEYS.join(', ')})`);
  }
  const present = (key: string) => {
    if (settings[key] === undefined) problem(key, 'is missing');
    return settings[key] !== undefined;
  };

  const { backend, clientId, authority, tokenUrl, graphBaseUrl } = settings;
  if (present('backend') && backend !== 'emulator' && backend !== 'acs')
    problem('backend', `must be "emulator" or "acs", not ${JSON.stringify(backend)}`);
  const emulatorUrl = settings['emulatorUrl'] ?? '';
  if (typeof emulatorUrl !== 'string' || (emulatorUrl !== '' && !webUrl(emulatorUrl)))
    problem('emulatorUrl', 'must be an http(s) URL, or empty for the console’s own origin');
  if (present('clientId') && (typeof clientId !== 'string' || !GUID.test(clientId)))
    problem('clientId', 'must be the app registration’s Application (client) ID, a GUID');
  if (present('authority') && !httpsUrl(authority))
    problem('authority', 'must be an https URL, such as "https://login.microsoftonline.com/<tenant id>"');
  const knownAuthorities = settings['knownAuthorities'] ?? [];
  if (!stringList(knownAuthorities) || !knownAuthorities.every((host) => HOST.test(host)))
    problem('knownAuthorities', 'must be a list of host names, such as ["login.microsoftonline.com"]');
  const scopes = scopeLists(settings['scopes'], present('scopes'), problem);
  if (
    present('tokenUrl') &&
    !(typeof tokenUrl === 'string' && (tokenUrl.startsWith('/') || httpUrl(tokenUrl)))
  )
    problem('tokenUrl', 'must be a path on the console’s origin (such as "/api/token") or an https URL');
  if (
    present('graphBaseUrl') &&
    !(typeof graphBaseUrl === 'string' && (graphBaseUrl.startsWith('/') || httpUrl(graphBaseUrl)))
  )
    problem(
      'graphBaseUrl',
      'must be an https URL, such as "https://graph.microsoft.com/v1.0", or a path on the console’s origin',
    );
  const logLevel = settings['logLevel'] ?? 'warning';
  if (!(LOG_LEVELS as readonly unknown[]).includes(logLevel))
    problem('logLevel', `must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(logLevel)}`);

  const floorUrl = settings['floorUrl'] ?? DEFAULT_FLOOR_URL;
  if (!(typeof floorUrl === 'string' && (floorUrl.startsWith('/') || socketUrl(floorUrl))))
    problem('floorUrl', 'must be a path on the console’s origin (such as "/api/floor") or a wss URL');

  const wrapUpCodes = settings['wrapUpCodes'] ?? DEFAULT_WRAP_UP_CODES;
  if (!wrapUpCodeList(wrapUpCodes))
    problem('wrapUpCodes', 'must be a list of one or more different, non-empty wrap-up codes');
  const afterCallWorkSeconds = settings['afterCallWorkSeconds'] ?? DEFAULT_AFTER_CALL_WORK_SECONDS;
  if (
    !Number.isInteger(afterCallWorkSeconds) ||
    (afterCallWorkSeconds as number) < 0 ||
    (afterCallWorkSeconds as number) > MAX_AFTER_CALL_WORK_SECONDS
  )
    problem(
      'afterCallWorkSeconds',
      `must be a whole number of seconds from 0 (no limit) to ${MAX_AFTER_CALL_WORK_SECONDS}, not ${JSON.stringify(afterCallWorkSeconds)}`,
    );

  if (problems.length > 0) throw new RuntimeConfigError(problems);
  return {
    backend: backend as RuntimeConfig['backend'],
    emulatorUrl: emulatorUrl as string,
    clientId: clientId as string,
    authority: (authority as string).replace(/\/+$/, ''),
    knownAuthorities: knownAuthorities as string[],
    scopes: scopes!,
    tokenUrl: tokenUrl as string,
    graphBaseUrl: (graphBaseUrl as string).replace(/\/+$/, ''),
    logLevel: logLevel as LogLevel,
    floorUrl: floorUrl as string,
    wrapUpCodes: (wrapUpCodes as string[]).map((code) => code.trim()),
    afterCallWorkSeconds: afterCallWorkSeconds as number,
  };
}

function wrapUpCodeList(value: unknown): value is string[] {
  if (!stringList(value) || value.length === 0) return false;
  const codes = value.map((code) => code.trim());
  return codes.every((code) => code.length > 0) && new Set(codes).size === codes.length;
}

function scopeLists(
  value: unknown,
  present: boolean,
  problem: (key: string, text: string) => void,
): RuntimeConfig['scopes'] | undefined {
  if (!present) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem('scopes', 'must be an object with the lists "api", "teams" and "graph"');
    return undefined;
  }
  const lists = value as Record<string, unknown>;
  for (const name of ['api', 'teams', 'graph']) {
    const list = lists[name];
    if (!stringList(list) || list.length === 0 || list.some((scope) => !scope.trim()))
      problem(`scopes.${name}`, 'must be a list of one or more scopes');
  }
  return { api: lists['api'], teams: lists['teams'], graph: lists['graph'] } as RuntimeConfig['scopes'];
}

function stringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function webUrl(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

function httpsUrl(value: unknown): boolean {
  return typeof value === 'string' && URL.canParse(value) && new URL(value).protocol === 'https:';
}

/** https anywhere; plain http only on this machine (the emulator, a local server/). */
function httpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/** wss anywhere; plain ws only on this machine. */
function socketUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'wss:' || (url.protocol === 'ws:' && LOOPBACK.has(url.hostname));
}

/**
 * The floor's WebSocket address from `floorUrl`: a path is on the page's origin, `wss:` under
 * https and `ws:` under http. Never carries a token (the first frame does).
 */
export function resolveFloorUrl(floorUrl: string, pageOrigin: string): string {
  const url = new URL(floorUrl, pageOrigin);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol === 'http:') url.protocol = 'ws:';
  return url.toString();
}

export async function loadRuntimeConfig(url: string): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch {
    throw new Error(`Could not load ${url}: the server is not reachable.`);
  }
  if (!response.ok) {
    throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
  }
  const body: unknown = await response.json().catch(() => {
    throw new Error(`${url} is not JSON.`);
  });
  return parseRuntimeConfig(body);
}
