// The browser benches' harness: Chromium through Playwright's library with the toolchain's flags,
// a console signed in through the emulator's account picker with the page probes installed
// (page-probes.js), the emulator's controls, and the emulator's own send times.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import launch from '../../scripts/chromium.cjs';
import { startProductionStack, type ProductionStack } from '../production-stack';

/** Epoch milliseconds, sub-millisecond: the clock page-probes.js reads in the page. */
export const now = (): number => performance.timeOrigin + performance.now();

export const PROBES = join(__dirname, 'page-probes.js');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: launch.executablePath, args: [...launch.args] });
}

export interface SignedInConsole {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly cdp: CDPSession;
}

/** A console of its own (a browser context), probed, signed in as `displayName` and Online. */
export async function signedInConsole(
  browser: Browser,
  stack: ProductionStack,
  displayName: string,
): Promise<SignedInConsole> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ path: PROBES });
  const page = await context.newPage();
  await page.goto(stack.consoleUrl);
  await page.getByRole('button', { name: new RegExp(displayName) }).click();
  await page.getByRole('banner').getByRole('status').getByText('Online').waitFor({ timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  return { page, context, cdp };
}

/** A message the emulator's server wrote to a console's socket, and when. */
export interface SentMessage {
  readonly t: number;
  readonly data: string;
}

/**
 * Notes every message the emulator (in this process) writes to a WebSocket, with its time, until
 * `stop()`. `ws` is the emulator's socket library; server/'s floor socket is noted too and never
 * matched, its messages being of another protocol.
 */
export function recordEmulatorSends(): { readonly sent: SentMessage[]; stop(): void } {
  const sent: SentMessage[] = [];
  const original = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
    if (typeof data === 'string') sent.push({ t: now(), data });
    return (original as (...args: unknown[]) => void).call(this, data, ...rest);
  } as typeof original;
  return {
    sent,
    stop: () => {
      WebSocket.prototype.send = original;
    },
  };
}

/** The emulator's controls, as JSON over HTTP; a refusal is an error naming the control. */
export async function control<T>(
  stack: ProductionStack,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${stack.emulator.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface QueuedCallOptions {
  readonly displayName: string;
  readonly from?: string;
  readonly queue?: string;
}

/** A phone caller waiting in a queue (patient and talkative, so the bench decides when calls end). */
export function queueCall(stack: ProductionStack, call: QueuedCallOptions): Promise<{ id: string }> {
  return control(stack, 'POST', '/emulator/queue/calls', {
    queue: 'Billing',
    patienceSeconds: 3600,
    talkSeconds: 3600,
    ...call,
  });
}

/** A phone number of its own for the n-th bench caller (E.164, never one the scripts react to). */
export const benchNumber = (n: number): string => `+1425${String(n % 10_000).padStart(4, '0')}007`;

/** The page's notes, read and cleared. */
export interface PageNotes {
  readonly messages: { t: number; data: string }[];
  readonly commits: { t: number; type: string; queued: number }[];
  readonly frames: number[];
  readonly longTasks: { start: number; duration: number }[];
  readonly stateChanges: { t: number; queued: number }[];
}

export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = (window as unknown as { __bench: { reset(): void; recording: boolean } }).__bench;
    bench.reset();
    bench.recording = true;
  });
}

export function readNotes(page: Page): Promise<PageNotes> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: PageNotes & { recording: boolean } }).__bench;
    bench.recording = false;
    return {
      messages: bench.messages,
      commits: bench.commits,
      frames: bench.frames,
      longTasks: bench.longTasks,
      stateChanges: bench.stateChanges,
    };
  });
}

/** At least `count` (1) elements match `selector` and contain `text`; or, `absent`, none does. */
export interface DomCondition {
  readonly selector: string;
  readonly text?: string;
  readonly absent?: boolean;
  readonly count?: number;
}

/** Awaits a DOM condition (page-probes.js `expect`); `domDone` says when it held and was painted. */
export async function expectDom(page: Page, id: string, condition: DomCondition): Promise<void> {
  await page.evaluate(
    ([id, selector, text, absent, count]) =>
      (window as unknown as { __bench: { expect(...a: unknown[]): void } }).__bench.expect(
        id,
        selector,
        text,
        absent,
        count,
      ),
    [id, condition.selector, condition.text ?? '', condition.absent ?? false, condition.count ?? 1] as const,
  );
}

export async function domDone(
  page: Page,
  id: string,
  timeout = 30_000,
): Promise<{ dom: number; paint: number }> {
  const handle = await page.waitForFunction(
    (id) => (window as unknown as { __bench: { done(id: string): unknown } }).__bench.done(id),
    id,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as { dom: number; paint: number };
}

/** The part of `GET /emulator/state` the benches compare the console with. */
export interface EmulatorState {
  readonly queue: { id: string; caller: { displayName?: string }; ringing: string[] }[];
  readonly calls: { id: string; parties: { leg?: { userKey: string; callId: string; state: string } }[] }[];
}

export const emulatorState = (stack: ProductionStack) =>
  control<EmulatorState>(stack, 'GET', '/emulator/state');

/** Every caller still waiting hangs up (a call ended meanwhile is no longer there to leave). */
export async function hangUpWaitingCallers(stack: ProductionStack): Promise<void> {
  const state = (await control(stack, 'GET', '/emulator/state')) as {
    queue: { id: string; caller: { identifier: { rawId: string } } }[];
  };
  await Promise.all(
    state.queue.map((call) =>
      fetch(`${stack.emulator.url}/emulator/parties/leave`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ callId: call.id, participantId: call.caller.identifier.rawId }),
      }),
    ),
  );
}

/** The console's store, as the store probe last saw it: the queue's callers and the calls' ids. */
export function storeView(page: Page): Promise<{ ringing: string[]; calls: string[] }> {
  return page.evaluate(() => {
    type Entities = { ids: string[]; entities: Record<string, { caller?: { displayName?: string } }> };
    const state = (window as unknown as { __bench: { state: { queue: Entities; calls: { ids: string[] } } } })
      .__bench.state;
    return {
      ringing: state.queue.ids.map((id) => state.queue.entities[id]?.caller?.displayName ?? id),
      calls: [...state.calls.ids],
    };
  });
}

/** The queue's rows an agent can reach by scrolling, each with an enabled Accept (page-probes.js). */
export function reachableRows(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __bench: { scrollQueue(): Promise<string[]> } }).__bench.scrollQueue(),
  );
}

/** What a bench's run works with: the stack, Chromium, and the emulator's writes as they happen. */
export interface BenchStack {
  readonly stack: ProductionStack;
  readonly browser: Browser;
  readonly sent: SentMessage[];
}

/** A fresh stack and browser for `work`, closed afterwards whatever happens. */
export async function withBenchStack<T>(
  distDir: string,
  work: (bench: BenchStack) => Promise<T>,
): Promise<T> {
  const stack = await startProductionStack(distDir);
  const sends = recordEmulatorSends();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    return await work({ stack, browser, sent: sends.sent });
  } finally {
    sends.stop();
    await browser?.close();
    await stack.close();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let placed = 0;

/**
 * Queues `calls` callers named `${prefix}Caller n`, evenly over one second. `queued`: the page's
 * main thread is stopped (Debugger.pause) until the emulator has written every one to its socket,
 * then released. Returns when the page started reading: the first placed, or the release.
 */
export async function placeWithinASecond(
  stack: ProductionStack,
  cdp: CDPSession,
  sent: SentMessage[],
  prefix: string,
  calls: number,
  queued: boolean,
): Promise<number> {
  const first = ++placed * 1000;
  if (queued) {
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.pause');
  }
  const start = now();
  const before = sent.length;
  await Promise.all(
    Array.from({ length: calls }, (_, i) =>
      pause((i * 1000) / calls).then(() =>
        queueCall(stack, { displayName: `${prefix}Caller ${i + 1}`, from: benchNumber(first + i) }),
      ),
    ),
  );
  if (!queued) return start;
  // Every message written to the socket, and a moment for them to reach the renderer.
  while (sent.slice(before).filter((s) => s.data.includes(prefix)).length < calls) await pause(20);
  await pause(200);
  const release = now();
  await cdp.send('Debugger.resume');
  await cdp.send('Debugger.disable');
  return release;
}
