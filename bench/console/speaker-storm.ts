// The speaker storm: an agent in a meeting of 350 generated attendees while the emulator flips
// their `isSpeaking` 1,000 times a second (its speaking control), for 60 s.
import type { Bench, Figure } from '../figures';
import { control, readNotes, signedInConsole, startRecording, withBenchStack } from './harness';

const GROUP = 'Speaker storm';
const ATTENDEES = 350;
const PER_SECOND = 1000;

/** At each animation frame, how many commits (all, or of one action) came since the previous. */
export function commitsPerFrame(frames: readonly number[], commits: readonly { t: number }[]): number[] {
  const counts: number[] = [];
  let c = 0;
  for (let f = 1; f < frames.length; f++) {
    let count = 0;
    while (c < commits.length && commits[c]!.t < frames[f]!) {
      if (commits[c]!.t >= frames[f - 1]!) count++;
      c++;
    }
    counts.push(count);
  }
  return counts;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const speakerStormBench: Bench = {
  name: 'speaker-storm',
  method:
    'One agent in Chromium on the production build joins, by its link, a meeting of 350 generated attendees ' +
    '(`POST /emulator/meetings` with `generatedAttendees`, no lobby); the emulator then flips random attendees’ ' +
    '`isSpeaking` 1,000 times a second for 60 s (`POST /emulator/meetings/:key/speaking`; quick: 200 a second for ' +
    '5 s); one run (runs: BENCH_RUNS, at most 2). During the storm: long tasks (PerformanceObserver "longtask"), ' +
    'store commits between consecutive animation frames (store probe; all actions, and "Participants Changed" ' +
    'alone), the roster’s rows in the DOM (sampled every 250 ms) and the messages the page received per second.',
  async run({ runs, quick, distDir }) {
    const seconds = quick ? 5 : 60;
    const perSecond = quick ? 200 : PER_SECOND;
    const samples: Record<string, number[]> = {};
    const add = (name: string, value: number) => (samples[name] = [...(samples[name] ?? []), value]);
    for (let run = 0; run < Math.min(runs, 2); run++)
      await withBenchStack(distDir, async ({ stack, browser }) => {
        const { page } = await signedInConsole(browser, stack, 'Alex Rivera');
        const meeting = await control<{ key: string; link: string }>(stack, 'POST', '/emulator/meetings', {
          organizer: 'sam',
          subject: 'All hands',
          lobby: false,
          presenters: 'everyone',
          generatedAttendees: ATTENDEES,
        });
        const join = page.getByRole('region', { name: 'Join a Teams meeting' });
        await join.getByRole('textbox', { name: 'Meeting link' }).fill(meeting.link);
        await join.getByRole('button', { name: 'Join', exact: true }).click();
        const active = page.getByRole('region', { name: 'Active call' });
        await active.getByText('Call state: Connected').waitFor({ timeout: 60_000 });
        await active
          .getByRole('list', { name: /Participants/ })
          .getByRole('listitem')
          .first()
          .waitFor();
        await pause(1000);

        await startRecording(page);
        await page.evaluate(() => {
          const bench = (window as unknown as { __bench: { startFrames(): void; messageData: boolean } })
            .__bench;
          // Tens of thousands of messages: their times are enough, and keep the page's heap as it is.
          bench.messageData = false;
          bench.startFrames();
        });
        const started = Date.now();
        await control(stack, 'POST', `/emulator/meetings/${encodeURIComponent(meeting.key)}/speaking`, {
          perSecond,
          seconds,
        });
        const rows: number[] = [];
        while (Date.now() - started < seconds * 1000 + 500) {
          rows.push(
            await page.evaluate(
              () =>
                document.querySelectorAll('sb-participant-list li, sb-participant-list [role="listitem"]')
                  .length,
            ),
          );
          await pause(250);
        }
        await page.evaluate(() =>
          (window as unknown as { __bench: { stopFrames(): void } }).__bench.stopFrames(),
        );
        const notes = await readNotes(page);
        add('long tasks > 50 ms', notes.longTasks.length);
        add('longest task', Math.max(0, ...notes.longTasks.map((t) => t.duration)));
        add('store commits per frame, max', Math.max(0, ...commitsPerFrame(notes.frames, notes.commits)));
        add(
          '"Participants Changed" commits per frame, max',
          Math.max(
            0,
            ...commitsPerFrame(
              notes.frames,
              notes.commits.filter((c) => /Participants Changed/.test(c.type)),
            ),
          ),
        );
        add('roster rows in the DOM, max', Math.max(0, ...rows));
        add('messages received per second', notes.messages.length / seconds);
      });
    const target: Record<string, string> = {
      'long tasks > 50 ms': 'none',
      'store commits per frame, max': '≤ 1',
      'roster rows in the DOM, max': '≤ 40',
    };
    const units: Record<string, string> = { 'longest task': 'ms', 'messages received per second': 'msg/s' };
    return Object.entries(samples).map(([name, values]): Figure => ({
      group: GROUP,
      name: `${ATTENDEES} attendees, ${perSecond}/s for ${seconds} s: ${name}`,
      unit: units[name] ?? 'count',
      samples: values,
      ...(target[name] && { target: target[name] }),
    }));
  },
};
