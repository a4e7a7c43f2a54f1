import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FloorClient } from '../testing/floor-client';
import { floorCall, useFloorServer } from '../testing/floor-server';
import { REQUEST_TIMEOUT_MS, type FloorCall } from './floor-protocol';

describe('“Ask supervisor”: requests on the floor', () => {
  const floor = useFloorServer();
  const { signedIn, supervisorWithSnapshot } = floor;

  /** An agent on a call it reported (its first-seen message taken). */
  const agentOnCall = async (key = 'call-1', overrides: Partial<FloorCall> = {}) => {
    const agent = await signedIn('Agent');
    report(agent.client, [floorCall(key, overrides)]);
    await agent.client.expect('firstSeen');
    return agent;
  };
  const report = (client: FloorClient, calls: readonly FloorCall[], state = 'onCall') =>
    client.send({ type: 'report', state, since: floor.at(), calls });
  const ask = async (client: FloorClient, callKey = 'call-1') => {
    client.send({ type: 'ask', callKey });
    return client.expect('requestOpened');
  };
  const closeAll = (...clients: FloorClient[]) => Promise.all(clients.map((client) => client.close()));

  it('rings every supervisor not on a call; the first to join takes it, the others hear who did', async () => {
    const first = await supervisorWithSnapshot();
    const second = await supervisorWithSnapshot();
    const busy = await supervisorWithSnapshot();
    // Signed in elsewhere in the console, not watching the floor: the request rings it too.
    const elsewhere = await signedIn('Supervisor');
    report(busy.client, [floorCall('their-own')]);
    assert.deepEqual(await busy.client.settle(), []);
    const agent = await agentOnCall('call-1');

    const opened = await ask(agent.client);
    assert.equal(opened.callKey, 'call-1');
    const expected = {
      id: opened.requestId,
      agent: { id: agent.oid, displayName: agent.name },
      call: { ...floorCall('call-1'), firstSeenAt: floor.at() },
      createdAt: floor.at(),
    };
    assert.deepEqual(await first.client.expect('request'), { type: 'request', request: expected });
    assert.deepEqual(await second.client.expect('request'), { type: 'request', request: expected });
    assert.deepEqual(await elsewhere.client.expect('request'), { type: 'request', request: expected });
    assert.deepEqual(await busy.client.settle(), []);

    const join = { type: 'join', agentId: agent.oid, callKey: 'call-1', requestId: opened.requestId };
    first.client.send(join);
    second.client.send(join);
    const taken = {
      type: 'requestClosed',
      requestId: opened.requestId,
      outcome: 'taken',
      by: { id: first.oid, displayName: first.name },
    };
    assert.deepEqual(await first.client.settle(), [taken]);
    // The loser's card closes saying who took it: once for everyone, once in answer to its join.
    assert.deepEqual(await second.client.settle(), [taken, taken]);
    assert.deepEqual(await busy.client.settle(), [taken]);
    assert.deepEqual(await elsewhere.client.settle(), [taken]);
    assert.deepEqual(await agent.client.settle(), [
      {
        type: 'joinRequested',
        supervisor: { id: first.oid, displayName: first.name },
        callKey: 'call-1',
        requestId: opened.requestId,
      },
    ]);
    const late = await supervisorWithSnapshot();
    assert.deepEqual(late.snapshot.requests, []);
    await closeAll(first.client, second.client, busy.client, elsewhere.client, agent.client, late.client);
  });

  it('asks once per call: asking again answers the open request', async () => {
    const agent = await agentOnCall();
    const opened = await ask(agent.client);
    assert.deepEqual(await ask(agent.client), opened);
    const supervisor = await supervisorWithSnapshot();
    assert.deepEqual(
      supervisor.snapshot.requests.map((request) => request.id),
      [opened.requestId],
    );
    await closeAll(agent.client, supervisor.client);
  });

  it('expires untaken after a minute: the agent hears nobody joined, the cards close', async () => {
    const agent = await agentOnCall();
    const supervisor = await supervisorWithSnapshot();
    const timer = floor.clock.nextTimer(REQUEST_TIMEOUT_MS);
    const { requestId } = await ask(agent.client);
    await timer;
    await supervisor.client.expect('request');

    floor.clock.advance(REQUEST_TIMEOUT_MS - 1);
    assert.deepEqual(await agent.client.settle(), []);
    assert.deepEqual(await supervisor.client.settle(), []);
    floor.clock.advance(1);
    assert.deepEqual(await agent.client.settle(), [{ type: 'requestExpired', requestId, callKey: 'call-1' }]);
    const expired = { type: 'requestClosed', requestId, outcome: 'expired', by: null };
    assert.deepEqual(await supervisor.client.settle(), [expired]);

    // Too late: the joiner hears it expired, the agent hears nothing.
    supervisor.client.send({ type: 'join', agentId: agent.oid, callKey: 'call-1', requestId });
    assert.deepEqual(await supervisor.client.settle(), [expired]);
    assert.deepEqual(await agent.client.settle(), []);
    await closeAll(agent.client, supervisor.client);
  });

  it('is cancelled by its agent, or when the call leaves the agent’s report; never by another', async () => {
    const supervisor = await supervisorWithSnapshot();
    const agent = await agentOnCall();
    const other = await agentOnCall();
    const first = await ask(agent.client);
    await supervisor.client.expect('request');

    other.client.send({ type: 'cancel', requestId: first.requestId });
    assert.deepEqual(await other.client.settle(), [
      { type: 'error', code: 'forbidden', message: 'Only the agent who asked cancels a request.' },
    ]);
    assert.deepEqual(await supervisor.client.settle(), []);
    agent.client.send({ type: 'cancel', requestId: first.requestId });
    await agent.client.settle();
    assert.deepEqual(await supervisor.client.settle(), [
      { type: 'requestClosed', requestId: first.requestId, outcome: 'cancelled', by: null },
    ]);

    const second = await ask(agent.client);
    await supervisor.client.expect('request');
    report(agent.client, [], 'available');
    await agent.client.settle();
    assert.deepEqual(await supervisor.client.settle(), [
      { type: 'requestClosed', requestId: second.requestId, outcome: 'cancelled', by: null },
    ]);
    await closeAll(agent.client, other.client, supervisor.client);
  });

  it('rings a supervisor on a call once the call is over, and keeps a declined card closed', async () => {
    const supervisor = await signedIn('Supervisor');
    report(supervisor.client, [floorCall('their-own')]);
    supervisor.client.send({ type: 'subscribe' });
    const snapshot = await supervisor.client.expect('snapshot');
    // A supervisor's report says whether requests ring it; it is no agent on the floor.
    assert.deepEqual(snapshot.agents, []);
    const agent = await agentOnCall();
    const { requestId } = await ask(agent.client);
    assert.deepEqual(await supervisor.client.settle(), []);

    report(supervisor.client, [], 'available');
    assert.equal((await supervisor.client.expect('request')).request.id, requestId);
    supervisor.client.send({ type: 'decline', requestId });
    assert.deepEqual(await supervisor.client.settle(), []);
    // Declined on this supervisor's console only: another supervisor still gets the card.
    const other = await supervisorWithSnapshot();
    assert.deepEqual(
      other.snapshot.requests.map((request) => request.id),
      [requestId],
    );
    await closeAll(agent.client, supervisor.client, other.client);
  });

  it('refuses what the role may not do, and names no call or request it does not know', async () => {
    const agent = await agentOnCall();
    const supervisor = await supervisorWithSnapshot();
    const { requestId } = await ask(agent.client);
    await supervisor.client.expect('request');

    for (const message of [
      { type: 'subscribe' },
      { type: 'join', agentId: agent.oid, callKey: 'call-1', requestId },
      { type: 'decline', requestId },
    ])
      agent.client.send(message);
    agent.client.send({ type: 'ask', callKey: 'call-9' });
    assert.deepEqual(await agent.client.settle(), [
      { type: 'error', code: 'forbidden', message: 'Only supervisors subscribe to the floor.' },
      { type: 'error', code: 'forbidden', message: 'Only supervisors join agents’ calls.' },
      { type: 'error', code: 'forbidden', message: 'Only supervisors decline requests.' },
      { type: 'error', code: 'not_found', message: 'No such call in your last report.' },
    ]);

    const noSuchRequest = {
      type: 'error',
      code: 'not_found',
      message: 'No such request: it may have just closed.',
    };
    supervisor.client.send({ type: 'ask', callKey: 'call-1' });
    supervisor.client.send({ type: 'cancel', requestId });
    supervisor.client.send({ type: 'join', agentId: agent.oid, callKey: 'call-1', requestId: 'nope' });
    supervisor.client.send({ type: 'join', agentId: agent.oid, callKey: 'call-2', requestId });
    supervisor.client.send({ type: 'decline', requestId: 'nope' });
    assert.deepEqual(await supervisor.client.settle(), [
      { type: 'error', code: 'forbidden', message: 'Only agents ask a supervisor.' },
      { type: 'error', code: 'forbidden', message: 'Only the agent who asked cancels a request.' },
      noSuchRequest,
      noSuchRequest,
      noSuchRequest,
    ]);
    agent.client.send({ type: 'cancel', requestId: 'nope' });
    assert.deepEqual(await agent.client.settle(), [noSuchRequest]);
    // Still open: nothing above took it.
    assert.deepEqual(
      (await supervisorWithSnapshot()).snapshot.requests.map((request) => request.id),
      [requestId],
    );
    await closeAll(agent.client, supervisor.client);
  });
});
