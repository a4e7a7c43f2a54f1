// Event → painted DOM: a queued call appearing, and the call-state changes an agent causes
// (accept → Connected, mute, hold), each followed leg by leg (legs.ts) in the production build.
import type { Page } from '@playwright/test';
import { percentile, type Bench, type Figure } from '../figures';
import { followEvent, type EventUnderTest, type Legs } from './legs';
import { benchNumber, queueCall, signedInConsole, withBenchStack, type SentMessage } from './harness';
import { finishCall, MuteWindow } from './agent-actions';

const KINDS = ['queued call appears', 'accept → Connected', 'mute', 'hold'] as const;
type Kind = (typeof KINDS)[number];

const GROUP = 'Event → painted DOM';

/** One caller's round: rings, is accepted, muted, unmuted, held, resumed, hung up. */
async function round(
  page: Page,
  sent: SentMessage[],
  n: number,
  queue: (name: string) => Promise<unknown>,
  mutes: MuteWindow,
) {
  const name = `Bench Caller ${n}`;
  const active = page.getByRole('region', { name: 'Active call' });
  const follow = (event: EventUnderTest) => followEvent(page, sent, event);
  const legs = new Map<Kind, Legs>();
  legs.set(
    'queued call appears',
    await follow({
      trigger: () => queue(name),
      message: (m) => m.type === 'incomingCall' && JSON.stringify(m).includes(name),
      commit: /Incoming Calls Received/,
      dom: { selector: `sb-queued-call[aria-label="Call from ${name}"]` },
    }),
  );
  legs.set(
    'accept → Connected',
    await follow({
      trigger: () =>
        page
          .getByRole('listitem', { name: `Call from ${name}` })
          .getByRole('button', { name: 'Accept' })
          .click(),
      message: (m) =>
        (m.type === 'callChanged' && m['state'] === 'Connected') ||
        (m.type === 'callAdded' && (m['call'] as { state?: string }).state === 'Connected'),
      commit: /Call (Added|State Changed)/,
      dom: { selector: 'sb-active-call-card sb-state-chip', text: 'Connected' },
    }),
  );
  await mutes.room();
  legs.set(
    'mute',
    await follow({
      trigger: () => active.getByRole('button', { name: 'Mute', exact: true }).click(),
      message: (m) => m.type === 'callChanged' && m['isMuted'] === true,
      commit: /Call Muted Changed/,
      dom: { selector: 'sb-active-call-card .sb-chip', text: 'Muted' },
    }),
  );
  await mutes.room();
  await active.getByRole('button', { name: 'Unmute' }).click();
  await active.getByRole('button', { name: 'Mute', exact: true }).waitFor();
  legs.set(
    'hold',
    await follow({
      trigger: () => active.getByRole('button', { name: 'Hold' }).click(),
      message: (m) => m.type === 'callChanged' && m['state'] === 'LocalHold',
      commit: /Call State Changed/,
      dom: { selector: `[aria-label="Held call with ${name}"]`, text: 'On hold' },
    }),
  );
  await page
    .getByRole('region', { name: /Calls on hold/ })
    .getByRole('button', { name: 'Resume' })
    .click();
  await active.getByText('Call state: Connected').waitFor();
  await finishCall(page);
  return legs;
}

export const eventToPaintBench: Bench = {
  name: 'event-to-paint',
  method:
    'One agent (Alex Rivera) in Chromium on the production build, server/ serving it, the emulator as its cloud. ' +
    'Per run, callers queue one at a time and each is accepted, muted, unmuted, held, resumed and hung up by clicks ' +
    '(20 callers a run after one warm-up caller; 3 quick). Each event is followed leg by leg: the emulator writing the message (its socket, in ' +
    'the bench process) → the page’s WebSocket message event → the store commit of its action (the store probe, ' +
    'docs/store-probe.md) → the DOM mutation that shows it (a MutationObserver) → the next animation frame. ' +
    '"Page part" is message → frame; each run gives its p50/p95/p99, the table their median over runs.',
  async run({ runs, quick, distDir }) {
    const perRun = quick ? 3 : 20;
    const samples = new Map<Kind, Legs[][]>(KINDS.map((kind) => [kind, []]));
    for (let run = 0; run < runs; run++)
      await withBenchStack(distDir, async ({ stack, browser, sent }) => {
        const { page } = await signedInConsole(browser, stack, 'Alex Rivera');
        const rounds: Map<Kind, Legs>[] = [];
        const mutes = new MuteWindow();
        const queue = (n: number) => (name: string) =>
          queueCall(stack, { displayName: name, from: benchNumber(n) });
        // A first caller loads what the console loads lazily (the panels' chunks): not measured.
        await round(page, sent, 0, queue(0), mutes);
        for (let n = 1; n <= perRun; n++) rounds.push(await round(page, sent, n, queue(n), mutes));
        for (const kind of KINDS) samples.get(kind)!.push(rounds.map((legs) => legs.get(kind)!));
      });
    return KINDS.flatMap((kind) => legFigures(kind, samples.get(kind)!));
  },
};

/** Per kind: the page part's p50/p95/p99, each leg's p50 and the whole way's p99, one sample per run. */
function legFigures(kind: Kind, perRun: Legs[][]): Figure[] {
  const each = (pick: (legs: Legs) => number, p: number) =>
    perRun.map((legs) => percentile(legs.map(pick), p));
  const figure = (name: string, values: number[], target?: string): Figure => ({
    group: GROUP,
    name: `${kind}: ${name}`,
    unit: 'ms',
    samples: values,
    ...(target && { target }),
  });
  return [
    figure(
      'page part p50',
      each((l) => l.page, 50),
    ),
    figure(
      'page part p95',
      each((l) => l.page, 95),
    ),
    figure(
      'page part p99',
      each((l) => l.page, 99),
      '≤ 16 ms',
    ),
    figure(
      'emulator → message p50',
      each((l) => l.wire, 50),
    ),
    figure(
      'message → store p50',
      each((l) => l.toStore, 50),
    ),
    figure(
      'store → DOM p50',
      each((l) => l.toDom, 50),
    ),
    figure(
      'DOM → frame p50',
      each((l) => l.toPaint, 50),
    ),
    figure(
      'emulator → frame p99',
      each((l) => l.wire + l.page, 99),
    ),
  ];
}
