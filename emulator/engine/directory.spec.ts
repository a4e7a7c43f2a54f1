import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Directory, USERS, generatedUser } from './directory';
import { World } from './world';

describe('the directory’s generated users', () => {
  const world = () => new World({ seed: 1, scenario: false, generatedUsers: { agents: 25, supervisors: 3 } });

  it('adds N agents and M supervisors after the built-in users, who stay as they are', () => {
    const { directory } = world();
    assert.equal(directory.users.length, USERS.length + 25 + 3);
    assert.deepEqual(directory.users.slice(0, USERS.length), USERS);
    assert.deepEqual(directory.builtInUsers, USERS);
    assert.deepEqual(directory.user('agent0001'), {
      key: 'agent0001',
      displayName: 'Agent 0001',
      role: 'agent',
      microsoftTeamsUserId: '00000000-0000-4000-8000-a00000000001',
    });
    assert.deepEqual(directory.user('supervisor0003'), {
      key: 'supervisor0003',
      displayName: 'Supervisor 0003',
      role: 'supervisor',
      microsoftTeamsUserId: '00000000-0000-4000-8000-500000000003',
    });
    assert.equal(directory.user('agent0025')?.displayName, 'Agent 0025');
    assert.equal(directory.user('agent0026'), undefined);
    assert.equal(directory.user('supervisor0004'), undefined);
    assert.deepEqual(
      directory.generatedUsers.map((user) => user.role),
      [...Array<string>(25).fill('agent'), ...Array<string>(3).fill('supervisor')],
    );
  });

  it('gives every generated user the same id at every start, whatever the seed, unique in the tenant', () => {
    const first = world().directory.users;
    const again = new World({ seed: 99, scenario: false, generatedUsers: { agents: 25, supervisors: 3 } })
      .directory.users;
    assert.deepEqual(again, first);
    const big = new Directory('public', { agents: 5000, supervisors: 500 });
    const ids = [...big.users, ...big.colleagues].map((user) => user.microsoftTeamsUserId);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(big.users.map((user) => user.key)).size, big.users.length);
    assert.deepEqual(big.user('agent5000'), generatedUser('agent', 5000));
    assert.equal(big.user('agent5000')?.microsoftTeamsUserId, '00000000-0000-4000-8000-a00000005000');
  });

  it('knows a generated user by their Teams user id, any case', () => {
    const { directory } = world();
    const lookup = directory.teamsUser('00000000-0000-4000-8000-A00000000007');
    assert.equal(lookup.kind === 'user' && lookup.user.key, 'agent0007');
    assert.equal(directory.teamsUser('00000000-0000-4000-8000-a00000000026').kind, 'unknown');
  });

  it('generates nobody unless asked', () => {
    assert.deepEqual(new World({ scenario: false }).directory.users, USERS);
  });

  it('refuses a count out of its range, naming it', () => {
    const refusals: [ConstructorParameters<typeof Directory>[1], string][] = [
      [{ agents: 5001 }, '"generatedAgents" must be an integer from 0 to 5000 (agents).'],
      [{ agents: -1 }, '"generatedAgents" must be an integer from 0 to 5000 (agents).'],
      [{ agents: 1.5 }, '"generatedAgents" must be an integer from 0 to 5000 (agents).'],
      [{ supervisors: 501 }, '"generatedSupervisors" must be an integer from 0 to 500 (supervisors).'],
      [{ supervisors: Number.NaN }, '"generatedSupervisors" must be an integer from 0 to 500 (supervisors).'],
    ];
    for (const [generated, message] of refusals)
      assert.throws(() => new World({ scenario: false, generatedUsers: generated }), {
        name: 'RangeError',
        message,
      });
  });
});
