import { Subject, VirtualTimeScheduler } from 'rxjs';
import { coalescePerFrame } from './coalesce-per-frame';

interface Change {
  readonly who: string;
  readonly speaking?: boolean;
  readonly muted?: boolean;
}
const byWho = (change: Change) => change.who;
const later = (previous: Change, next: Change): Change => ({ ...previous, ...next });

describe('coalescePerFrame', () => {
  it('turns a burst into one batch per frame, losing nothing', () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<Change>();
    const batches: Change[][] = [];
    source.pipe(coalescePerFrame(scheduler, byWho, later)).subscribe((batch) => batches.push(batch));

    for (let i = 0; i < 350; i++) source.next({ who: `p${i}`, speaking: true });
    expect(batches).toEqual([]);
    scheduler.flush();
    expect(batches.length).toBe(1);
    expect(batches[0].length).toBe(350);

    source.next({ who: 'p1', speaking: false });
    scheduler.flush();
    expect(batches[1]).toEqual([{ who: 'p1', speaking: false }]);
  });

  it('keeps one entry per key however long frames stop, later changes winning', () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<Change>();
    const batches: Change[][] = [];
    source.pipe(coalescePerFrame(scheduler, byWho, later)).subscribe((batch) => batches.push(batch));

    // A background tab: ten thousand toggles from three speakers before the next frame.
    for (let i = 0; i < 10_000; i++) source.next({ who: `p${i % 3}`, speaking: i % 2 === 0 });
    source.next({ who: 'p0', muted: true });
    scheduler.flush();
    expect(batches).toEqual([
      [
        { who: 'p0', speaking: false, muted: true },
        { who: 'p1', speaking: false },
        { who: 'p2', speaking: true },
      ],
    ]);
  });

  it('flushes the last batch when the source completes', () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<Change>();
    const batches: Change[][] = [];
    source.pipe(coalescePerFrame(scheduler, byWho, later)).subscribe((batch) => batches.push(batch));
    source.next({ who: 'a', muted: true });
    source.complete();
    expect(batches).toEqual([[{ who: 'a', muted: true }]]);
  });

  it('flushes at once when told to, before the frame', () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<Change>();
    const flushNow = new Subject<void>();
    const batches: Change[][] = [];
    source
      .pipe(coalescePerFrame(scheduler, byWho, later, flushNow))
      .subscribe((batch) => batches.push(batch));
    source.next({ who: 'a', speaking: true });
    flushNow.next();
    expect(batches).toEqual([[{ who: 'a', speaking: true }]]);
    scheduler.flush();
    expect(batches.length).toBe(1);
  });
});
