import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TeamsCall, TeamsIncomingCall } from '@azure/communication-calling';
import { createIdentifierFromRawId } from '@azure/communication-common';
import { configure } from '../client';
import { readEnvironment } from '../server/environment';
import { rawId } from '../testing/consoles';
import { createInMemoryEmulator } from '../testing/in-memory';
import { signedInConsoles } from '../testing/signed-in-consoles';
import { TEAMS_CLOUDS, type TeamsCloud } from './directory';
import { World } from './world';

/** The raw-id prefixes ACS reports in each cloud (@azure/communication-common's rules). */
const PREFIX: Record<TeamsCloud, { user: string; app: string }> = {
  public: { user: '8:orgid:', app: '28:orgid:' },
  gcch: { user: '8:gcch:', app: '28:gcch:' },
  dod: { user: '8:dod:', app: '28:dod:' },
};

const payloadOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

async function world(teamsCloud: TeamsCloud) {
  const emulator = createInMemoryEmulator({ seed: 5, teamsCloud });
  configure({ transport: emulator.transport });
  const consoles = signedInConsoles(emulator);
  const idOf = (key: string) =>
    (emulator.world.directory.user(key) ?? emulator.world.directory.colleague(key))!.microsoftTeamsUserId;
  return { emulator, ...consoles, idOf };
}

describe('The tenant’s cloud (public, GCC High, DoD)', () => {
  it('is the public cloud unless the world is told otherwise', () => {
    assert.equal(new World({ scenario: false }).directory.cloud, 'public');
    assert.throws(() => new World({ scenario: false, teamsCloud: 'gov' as TeamsCloud }), {
      message: '"teamsCloud" must be one of public, gcch, dod, not "gov".',
    });
  });

  it('is read from EMULATOR_TEAMS_CLOUD, and a cloud ACS does not know stops the server', () => {
    assert.equal(readEnvironment({ EMULATOR_TEAMS_CLOUD: 'gcch' }).teamsCloud, 'gcch');
    assert.equal(readEnvironment({ EMULATOR_TEAMS_CLOUD: 'dod' }).teamsCloud, 'dod');
    assert.equal(readEnvironment({}).teamsCloud, undefined);
    assert.throws(() => readEnvironment({ EMULATOR_TEAMS_CLOUD: 'orgid' }), {
      message: '"EMULATOR_TEAMS_CLOUD" must be public, gcch, dod, not "orgid".',
    });
  });

  for (const cloud of TEAMS_CLOUDS) {
    describe(`in the ${cloud} cloud`, () => {
      it('names the user in the ACS token’s skypeid as their raw id does', async () => {
        const { emulator, idOf } = await world(cloud);
        const skypeid = payloadOf(emulator.tokenFor('alex'))['skypeid'];
        assert.equal(`8:${String(skypeid)}`, `${PREFIX[cloud].user}${idOf('alex')}`);
        assert.deepEqual(createIdentifierFromRawId(`8:${String(skypeid)}`), {
          kind: 'microsoftTeamsUser',
          microsoftTeamsUserId: idOf('alex'),
          isAnonymous: false,
          cloud,
        });
      });

      it('reports a console’s caller and both ends of a 1:1 call with the cloud’s raw ids', async () => {
        const { emulator, signIn, finish, idOf } = await world(cloud);
        const alex = await signIn('alex');
        const blake = await signIn('blake');
        const call = alex.agent.startCall({ microsoftTeamsUserId: idOf('blake') }) as TeamsCall;
        const blakeSeenByAlex = call.remoteParticipants[0];
        assert.equal(rawId(blakeSeenByAlex), `${PREFIX[cloud].user}${idOf('blake')}`);
        await emulator.settle();
        const incoming = blake.ringing[0];
        assert.deepEqual(incoming.callerInfo.identifier, {
          kind: 'microsoftTeamsUser',
          microsoftTeamsUserId: idOf('alex'),
          rawId: `${PREFIX[cloud].user}${idOf('alex')}`,
          isAnonymous: false,
          cloud,
        });
        const answered = await incoming.accept();
        await emulator.settle();
        assert.equal(call.state, 'Connected');
        assert.deepEqual(
          call.remoteParticipants.map((p) => `${rawId(p)} ${p.state}`),
          [`${PREFIX[cloud].user}${idOf('blake')} Connected`],
        );
        assert.deepEqual(
          answered.remoteParticipants.map((p) => `${rawId(p)} ${p.state}`),
          [`${PREFIX[cloud].user}${idOf('alex')} Connected`],
        );
        await answered.hangUp();
        await finish();
      });

      it('rings agents with the queue’s resource account as a 28: app identity of the cloud', async () => {
        const { emulator, signIn, finish } = await world(cloud);
        const alex = await signIn('alex');
        emulator.world.enqueuePhoneCall({ queue: 'Billing', talkMs: 60_000 });
        await emulator.settle();
        const incoming: TeamsIncomingCall = alex.ringing[0];
        const queue = emulator.world.directory.queue('Billing')!;
        assert.deepEqual(incoming.transferorInfo?.identifier, {
          kind: 'microsoftTeamsApp',
          teamsAppId: queue.resourceAccountId,
          rawId: `${PREFIX[cloud].app}${queue.resourceAccountId}`,
          cloud,
        });
        await finish();
      });

      it('dials a colleague of the tenant, added or called, under the cloud’s raw id', async () => {
        const { emulator, signIn, finish, idOf } = await world(cloud);
        const alex = await signIn('alex');
        const call = alex.agent.startCall({ microsoftTeamsUserId: idOf('riley') }) as TeamsCall;
        await emulator.advance(3_000);
        assert.equal(call.state, 'Connected');
        const thread = emulator.world.threads.create({ members: [idOf('alex'), idOf('riley')] }, 0);
        const added = call.addParticipant({ microsoftTeamsUserId: idOf('jordan') }, { threadId: thread.id });
        assert.equal(rawId(added), `${PREFIX[cloud].user}${idOf('jordan')}`);
        await emulator.advance(3_000);
        assert.deepEqual(
          call.remoteParticipants.map((p) => `${rawId(p)} ${p.state}`),
          [`${PREFIX[cloud].user}${idOf('riley')} Connected`],
          'Jordan declined, and left the roster',
        );
        await call.hangUp();
        await finish();
      });
    });
  }

  it('dials a GCC High user given with their cloud in a GCC High world; a public-cloud id of them is nobody there', async () => {
    const { emulator, signIn, finish, idOf } = await world('gcch');
    const alex = await signIn('alex');
    const blake = await signIn('blake');
    const call = alex.agent.startCall({ microsoftTeamsUserId: idOf('blake'), cloud: 'gcch' }) as TeamsCall;
    await emulator.settle();
    const answered = await blake.ringing[0].accept();
    await emulator.settle();
    assert.deepEqual(
      call.remoteParticipants.map((p) => `${rawId(p)} ${p.state}`),
      [`8:gcch:${idOf('blake')} Connected`],
    );
    await answered.hangUp();
    await emulator.settle();

    const elsewhere = alex.agent.startCall({
      microsoftTeamsUserId: idOf('blake'),
      cloud: 'public',
    }) as TeamsCall;
    await emulator.settle();
    assert.equal(elsewhere.state, 'Disconnected');
    assert.equal(elsewhere.callEndReason?.code, 404);
    assert.equal(blake.ringing.length, 1, 'Blake’s console did not ring again');
    await finish();
  });
});
