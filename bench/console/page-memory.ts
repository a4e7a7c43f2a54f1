// What a console's page holds, read through the DevTools protocol: the heap after a garbage
// collection, the DOM's counters, and the live RxJS subscriptions (the store probe's Subscriber).
import type { CDPSession } from '@playwright/test';

/** Garbage collected, then the JavaScript heap's used bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Live RxJS subscriptions: the `Subscriber` objects alive after a garbage collection. */
export async function liveSubscribers(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const prototype = await cdp.send('Runtime.evaluate', {
    expression: 'window.__bench.Subscriber.prototype',
  });
  const objectId = prototype.result.objectId;
  if (!objectId)
    throw new Error('The store probe has not reported RxJS’s Subscriber: is the probe installed?');
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: objectId });
  const length = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId!,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId! });
  await cdp.send('Runtime.releaseObject', { objectId });
  return length.result.value as number;
}

/** The DOM's node and listener counts (the DevTools protocol's `Memory.getDOMCounters`). */
export async function domCounters(cdp: CDPSession): Promise<{ nodes: number; jsEventListeners: number }> {
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { nodes, jsEventListeners };
}
