// Side by side: the same burst of queued calls through Switchboard's pipeline (bridge → store →
// Angular) and through Microsoft's StatefulCallClient (its state → a minimal React 18 list), each
// in Chromium on the same emulator's module, one after the other on a fresh emulator.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { Bench, Figure } from '../figures';
import type { ProductionStack } from '../production-stack';
import {
  domDone,
  expectDom,
  hangUpWaitingCallers,
  placeWithinASecond,
  PROBES,
  readNotes,
  signedInConsole,
  startRecording,
  withBenchStack,
  type DomCondition,
  type SentMessage,
} from './harness';
import { statefulClientBundle } from './side-by-side/stateful-client-bundle';

const GROUP = 'Side by side';

/** One pipeline's way through a burst. */
export interface PipelineRun {
  /** Release (queued) → the first commit holding every call. */
  readonly toStore: number;
  /** Release → the frame after the DOM first shows every call. */
  readonly toDom: number;
  /** Spread: the last message's arrival → the first commit holding every call. */
  readonly lagAfterLast: number;
}

type Pipeline = 'Switchboard' | 'StatefulCallClient';

export interface PipelinePage {
  readonly page: Page;
  readonly cdp: CDPSession;
  /** Commits with the count of calls ringing: the store's, or StatefulCallClient's state changes. */
  readonly commits: (notes: Awaited<ReturnType<typeof readNotes>>) => { t: number; queued: number }[];
  readonly allShown: (calls: number) => DomCondition;
}

/**
 * The page's HTML and script, served from a loopback address of its own (Chromium's local network
 * access checks refuse a socket to the emulator from a page the browser did not load from one).
 */
export async function servePage(script: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url === '/stateful-client.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else {
      response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(
          '<!doctype html><title>StatefulCallClient</title><body><script src="/stateful-client.js"></script></body>',
        );
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Microsoft's StatefulCallClient for Blake Chen, in a page of its own (probes installed). */
export async function statefulClientPage(
  browser: Browser,
  stack: ProductionStack,
  url: string,
): Promise<PipelinePage> {
  const context = await browser.newContext();
  await context.addInitScript({ path: PROBES });
  const page = await context.newPage();
  await page.goto(url);
  const { token, user } = stack.emulator.world.issueToken('blake');
  await page.evaluate(
    (options) =>
      (
        window as unknown as { __statefulClient: { start(o: unknown): Promise<void> } }
      ).__statefulClient.start(options),
    { url: stack.emulator.url, token, microsoftTeamsUserId: user.microsoftTeamsUserId },
  );
  return {
    page,
    cdp: await context.newCDPSession(page),
    commits: (notes) => notes.stateChanges,
    allShown: (calls) => ({ selector: '#incoming-calls li', count: calls }),
  };
}

async function switchboardPage(browser: Browser, stack: ProductionStack): Promise<PipelinePage> {
  const { page, cdp } = await signedInConsole(browser, stack, 'Alex Rivera');
  return {
    page,
    cdp,
    commits: (notes) => notes.commits,
    allShown: (calls) => ({ selector: 'sb-queue-panel #queue-heading .count', text: `(${calls} waiting)` }),
  };
}

let bursts = 0;

/** A burst of `calls` placed over a second; `queued`: while the page's main thread is stopped. */
export async function pipelineBurst(
  stack: ProductionStack,
  target: PipelinePage,
  sent: SentMessage[],
  calls: number,
  queued: boolean,
): Promise<{ release: number; store: number; paint: number; lastMessage: number }> {
  const tag = `S${++bursts}`;
  const { page, cdp } = target;
  await startRecording(page);
  await expectDom(page, tag, target.allShown(calls));
  const release = await placeWithinASecond(stack, cdp, sent, `Side ${tag} `, calls, queued);
  const { paint } = await domDone(page, tag, 120_000);
  const notes = await readNotes(page);
  const complete = target.commits(notes).find((c) => c.queued >= calls);
  if (!complete) throw new Error(`No commit held all ${calls} calls (${tag}).`);
  const lastMessage = notes.messages.filter((m) => m.data.includes(`Side ${tag} `)).pop()?.t ?? NaN;
  await hangUpWaitingCallers(stack);
  return { release, store: complete.t, paint, lastMessage };
}

export const sideBySideBench: Bench = {
  name: 'side-by-side',
  method:
    'The same burst of 200 queued calls (placed over 1 s; 40 quick) through each pipeline, on a fresh emulator ' +
    'each, one after the other: Switchboard’s production build signed in as Alex Rivera, and Microsoft’s ' +
    'StatefulCallClient (@azure/communication-react 1.34, bundled for the browser with esbuild over the emulator’s ' +
    'calling module, as emulator/interop/stateful-client runs it in Node) signed in as Blake Chen, its state ' +
    'rendered by a minimal React 18 list of every ringing call. "Queued": the page’s main thread stopped until the ' +
    'emulator has written every call, then released; events/s = calls ÷ (release → the first commit holding them ' +
    'all: the store probe’s commits, StatefulCallClient’s onStateChange), and the same to the frame after the DOM ' +
    'shows them all. "Spread": the page reading as they come; lag from the last message to that commit. Each page ' +
    'first takes an unmeasured burst of 3.',
  async run({ runs, quick, distDir }) {
    const calls = quick ? 40 : 200;
    const served = await servePage(await statefulClientBundle());
    const results = new Map<Pipeline, PipelineRun[]>([
      ['Switchboard', []],
      ['StatefulCallClient', []],
    ]);
    for (let r = 0; r < runs; r++)
      for (const pipeline of results.keys())
        await withBenchStack(distDir, async ({ stack, browser, sent }) => {
          const target =
            pipeline === 'Switchboard'
              ? await switchboardPage(browser, stack)
              : await statefulClientPage(browser, stack, served.url);
          // A first small burst loads what each page loads lazily: not measured.
          await pipelineBurst(stack, target, sent, 3, false);
          const queued = await pipelineBurst(stack, target, sent, calls, true);
          const spread = await pipelineBurst(stack, target, sent, calls, false);
          results.get(pipeline)!.push({
            toStore: queued.store - queued.release,
            toDom: queued.paint - queued.release,
            lagAfterLast: spread.store - spread.lastMessage,
          });
        });
    await served.close();
    return sideBySideFigures(calls, results);
  },
};

function sideBySideFigures(calls: number, results: Map<Pipeline, PipelineRun[]>): Figure[] {
  const figures: Figure[] = [];
  const switchboard = results.get('Switchboard')!;
  const stateful = results.get('StatefulCallClient')!;
  for (const [pipeline, each] of results) {
    const figure = (name: string, unit: string, samples: number[]): Figure => ({
      group: GROUP,
      name: `${pipeline}, ${calls} calls: ${name}`,
      unit,
      samples,
    });
    figures.push(
      figure(
        'events/s to the store',
        'events/s',
        each.map((r) => (calls * 1000) / r.toStore),
      ),
      figure(
        'ms per event to the store',
        'ms',
        each.map((r) => r.toStore / calls),
      ),
      figure(
        'events/s with the DOM',
        'events/s',
        each.map((r) => (calls * 1000) / r.toDom),
      ),
      figure(
        'ms per event with the DOM',
        'ms',
        each.map((r) => r.toDom / calls),
      ),
      figure(
        'spread: last message → store',
        'ms',
        each.map((r) => r.lagAfterLast),
      ),
    );
  }
  const ratio = (pick: (r: PipelineRun) => number) =>
    switchboard.map((run, i) => (stateful[i] ? pick(stateful[i]) / pick(run) : NaN));
  figures.push(
    {
      group: GROUP,
      name: `Switchboard ÷ StatefulCallClient, events/s to the store`,
      unit: '×',
      samples: ratio((r) => r.toStore),
      target: '≥ 3×',
    },
    {
      group: GROUP,
      name: `Switchboard ÷ StatefulCallClient, events/s with the DOM`,
      unit: '×',
      samples: ratio((r) => r.toDom),
      target: '≥ 3×',
    },
  );
  return figures;
}
