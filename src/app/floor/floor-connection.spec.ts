import { TestBed } from '@angular/core/testing';
import { AuthService } from '../core/auth/auth.service';
import { LOG_SINK } from '../core/logger';
import { RUNTIME_CONFIG } from '../core/runtime-config';
import { EMULATED_CONFIG } from '../core/testing/runtime-configs';
import { FloorConnection, type FloorStatus } from './floor-connection';
import { FLOOR_RANDOM, FLOOR_SCHEDULER } from './floor-socket';
import { ManualScheduler } from './testing/manual-scheduler';
import { FakeFloor, provideFakeFloor } from './testing/fake-floor';

const ALEX = { id: 'alex-id', displayName: 'Alex Rivera', role: 'agent' as const };

describe('FloorConnection', () => {
  let floor: FakeFloor;
  let tokens: { fresh: boolean }[];
  let failTokens: boolean;
  let logs: string[];
  let clock: ManualScheduler;
  /** Lets the token's promise and what it starts run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const tick = async (ms: number) => {
    clock.advance(ms);
    await settle();
  };
  const inSeconds = (s: number) => new Date(clock.now() + s * 1000).toISOString();

  async function start() {
    floor = new FakeFloor();
    clock = new ManualScheduler(Date.parse('2026-01-05T09:00:00Z'));
    tokens = [];
    failTokens = false;
    logs = [];
    const auth: Partial<AuthService> = {
      apiAccessToken: async ({ fresh = false } = {}) => {
        tokens.push({ fresh });
        if (failTokens) throw new Error('interaction_required');
        return `api-token-${tokens.length}`;
      },
    };
    const record = (...args: unknown[]) => logs.push(args.join(' '));
    TestBed.configureTestingModule({
      providers: [
        provideFakeFloor(floor),
        { provide: AuthService, useValue: auth },
        { provide: RUNTIME_CONFIG, useValue: EMULATED_CONFIG },
        { provide: FLOOR_RANDOM, useValue: () => 0 },
        { provide: FLOOR_SCHEDULER, useValue: clock },
        { provide: LOG_SINK, useValue: { error: record, warn: record, info: record, debug: record } },
      ],
    });
    const connection = TestBed.inject(FloorConnection);
    const statuses: FloorStatus[] = [];
    connection.status$.subscribe((status) => statuses.push(status));
    connection.start();
    await settle();
    return { connection, statuses };
  }

  it('opens the floor on the page’s origin with no token in the URL, and says hello with the token first', async () => {
    const { connection, statuses } = await start();
    const socket = floor.current!;
    expect(socket.url).toBe(`${location.origin.replace(/^http/, 'ws')}/api/floor`);
    expect(socket.url).not.toContain('token');
    expect(connection.send({ type: 'subscribe' })).toBeFalse();

    floor.welcome(ALEX);
    expect(socket.sent[0]).toEqual({ type: 'hello', token: 'api-token-1' });
    expect(statuses.at(-1)).toEqual({ state: 'open' });
    expect(connection.send({ type: 'subscribe' })).toBeTrue();
    expect(socket.sent.map((m) => m.type)).toEqual(['hello', 'subscribe']);
    expect(logs.join('\n')).not.toContain('api-token');
    connection.stop();
  });

  it('sends a fresh token at 80% of the remaining time, and again before each new expiry', async () => {
    const { connection } = await start();
    const socket = floor.welcome(ALEX, inSeconds(100));
    await tick(79_999);
    expect(socket.sentOf('token')).toEqual([]);
    await tick(1);
    expect(socket.sentOf('token')).toEqual([{ type: 'token', token: 'api-token-2' }]);

    socket.receive({ type: 'tokenAccepted', expiresAt: inSeconds(50) });
    await tick(40_000);
    expect(socket.sentOf('token').length).toBe(2);
    connection.stop();
  });

  it('tries a failed token renewal again, sooner than the token expires', async () => {
    const { connection } = await start();
    const socket = floor.welcome(ALEX, inSeconds(100));
    failTokens = true;
    await tick(80_000);
    expect(socket.sentOf('token')).toEqual([]);
    failTokens = false;
    await tick(1_000);
    expect(socket.sentOf('token')).toEqual([{ type: 'token', token: jasmine.any(String) }]);
    connection.stop();
  });

  it('reconnects after the server restarts or the network drops, backing off from 1 s to 30 s', async () => {
    const { connection, statuses } = await start();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = floor.sockets.length;
      floor.current!.drop(i === 0 ? 1001 : 1006, i === 0 ? 'The server is restarting' : '');
      const status = statuses.at(-1) as Extract<FloorStatus, { state: 'closed' }>;
      expect(status.state).toBe('closed');
      const wait = status.retryAt! - clock.now();
      await tick(wait - 1);
      expect(floor.sockets.length)
        .withContext(`reconnect ${i + 1} early`)
        .toBe(before);
      await tick(1);
      expect(floor.sockets.length)
        .withContext(`reconnect ${i + 1}`)
        .toBe(before + 1);
      waits.push(wait);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(statuses[1]).toEqual({ state: 'connecting' });
    expect(statuses).toContain({
      state: 'closed',
      reason: 'the server is restarting',
      retryAt: jasmine.any(Number),
    } as unknown as FloorStatus);

    // Welcomed again: the next loss starts from 1 s.
    floor.welcome(ALEX);
    floor.current!.drop(1006);
    expect((statuses.at(-1) as { retryAt: number }).retryAt - clock.now()).toBe(1_000);
    connection.stop();
  });

  it('takes a refused token (4401) as a reason to get a fresh one and reconnect', async () => {
    const { connection } = await start();
    floor.welcome(ALEX);
    floor.current!.drop(4401, 'token_expired');
    await tick(1_000);
    expect(tokens.at(-1)).toEqual({ fresh: true });
    floor.welcome(ALEX);
    expect(floor.current!.sent[0]).toEqual({ type: 'hello', token: `api-token-${tokens.length}` });
    connection.stop();
  });

  it('stops on a refusal (4403) and says why, without trying again', async () => {
    const { connection, statuses } = await start();
    floor.welcome(ALEX);
    floor.current!.drop(4403, 'no_role');
    await tick(60_000);
    expect(floor.sockets.length).toBe(1);
    expect(statuses.at(-1)).toEqual({
      state: 'closed',
      reason: 'your account has neither the Agent nor the Supervisor role',
      retryAt: null,
    });
    expect(connection.send({ type: 'subscribe' })).toBeFalse();
  });

  it('closes the socket on stop and does not reconnect', async () => {
    const { connection, statuses } = await start();
    const socket = floor.welcome(ALEX);
    connection.stop();
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'Signed out' });
    await tick(60_000);
    expect(floor.sockets.length).toBe(1);
    expect(statuses.at(-1)).toEqual({ state: 'off' });
  });
});
