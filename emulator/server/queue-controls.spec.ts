import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requestJson } from '../testing/raw-clients';
import { startEmulator, type RunningEmulator } from './emulator-server';

const ALEX = '00000000-0000-4000-8000-00000000a001';

describe('emulator server: queue settings and presence', () => {
  let emulator: RunningEmulator;
  const patch = (path: string, body: unknown) =>
    requestJson(emulator.url, path, { method: 'PATCH', body: JSON.stringify(body) });
  const get = async (path: string) => (await requestJson(emulator.url, path)).body as unknown;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
  });
  after(async () => {
    await emulator.close();
  });

  it('changes a queue’s routing settings and answers them; the state shows them', async () => {
    assert.deepEqual(await get('/emulator/queues'), [
      { name: 'Billing', presenceBasedRouting: false, agentAlertSeconds: 30 },
      { name: 'Technical support', presenceBasedRouting: false, agentAlertSeconds: 30 },
      { name: 'Sales', presenceBasedRouting: false, agentAlertSeconds: 30 },
    ]);
    assert.deepEqual(await patch('/emulator/queues/Technical%20support', { presenceBasedRouting: true }), {
      status: 200,
      body: { name: 'Technical support', presenceBasedRouting: true, agentAlertSeconds: 30 },
    });
    assert.deepEqual(await patch('/emulator/queues/Technical%20support', { agentAlertSeconds: 15 }), {
      status: 200,
      body: { name: 'Technical support', presenceBasedRouting: true, agentAlertSeconds: 15 },
    });
    const state = (await get('/emulator/state')) as { queues: unknown[]; presence: Record<string, unknown> };
    assert.deepEqual(state.queues[1], {
      name: 'Technical support',
      presenceBasedRouting: true,
      agentAlertSeconds: 15,
    });
    assert.deepEqual(state.presence['blake'], { availability: 'Offline', activity: 'Offline' });
    await patch('/emulator/queues/Technical%20support', {
      presenceBasedRouting: false,
      agentAlertSeconds: 30,
    });
  });

  it('refuses a bad body (400) and an unknown queue (404), saying what to fix', async () => {
    const refused = async (body: unknown, name = 'Billing') => {
      const { status, body: answer } = await patch(`/emulator/queues/${name}`, body);
      return [status, answer['error']];
    };
    assert.deepEqual(await refused({}), [
      400,
      'Give what to change: one or more of presenceBasedRouting, agentAlertSeconds (GET /emulator/queues reads them).',
    ]);
    assert.deepEqual(await refused({ agentAlertSeconds: 10 }), [
      400,
      '"agentAlertSeconds" must be an integer from 15 to 180 (seconds).',
    ]);
    assert.deepEqual(await refused({ presenceBasedRouting: 'yes' }), [
      400,
      '"presenceBasedRouting" must be true or false.',
    ]);
    assert.deepEqual(await refused({ presenceBasedRoutng: true }), [
      400,
      'Unknown field "presenceBasedRoutng": the body takes "presenceBasedRouting", "agentAlertSeconds".',
    ]);
    assert.deepEqual(await refused({ presenceBasedRouting: true }, 'Refunds'), [
      404,
      'No call queue named "Refunds": one of Billing, Technical support, Sales.',
    ]);
    const plain = await requestJson(emulator.url, '/emulator/queues/Billing', {
      method: 'PATCH',
      body: 'presenceBasedRouting=true',
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(plain.status, 415);
    assert.deepEqual(await get('/emulator/queues').then((queues) => (queues as unknown[])[0]), {
      name: 'Billing',
      presenceBasedRouting: false,
      agentAlertSeconds: 30,
    });
  });

  it('sets presence through Graph over HTTP: 200 with no body, then read back in the state', async () => {
    const token = emulator.world.signIn('alex');
    const response = await fetch(`${emulator.url}/v1.0/users/${ALEX}/presence/setPresence`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ sessionId: 'switchboard', availability: 'Away', activity: 'Away' }),
    });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
    const state = (await get('/emulator/state')) as { presence: Record<string, unknown> };
    assert.deepEqual(state.presence['alex'], { availability: 'Away', activity: 'Away' });
  });
});
