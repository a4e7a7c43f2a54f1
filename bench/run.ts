// `npm run bench`: one production build, then every benchmark (bench/benches.ts), one table of
// figures printed and written into bench/RESULTS.md's "`npm run bench`" section with the machine
// it ran on. A figure is never judged here: the table shows it beside its target.
//   BENCH_RUNS=n        runs per figure (default 5; a long bench may do fewer, and says so)
//   BENCH_ONLY=a,b      only these benches, by name
//   BENCH_DIST_DIR=dir  a production build already made (`ng build --configuration=production
//                       --stats-json --output-path=dir`), instead of building one
//   --quick             smaller and shorter runs (as bench/console.spec.ts runs them)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import launch from '../scripts/chromium.cjs';
import { BENCHES } from './benches';
import { buildProduction } from './bundle';
import type { Bench, Figure } from './figures';
import { figureTable, replaceSection, resultsSection } from './results-table';

const RESULTS = join(__dirname, 'RESULTS.md');

/** The benches `BENCH_ONLY` names (all without it); an unknown name is an error listing them. */
export function chooseBenches(only: string | undefined, benches: readonly Bench[]): Bench[] {
  if (!only) return [...benches];
  const names = only
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !benches.some((bench) => bench.name === name));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_ONLY names no bench ${unknown.join(', ')}: choose from ${benches.map((b) => b.name).join(', ')}.`,
    );
  return benches.filter((bench) => names.includes(bench.name));
}

export function readRuns(text: string | undefined): number {
  if (text === undefined || text === '') return 5;
  const runs = Number(text);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100)
    throw new Error(`BENCH_RUNS must be a whole number from 1 to 100, not "${text}".`);
  return runs;
}

function chromiumVersion(): string {
  try {
    return execFileSync(launch.executablePath, ['--version'], { encoding: 'utf8' })
      .trim()
      .replace(/^Chromium\s*/, '');
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const runs = readRuns(process.env['BENCH_RUNS']);
  const benches = chooseBenches(process.env['BENCH_ONLY'], BENCHES);
  const loadBefore = loadavg()[0]!;
  const date = new Date();
  const given = process.env['BENCH_DIST_DIR'];
  const distDir = given || mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const figures: Figure[] = [];
  const failures: string[] = [];
  try {
    if (!given) {
      console.log('Building the console (production)…');
      buildProduction(distDir);
    }
    for (const bench of benches) {
      console.log(`Running ${bench.name}…`);
      try {
        figures.push(...(await bench.run({ runs, quick, distDir })));
      } catch (error) {
        // One bench failing leaves the others' figures; the section names it.
        console.error(error);
        failures.push(
          `${bench.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        );
      }
    }
  } finally {
    if (!given) rmSync(distDir, { recursive: true, force: true });
  }
  const cpuList = cpus();
  const section = resultsSection(
    {
      command: `${process.env['BENCH_RUNS'] ? `BENCH_RUNS=${runs} ` : ''}${process.env['BENCH_ONLY'] ? `BENCH_ONLY=${process.env['BENCH_ONLY']} ` : ''}npm run bench${quick ? ' -- --quick' : ''}`,
      date,
      cpus: { count: cpuList.length, model: cpuList[0]?.model.trim() ?? 'unknown' },
      memoryBytes: totalmem(),
      loadBefore,
      loadAfter: loadavg()[0]!,
      node: process.versions.node,
      chromium: chromiumVersion(),
      runs,
      quick,
    },
    figures,
    benches,
    failures,
  );
  console.log(`\n${figureTable(figures)}\n`);
  writeFileSync(RESULTS, replaceSection(readFileSync(RESULTS, 'utf8'), section));
  console.log(`Written to ${RESULTS}.`);
  if (failures.length > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
