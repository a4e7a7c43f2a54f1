import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postJson, requestJson } from '../testing/raw-clients';
import { startEmulator, type RunningEmulator } from './emulator-server';

interface StateCall {
  id: string;
  recording?: { consentRequired: boolean };
  parties: { key?: string; isMuted: boolean }[];
}

describe('emulator server: POST /emulator/recording', () => {
  let emulator: RunningEmulator;
  let callId: string;
  const post = (body: unknown) => postJson(emulator.url, '/emulator/recording', body);
  const call = async () =>
    ((await requestJson(emulator.url, '/emulator/state')).body as { calls: StateCall[] }).calls[0];
  const alexMuted = async () => (await call()).parties.find((p) => p.key === 'alex')?.isMuted;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 9, scenario: false });
    const { world } = emulator;
    const endpoint = world.open(
      () => undefined,
      () => undefined,
    );
    await world.request(endpoint, { op: 'hello', token: world.issueToken('alex').token });
    callId = world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
    await world.request(endpoint, { op: 'accept', incomingCallId: callId });
  });
  after(async () => {
    await emulator.close();
  });

  it("starts recording a user's live call, asking consent unless told not to, and stops it", async () => {
    assert.deepEqual(await post({ userKey: 'alex', action: 'start' }), {
      status: 200,
      body: { calls: [callId] },
    });
    assert.deepEqual((await call()).recording, { consentRequired: true });
    assert.equal(await alexMuted(), true, 'muted by the service until Alex consents');
    assert.deepEqual(await post({ userKey: 'alex', action: 'stop' }), {
      status: 200,
      body: { calls: [callId] },
    });
    assert.equal((await call()).recording, undefined);
    assert.equal(await alexMuted(), true, 'Alex unmutes when Alex chooses');
    assert.deepEqual(await post({ userKey: 'alex', action: 'start', consentRequired: false }), {
      status: 200,
      body: { calls: [callId] },
    });
    assert.deepEqual((await call()).recording, { consentRequired: false });
    await post({ userKey: 'alex', action: 'stop' });
  });

  it('refuses a body it cannot act on, saying which field and what it takes', async () => {
    const refused = async (body: unknown) => {
      const response = await post(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      return response.body['error'];
    };
    assert.equal(
      await refused({ action: 'start' }),
      '"userKey" names the user whose live call is recorded (e.g. "alex").',
    );
    assert.equal(await refused({ userKey: 'alex' }), '"action" is "start" or "stop".');
    assert.equal(await refused({ userKey: 'alex', action: 'pause' }), '"action" is "start" or "stop".');
    assert.equal(
      await refused({ userKey: 'alex', action: 'start', consentRequired: 'yes' }),
      '"consentRequired" must be true or false.',
    );
    assert.equal(
      await refused({ userKey: 'alex', action: 'start', consent: true }),
      'Unknown field "consent": the body takes "userKey", "action", "consentRequired".',
    );
    assert.equal((await call()).recording, undefined, 'nothing was recorded');
  });

  it('answers 404 for a user the directory lacks, or one without a live call', async () => {
    assert.deepEqual(await post({ userKey: 'mallory', action: 'start' }), {
      status: 404,
      body: { error: 'No user "mallory" in the directory (GET /emulator/users).' },
    });
    assert.deepEqual(await post({ userKey: 'blake', action: 'start' }), {
      status: 404,
      body: { error: 'Blake Chen (blake) has no live call to record.' },
    });
  });
});
