import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../app';
import { readServerConfig } from '../config';
import type { FloorCall } from '../floor/floor-protocol';
import { FakeClock } from './fake-clock';
import { FloorClient } from './floor-client';
import { startTestTenant, testEnvironment } from './test-tenant';

const UNREACHED_ACS = `endpoint=http://127.0.0.1:9/;accesskey=${Buffer.from('unused').toString('base64')}`;

/** A queued phone call as an agent's console reports it, changed by `overrides`. */
export const floorCall = (key: string, overrides: Partial<FloorCall> = {}): FloorCall => ({
  key,
  caller: { displayName: 'Pat Caller', phoneNumber: '+14255550123', rawId: '4:+14255550123' },
  queue: 'Billing',
  state: 'Connected',
  since: '2026-01-05T09:30:00.000Z',
  onHold: false,
  participants: ['Pat Caller'],
  ...overrides,
});

/**
 * The floor of one server/ instance for a suite of tests: a test tenant for the suite, and for
 * each test a server and a hand-driven clock of its own, so no floor, timer or token carries over.
 * Call it inside `describe`; it registers the hooks.
 */
export function useFloorServer(environment: Record<string, string> = {}) {
  let tenant: Awaited<ReturnType<typeof startTestTenant>>;
  let app: FastifyInstance;
  let url: string;
  let origin: string;
  let clock: FakeClock;
  let users = 0;

  before(async () => {
    tenant = await startTestTenant();
  });
  after(() => tenant.close());
  beforeEach(async () => {
    clock = new FakeClock();
    app = await buildServer(readServerConfig(testEnvironment(tenant, UNREACHED_ACS, environment)), {
      floorClock: clock,
      now: () => clock.now(),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    url = `ws://127.0.0.1:${port}/api/floor`;
    origin = `http://127.0.0.1:${port}`;
  });
  afterEach(() => app.close());

  /** Tokens are minted on the floor's clock, which the server's Entra checks share. */
  const mint = (claims: Record<string, unknown> = {}, options: Parameters<typeof tenant.mint>[1] = {}) =>
    tenant.mint(claims, { nowS: Math.floor(clock.now() / 1000), ...options });
  /** A token for a new user of `role` (or with `claims`), and that user's id. */
  const person = async (role: string, claims: Record<string, unknown> = {}) => {
    const oid = `00000000-0000-4000-8000-${String(++users).padStart(12, '0')}`;
    const name = `${role} ${users}`;
    return { oid, name, token: await mint({ oid, name, roles: [role], ...claims }) };
  };
  const open = () => FloorClient.open(url, origin);
  const signedIn = async (role: 'Agent' | 'Supervisor') => {
    const user = await person(role);
    const client = await open();
    await client.hello(user.token);
    return { ...user, client };
  };
  return {
    get tenant() {
      return tenant;
    },
    get clock() {
      return clock;
    },
    get url() {
      return url;
    },
    get origin() {
      return origin;
    },
    mint,
    person,
    open,
    signedIn,
    async supervisorWithSnapshot() {
      const supervisor = await signedIn('Supervisor');
      supervisor.client.send({ type: 'subscribe' });
      return { ...supervisor, snapshot: await supervisor.client.expect('snapshot') };
    },
    /** An ISO timestamp `ms` from the clock's now. */
    at: (ms = 0) => new Date(clock.now() + ms).toISOString(),
  };
}
