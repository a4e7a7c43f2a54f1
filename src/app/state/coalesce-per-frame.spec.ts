import { Subject, VirtualTimeScheduler } from 'rxjs';
import { coalescePerFrame } from './coalesce-per-frame';

describe('coalescePerFrame', () => {
  it('turns a burst into one batch per frame, losing nothing', () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<number>();
    const batches: number[][] = [];
    source.pipe(coalescePerFrame(scheduler)).subscribe((batch) => batches.push(batch));

    for (let i = 0; i < 350; i++) source.next(i);
    expect(batches).toEqual([]);
    scheduler.flush();
    expect(batches.length).toBe(1);
    expect(batches[0].length).toBe(350);

    source.next(1000);
    scheduler.flush();
    expect(batches).toEqual([jasmine.any(Array), [1000]]);
  });

  it('flushes the last batch when the source completes', () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<string>();
    const batches: string[][] = [];
    source.pipe(coalescePerFrame(scheduler)).subscribe((batch) => batches.push(batch));
    source.next('a');
    source.complete();
    expect(batches).toEqual([['a']]);
  });
});
