// The table `npm run bench` prints, and its section of bench/RESULTS.md.
import { median, type Bench, type Figure } from './figures';

export const SECTION_HEADING = '## `npm run bench`';

const number = (value: number): string => {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  return abs >= 100 || Number.isInteger(value)
    ? value.toFixed(0)
    : abs >= 10
      ? value.toFixed(1)
      : value.toFixed(2);
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** One Markdown table: group, figure, median, spread (min–max), runs, target. */
export function figureTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => {
    const samples = figure.samples.filter((s) => Number.isFinite(s));
    const spread =
      samples.length > 1 ? `${number(Math.min(...samples))}–${number(Math.max(...samples))}` : '';
    return `| ${cell(figure.group)} | ${cell(figure.name)} | ${number(median(samples))} ${figure.unit} | ${spread} | ${samples.length} | ${cell(figure.target ?? '')} |`;
  });
  return [
    '| group | figure | median | spread (min–max) | runs | target |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

export interface RunContext {
  readonly command: string;
  readonly date: Date;
  readonly cpus: { readonly count: number; readonly model: string };
  readonly memoryBytes: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly node: string;
  readonly chromium: string;
  readonly runs: number;
  readonly quick: boolean;
}

/** The section: how it was run, on what, then the table and each bench's method. */
export function resultsSection(
  context: RunContext,
  figures: readonly Figure[],
  benches: readonly Bench[],
  failures: readonly string[],
): string {
  const gb = (context.memoryBytes / 1024 ** 3).toFixed(1);
  return [
    SECTION_HEADING,
    '',
    `Command: \`${context.command}\`${context.quick ? ' (quick mode)' : ''}, ${context.runs} run(s) per figure. ` +
      `Measured on ${context.date.toISOString()}: ${context.cpus.count} × ${context.cpus.model}, ${gb} GB of memory, ` +
      `load average (1 min) ${context.loadBefore.toFixed(2)} before and ${context.loadAfter.toFixed(2)} after; ` +
      `Node ${context.node}, Chromium ${context.chromium}.`,
    '',
    figureTable(figures),
    '',
    ...(failures.length > 0
      ? ['Benches that failed (no figures):', '', ...failures.map((f) => `- ${f}`), '']
      : []),
    'How each is measured:',
    '',
    ...benches.map((bench) => `- **${bench.name}**: ${bench.method}`),
    '',
  ].join('\n');
}

/** `results` with its `npm run bench` section replaced by `section` (added at the end if absent). */
export function replaceSection(results: string, section: string): string {
  const start = results.indexOf(`${SECTION_HEADING}\n`);
  if (start === -1) return `${results.trimEnd()}\n\n${section}`;
  const next = results.indexOf('\n## ', start + SECTION_HEADING.length);
  const rest = next === -1 ? '' : results.slice(next + 1);
  return `${results.slice(0, start)}${section}${rest ? `\n${rest}` : ''}`;
}
