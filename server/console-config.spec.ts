import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app';
import { readServerConfig } from './config';

const environment = {
  ENTRA_TENANT_ID: '11111111-1111-4111-8111-111111111111',
  ENTRA_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
  ACS_CONNECTION_STRING: `endpoint=https://switchboard.communication.azure.com/;accesskey=${Buffer.from('k').toString('base64')}`,
  CONSOLE_LOG_LEVEL: 'info',
  LOG_LEVEL: 'silent',
};

describe('the built console, served with its config.json', () => {
  let dir: string;
  let app: FastifyInstance;
  const get = (url: string, accept = 'text/html') => app.inject({ url, headers: { accept } });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-console-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title><sb-root></sb-root>');
    writeFileSync(join(dir, 'main-AB12CD34.js'), 'console.log("main")');
    writeFileSync(join(dir, 'config.json'), '{"backend":"emulator"}');
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'favicon.ico'), 'icon');
    app = await buildServer(readServerConfig({ ...environment, SERVE_CONSOLE_DIR: dir }));
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves config.json from the environment, not the one in the build', async () => {
    const response = await get('/config.json', 'application/json');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.deepEqual(response.json(), {
      backend: 'acs',
      emulatorUrl: '',
      clientId: environment.ENTRA_CLIENT_ID,
      authority: `https://login.microsoftonline.com/${environment.ENTRA_TENANT_ID}`,
      knownAuthorities: ['login.microsoftonline.com'],
      scopes: {
        api: [`api://${environment.ENTRA_CLIENT_ID}/access_as_user`],
        teams: [
          'https://auth.msft.communication.azure.com/Teams.ManageCalls',
          'https://auth.msft.communication.azure.com/Teams.ManageChats',
        ],
        graph: ['Chat.ReadWrite', 'User.Read.All', 'Presence.Read.All', 'Presence.ReadWrite'],
      },
      tokenUrl: '/api/token',
      floorUrl: '/api/floor',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      logLevel: 'info',
      wrapUpCodes: ['Resolved', 'Follow-up needed', 'Escalated', 'Wrong number'],
      afterCallWorkSeconds: 120,
    });
  });

  it('gives the console the wrap-up codes and after-call work limit the environment sets', async () => {
    const other = await buildServer(
      readServerConfig({
        ...environment,
        WRAP_UP_CODES: 'Sale, No sale ,Callback booked',
        AFTER_CALL_WORK_SECONDS: '0',
      }),
    );
    try {
      const response = await other.inject({ url: '/config.json', headers: { accept: 'application/json' } });
      assert.deepEqual(response.json().wrapUpCodes, ['Sale', 'No sale', 'Callback booked']);
      assert.equal(response.json().afterCallWorkSeconds, 0);
    } finally {
      await other.close();
    }
  });

  it('refuses wrap-up codes given twice and an after-call work limit past a shift, naming each', () => {
    assert.throws(
      () =>
        readServerConfig({ ...environment, WRAP_UP_CODES: 'Sale,Sale', AFTER_CALL_WORK_SECONDS: '90000' }),
      (error: Error) =>
        error.message.includes('WRAP_UP_CODES must be one or more different codes, separated by commas.') &&
        error.message.includes('AFTER_CALL_WORK_SECONDS must be at most 28800 (8 hours), not "90000".'),
    );
  });

  it('names the floor’s socket FLOOR_URL says, else /api/floor on the console’s origin', async () => {
    const other = await buildServer(
      readServerConfig({ ...environment, FLOOR_URL: 'wss://floor.example.com/api/floor' }),
    );
    try {
      const response = await other.inject({ url: '/config.json', headers: { accept: 'application/json' } });
      assert.equal(response.json().floorUrl, 'wss://floor.example.com/api/floor');
    } finally {
      await other.close();
    }
  });

  it('serves the console, index.html for the router’s pages, and caches hashed files for good', async () => {
    const index = await get('/');
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<sb-root>/);
    assert.equal(index.headers['cache-control'], 'no-cache');
    assert.match(
      String(index.headers['content-security-policy']),
      /script-src 'self'.*frame-ancestors 'self'/,
    );

    const page = await get('/supervisor/floor');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<sb-root>/);

    const main = await get('/main-AB12CD34.js', '*/*');
    assert.equal(main.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  it('answers a missing file or API path with the API’s 404, not the console', async () => {
    assert.deepEqual((await get('/missing-XYZ.js', '*/*')).json(), {
      error: { code: 'not_found', message: 'No GET /missing-XYZ.js.' },
    });
    const api = await get('/api/nothing');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found');
  });

  it('refuses to start on a directory without a built console', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'switchboard-empty-'));
    try {
      await assert.rejects(
        buildServer(readServerConfig({ ...environment, SERVE_CONSOLE_DIR: empty })),
        /no index\.html/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
