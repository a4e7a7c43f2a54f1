import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readServerConfig } from './config';

const KEY = Buffer.from('access key').toString('base64');
const production = {
  ENTRA_TENANT_ID: '11111111-1111-4111-8111-111111111111',
  ENTRA_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
  ACS_CONNECTION_STRING: `endpoint=https://switchboard.communication.azure.com/;accesskey=${KEY}`,
};

const problems = (env: Record<string, string>) => {
  try {
    readServerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('server/ configuration from the environment', () => {
  it('names every missing variable at once', () => {
    assert.deepEqual(problems({}), [
      "ENTRA_TENANT_ID is missing: the Entra tenant's id (a GUID).",
      "ENTRA_CLIENT_ID is missing: the console's app registration (its Application (client) ID).",
      'ACS_CONNECTION_STRING is missing: the Azure Communication Services resource\'s connection string ("endpoint=https://...;accesskey=...").',
    ]);
  });

  it('derives the authority, issuer, audience and API scope from the tenant and client', () => {
    const { entra, port, rateLimit, console } = readServerConfig(production);
    assert.deepEqual(entra, {
      tenantId: production.ENTRA_TENANT_ID,
      clientId: production.ENTRA_CLIENT_ID,
      authority: `https://login.microsoftonline.com/${production.ENTRA_TENANT_ID}`,
      issuer: `https://login.microsoftonline.com/${production.ENTRA_TENANT_ID}/v2.0`,
      audience: production.ENTRA_CLIENT_ID,
      apiScope: `api://${production.ENTRA_CLIENT_ID}/access_as_user`,
      jwksUrl: null,
    });
    assert.equal(port, 8080);
    assert.deepEqual(rateLimit, { max: 60, windowMs: 30_000 });
    assert.equal(console.backend, 'acs');
  });

  it('sets the floor’s service level to 20 s and its socket to /api/floor unless told otherwise', () => {
    const defaults = readServerConfig(production);
    assert.equal(defaults.serviceLevelSeconds, 20);
    assert.equal(defaults.console.floorUrl, '/api/floor');
    const told = readServerConfig({
      ...production,
      FLOOR_SERVICE_LEVEL_SECONDS: '30',
      FLOOR_URL: 'wss://floor.example.com/api/floor',
    });
    assert.equal(told.serviceLevelSeconds, 30);
    assert.equal(told.console.floorUrl, 'wss://floor.example.com/api/floor');
  });

  it('allows plain http to loopback only (the emulator), and never says the access key', () => {
    const http = (host: string) =>
      problems({ ...production, ACS_CONNECTION_STRING: `endpoint=http://${host}:4310/;accesskey=${KEY}` });
    assert.deepEqual(http('127.0.0.1'), []);
    assert.deepEqual(http('localhost'), []);
    const remote = http('acs.example.com');
    assert.deepEqual(remote, [
      'ACS_CONNECTION_STRING must be https (plain http only to loopback: the emulator), not "http://acs.example.com:4310/".',
    ]);
    assert.ok(!remote.join().includes(KEY));
    assert.deepEqual(problems({ ...production, ENTRA_JWKS_URL: 'http://keys.example.com/keys' }), [
      'ENTRA_JWKS_URL must be https (plain http only to loopback: the emulator), not "http://keys.example.com/keys".',
    ]);
    assert.equal(problems({ ...production, ACS_CONNECTION_STRING: 'Server=db;Password=hunter2' }).length, 1);
    assert.ok(
      !problems({ ...production, ACS_CONNECTION_STRING: 'Server=db;Password=hunter2' })
        .join()
        .includes('hunter2'),
    );
  });

  it('refuses settings that would not work, naming each', () => {
    assert.deepEqual(
      problems({
        ...production,
        ENTRA_TENANT_ID: 'contoso',
        ENTRA_AUTHORITY: 'http://login.example.com/contoso',
        ALLOWED_ORIGINS: 'https://console.example.com/app',
        RATE_LIMIT_MAX: '0',
        CONSOLE_BACKEND: 'teams',
        REDIS_URL: 'http://127.0.0.1:6379',
        FLOOR_URL: 'ws://floor.example.com/api/floor',
        FLOOR_SERVICE_LEVEL_SECONDS: '0',
      }),
      [
        'ENTRA_TENANT_ID must be a GUID, not "contoso".',
        'ENTRA_AUTHORITY must be an https URL (MSAL refuses any other), not "http://login.example.com/contoso".',
        'ALLOWED_ORIGINS: "https://console.example.com/app" is not an origin (scheme://host[:port]).',
        'CONSOLE_BACKEND must be "acs" or "emulator", not "teams".',
        'REDIS_URL must be a redis:// or rediss:// URL.',
        'FLOOR_URL must be a path on the console\'s origin (/api/floor) or a wss:// URL (ws:// only to loopback), not "ws://floor.example.com/api/floor".',
        'RATE_LIMIT_MAX must be a whole number ≥ 1, not "0".',
        'FLOOR_SERVICE_LEVEL_SECONDS must be a whole number ≥ 1, not "0".',
      ],
    );
  });
});
