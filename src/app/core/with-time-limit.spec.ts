import { NEVER, of, Subject, throwError, VirtualTimeScheduler } from 'rxjs';
import { withTimeLimit } from './with-time-limit';

describe('withTimeLimit', () => {
  it('resolves to the first value that comes within the limit, and stops listening', async () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<string>();
    const waiting = withTimeLimit(source, 1_000, { scheduler });
    source.next('here');
    expect(await waiting).toEqual({ value: 'here' });
    expect(source.observed).toBeFalse();
    expect(scheduler.actions.filter((action) => !action.closed)).toEqual([]);
  });

  it('takes a promise as well', async () => {
    const scheduler = new VirtualTimeScheduler();
    expect(await withTimeLimit(Promise.resolve(7), 1_000, { scheduler })).toEqual({ value: 7 });
  });

  it('says it timed out once the limit passes on its scheduler, and stops listening', async () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<string>();
    const waiting = withTimeLimit(source, 1_000, { scheduler });
    scheduler.flush();
    expect(await waiting).toEqual({ timedOut: true });
    expect(source.observed).toBeFalse();
  });

  it('rejects with the abort’s reason when aborted, before or during the wait', async () => {
    const scheduler = new VirtualTimeScheduler();
    const during = new AbortController();
    const waiting = withTimeLimit(NEVER, 1_000, { scheduler, signal: during.signal });
    during.abort('signed out');
    await expectAsync(waiting).toBeRejectedWith('signed out');
    const before = new AbortController();
    before.abort('disposed');
    await expectAsync(withTimeLimit(of(1), 1_000, { scheduler, signal: before.signal })).toBeRejectedWith(
      'disposed',
    );
  });

  it('rejects when the source fails or ends with nothing', async () => {
    const scheduler = new VirtualTimeScheduler();
    const broken = new Error('broken');
    await expectAsync(
      withTimeLimit(
        throwError(() => broken),
        1_000,
        { scheduler },
      ),
    ).toBeRejectedWith(broken);
    await expectAsync(withTimeLimit(of(), 1_000, { scheduler })).toBeRejectedWithError(
      'The wait ended with nothing to wait for.',
    );
  });
});
