import { Subject, VirtualTimeScheduler } from 'rxjs';
import { renewWithBackoff, type RenewalOptions, type TokenRenewalEvent } from './token-renewal';

/** Runs every pending promise, then every timer due on the virtual clock, until `done` or idle. */
async function runUntil(scheduler: VirtualTimeScheduler, done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100; turn++) {
    for (let i = 0; i < 10; i++) await Promise.resolve();
    if (done()) return;
    scheduler.flush();
  }
}

function setUp(outcomes: ('fail' | 'ok')[]) {
  const scheduler = new VirtualTimeScheduler();
  const disposed = new AbortController();
  const retryNow = new Subject<void>();
  const events: TokenRenewalEvent[] = [];
  const attemptsAt: number[] = [];
  const options: RenewalOptions = {
    scheduler,
    signal: disposed.signal,
    retryNow,
    report: (event) => events.push(event),
    describe: (error) => ({ failure: { message: String((error as Error).message) }, needsSignIn: false }),
  };
  const attempt = async () => {
    attemptsAt.push(scheduler.now());
    const outcome = outcomes.shift() ?? 'ok';
    if (outcome === 'fail') throw new Error('Switchboard’s server is not reachable.');
    return `token-${attemptsAt.length}`;
  };
  let result: string | undefined;
  let error: unknown;
  const renewal = renewWithBackoff(attempt, options).then(
    (token) => (result = token),
    (reason: unknown) => (error = reason),
  );
  return {
    scheduler,
    disposed,
    retryNow,
    events,
    attemptsAt,
    renewal,
    result: () => result,
    error: () => error,
  };
}

describe('renewWithBackoff', () => {
  it('retries after 1 s, then twice as long each time, never more than 60 s apart, until it succeeds', async () => {
    const run = setUp([...Array(9).fill('fail'), 'ok']);
    await runUntil(run.scheduler, () => run.result() !== undefined);
    expect(run.attemptsAt).toEqual([
      0, 1_000, 3_000, 7_000, 15_000, 31_000, 63_000, 123_000, 183_000, 243_000,
    ]);
    expect(run.result()).toBe('token-10');
    expect(run.events.map((e) => (e.type === 'failed' ? `${e.attempt}:${e.retryInMs}` : e.type))).toEqual([
      '1:1000',
      '2:2000',
      '3:4000',
      '4:8000',
      '5:16000',
      '6:32000',
      '7:60000',
      '8:60000',
      '9:60000',
      'renewed',
    ]);
    expect(run.events[0]).toEqual({
      type: 'failed',
      attempt: 1,
      retryInMs: 1_000,
      failure: { message: 'Switchboard’s server is not reachable.' },
      needsSignIn: false,
    });
  });

  it('says nothing when the first attempt succeeds', async () => {
    const run = setUp(['ok']);
    await run.renewal;
    expect(run.result()).toBe('token-1');
    expect(run.events).toEqual([]);
  });

  it('stops at disposal: no attempt after it, and the refresher ends with the reason', async () => {
    const run = setUp(['fail', 'fail', 'ok']);
    await runUntil(run.scheduler, () => run.events.length === 1);
    run.disposed.abort(new Error('The calling session ended.'));
    await runUntil(run.scheduler, () => run.error() !== undefined);
    expect((run.error() as Error).message).toBe('The calling session ended.');
    expect(run.attemptsAt).toEqual([0]);
  });

  it('tries again at once when asked (the user has just signed in again)', async () => {
    const run = setUp(['fail', 'fail', 'ok']);
    await runUntil(run.scheduler, () => run.events.length === 2);
    expect(run.attemptsAt).toEqual([0, 1_000]);
    run.retryNow.next();
    await run.renewal;
    expect(run.attemptsAt).toEqual([0, 1_000, 1_000]);
    expect(run.result()).toBe('token-3');
  });
});
