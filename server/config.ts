import { isLoopback, isSecureOrLoopback } from './loopback';

/** How `server/` checks Entra access tokens. */
export interface EntraSettings {
  readonly tenantId: string;
  /** The console's app registration: the `azp`/`appid` of its tokens, `clientId` for ACS. */
  readonly clientId: string;
  readonly authority: string;
  readonly issuer: string;
  readonly audience: string;
  /** The API's delegated scope, in full (`api://<client id>/access_as_user`). */
  readonly apiScope: string;
  /** Where the tenant's signing keys are; `null`: from OpenID discovery at the issuer. */
  readonly jwksUrl: string | null;
}

/** What `config.json` tells the console (see `console-config.ts`). */
export interface ConsoleSettings {
  readonly backend: 'acs' | 'emulator';
  readonly emulatorUrl: string;
  readonly teamsScopes: readonly string[];
  readonly graphScopes: readonly string[];
  readonly graphBaseUrl: string;
  readonly logLevel: 'verbose' | 'info' | 'warning' | 'error';
  /** The floor's WebSocket: a path on the console's origin, or a `wss://` URL (`ws://` to loopback). */
  readonly floorUrl: string;
  /** What an agent picks from after a call; the console's own list when unset. */
  readonly wrapUpCodes: readonly string[];
  /** How long after-call work lasts at most; 0: no limit. */
  readonly afterCallWorkSeconds: number;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  readonly entra: EntraSettings;
  /** From the environment only; never logged. */
  readonly acsConnectionString: string;
  readonly allowedOrigins: readonly string[];
  /** Token exchanges per user (or per address, before a token is valid) per window. */
  readonly rateLimit: { readonly max: number; readonly windowMs: number };
  readonly trustProxy: boolean | number;
  /** The built console to serve (`dist/switchboard/browser`); `null`: the API alone. */
  readonly consoleDir: string | null;
  readonly console: ConsoleSettings;
  /** Where the supervisor's floor lives when instances share it; `null`: in this process. */
  readonly redisUrl: string | null;
  /** The floor's service level: a queued call answered within this of its first ring is answered in time. */
  readonly serviceLevelSeconds: number;
}

/** Every problem with the environment at once, each naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`server/ cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const ACS_SCOPES = [
  'https://auth.msft.communication.azure.com/Teams.ManageCalls',
  'https://auth.msft.communication.azure.com/Teams.ManageChats',
];
/**
 * What the console asks Microsoft Graph for (delegated): chats, users, their presence, and the
 * agent's own presence to set (a call queue with presence-based routing reads it).
 */
const GRAPH_SCOPES = ['Chat.ReadWrite', 'User.Read.All', 'Presence.Read.All', 'Presence.ReadWrite'];
/** The console's wrap-up codes unless `WRAP_UP_CODES` names others. */
const WRAP_UP_CODES = ['Resolved', 'Follow-up needed', 'Escalated', 'Wrong number'];
const MAX_AFTER_CALL_WORK_SECONDS = 8 * 60 * 60;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads `server/`'s settings from the environment (see README.md), or throws `ConfigError`. */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const problems: string[] = [];
  const text = (name: string) => env[name]?.trim() || undefined;
  const required = (name: string, what: string) => {
    const value = text(name);
    if (!value) problems.push(`${name} is missing: ${what}.`);
    return value ?? '';
  };
  const integer = (name: string, fallback: number, min: number) => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min)
      problems.push(`${name} must be a whole number ≥ ${min}, not "${value}".`);
    return Number(value);
  };
  const url = (name: string, value: string, rule: string) => {
    const parsed = URL.canParse(value) ? new URL(value) : null;
    if (!parsed || !isSecureOrLoopback(parsed)) problems.push(`${name} must be ${rule}, not "${value}".`);
    return value.replace(/\/+$/, '');
  };
  const list = (name: string, fallback: readonly string[]) =>
    text(name)
      ?.split(/[\s,]+/)
      .filter(Boolean) ?? fallback;

  const tenantId = required('ENTRA_TENANT_ID', "the Entra tenant's id (a GUID)");
  if (tenantId && !GUID.test(tenantId)) problems.push(`ENTRA_TENANT_ID must be a GUID, not "${tenantId}".`);
  const clientId = required(
    'ENTRA_CLIENT_ID',
    "the console's app registration (its Application (client) ID)",
  );
  const authorityText = text('ENTRA_AUTHORITY') ?? `https://login.microsoftonline.com/${tenantId}`;
  if (!URL.canParse(authorityText) || new URL(authorityText).protocol !== 'https:') {
    problems.push(`ENTRA_AUTHORITY must be an https URL (MSAL refuses any other), not "${authorityText}".`);
  }
  const authority = authorityText.replace(/\/+$/, '');
  const issuerText = text('ENTRA_ISSUER');
  const jwksText = text('ENTRA_JWKS_URL');
  const acsConnectionString = required(
    'ACS_CONNECTION_STRING',
    'the Azure Communication Services resource\'s connection string ("endpoint=https://...;accesskey=...")',
  );
  const acsEndpoint = /^endpoint=([^;]+);accesskey=(.+)$/i.exec(acsConnectionString)?.[1];
  if (acsConnectionString && !acsEndpoint) {
    problems.push(
      'ACS_CONNECTION_STRING must look like "endpoint=https://<resource>.communication.azure.com/;accesskey=<key>".',
    );
  } else if (acsEndpoint) {
    url('ACS_CONNECTION_STRING', acsEndpoint, 'https (plain http only to loopback: the emulator)');
  }
  const allowedOrigins = list('ALLOWED_ORIGINS', []).map((origin) => {
    const parsed = URL.canParse(origin) ? new URL(origin) : null;
    if (!parsed || parsed.origin !== origin)
      problems.push(`ALLOWED_ORIGINS: "${origin}" is not an origin (scheme://host[:port]).`);
    return origin;
  });
  const backend = text('CONSOLE_BACKEND') ?? 'acs';
  if (backend !== 'acs' && backend !== 'emulator')
    problems.push(`CONSOLE_BACKEND must be "acs" or "emulator", not "${backend}".`);
  const consoleLogLevel = text('CONSOLE_LOG_LEVEL') ?? 'warning';
  if (!['verbose', 'info', 'warning', 'error'].includes(consoleLogLevel)) {
    problems.push(`CONSOLE_LOG_LEVEL must be verbose, info, warning or error, not "${consoleLogLevel}".`);
  }
  const redisUrl = text('REDIS_URL') ?? null;
  if (redisUrl !== null && !/^rediss?:$/.test(URL.canParse(redisUrl) ? new URL(redisUrl).protocol : '')) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL.');
  }
  const floorUrl = text('FLOOR_URL') ?? '/api/floor';
  const floorParsed = URL.canParse(floorUrl) ? new URL(floorUrl) : null;
  const floorUrlOk = floorParsed
    ? floorParsed.protocol === 'wss:' || (floorParsed.protocol === 'ws:' && isLoopback(floorParsed))
    : floorUrl.startsWith('/') && !floorUrl.startsWith('//');
  if (!floorUrlOk) {
    problems.push(
      `FLOOR_URL must be a path on the console's origin (/api/floor) or a wss:// URL (ws:// only to loopback), not "${floorUrl}".`,
    );
  }
  // Codes have spaces ("Follow-up needed"): commas alone separate them.
  const wrapUpCodes =
    text('WRAP_UP_CODES')
      ?.split(',')
      .map((code) => code.trim())
      .filter(Boolean) ?? WRAP_UP_CODES;
  if (wrapUpCodes.length === 0 || new Set(wrapUpCodes).size !== wrapUpCodes.length)
    problems.push('WRAP_UP_CODES must be one or more different codes, separated by commas.');
  const afterCallWorkSeconds = integer('AFTER_CALL_WORK_SECONDS', 120, 0);
  if (afterCallWorkSeconds > MAX_AFTER_CALL_WORK_SECONDS)
    problems.push(
      `AFTER_CALL_WORK_SECONDS must be at most ${MAX_AFTER_CALL_WORK_SECONDS} (8 hours), not "${afterCallWorkSeconds}".`,
    );
  const trustProxy = text('TRUST_PROXY') ?? 'false';
  if (!/^(true|false|\d+)$/.test(trustProxy))
    problems.push(`TRUST_PROXY must be true, false or a number of proxies, not "${trustProxy}".`);

  const config: ServerConfig = {
    port: integer('PORT', 8080, 0),
    host: text('HOST') ?? '0.0.0.0',
    logLevel: text('LOG_LEVEL') ?? 'info',
    entra: {
      tenantId,
      clientId,
      authority,
      // Derived from the authority, already checked; set, it may be loopback http (a test tenant).
      issuer: issuerText ? url('ENTRA_ISSUER', issuerText, 'an https URL') : `${authority}/v2.0`,
      audience: text('ENTRA_AUDIENCE') ?? clientId,
      apiScope: text('ENTRA_API_SCOPE') ?? `api://${clientId}/access_as_user`,
      jwksUrl: jwksText
        ? url('ENTRA_JWKS_URL', jwksText, 'https (plain http only to loopback: the emulator)')
        : null,
    },
    acsConnectionString,
    allowedOrigins,
    rateLimit: {
      max: integer('RATE_LIMIT_MAX', 60, 1),
      windowMs: integer('RATE_LIMIT_WINDOW_SECONDS', 30, 1) * 1000,
    },
    trustProxy: trustProxy === 'true' ? true : trustProxy === 'false' ? false : Number(trustProxy),
    consoleDir: text('SERVE_CONSOLE_DIR') ?? null,
    console: {
      backend: backend === 'emulator' ? 'emulator' : 'acs',
      emulatorUrl: text('CONSOLE_EMULATOR_URL') ?? '',
      teamsScopes: list('TEAMS_SCOPES', ACS_SCOPES),
      graphScopes: list('GRAPH_SCOPES', GRAPH_SCOPES),
      graphBaseUrl: text('GRAPH_BASE_URL') ?? 'https://graph.microsoft.com/v1.0',
      logLevel: consoleLogLevel as ConsoleSettings['logLevel'],
      floorUrl,
      wrapUpCodes,
      afterCallWorkSeconds,
    },
    redisUrl,
    serviceLevelSeconds: integer('FLOOR_SERVICE_LEVEL_SECONDS', 20, 1),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
