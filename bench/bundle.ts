// The production build's bundles: what the browser downloads at start (the initial chunks, with
// their gzip size) and what only comes when asked for (lazy chunks: the Calling SDK, the
// emulator's calling module, MSAL's redirect bridge). `npm run bench:bundle` prints the figures
// bench/RESULTS.md records; bench/bundle.spec.ts holds the build to them; `bundleBench` hands them
// to `npm run bench`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bench, BenchOptions, Figure } from './figures';

/**
 * The budget for the JavaScript a first visit downloads, gzip-compressed (1 KB = 1000 bytes): the
 * target, which the build meets (`npm test` fails it when the start grows past it).
 */
export const INITIAL_JS_GZIP_BUDGET = 200_000;
/** The Calling SDK's own module: its chunk is loaded in ACS mode only, when the session starts. */
export const SDK_ENTRY_POINT = 'node_modules/@azure/communication-calling/dist-esm/sdk.bundle.js';

export interface Chunk {
  readonly file: string;
  readonly initial: boolean;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** The module a lazy chunk starts at, when it has one (`node_modules/...`, `emulator/client/...`). */
  readonly entryPoint: string | null;
  /** The source files bundled into it. */
  readonly inputs: readonly string[];
}

interface Metafile {
  outputs: Record<
    string,
    {
      bytes: number;
      entryPoint?: string;
      imports: { path: string; kind: string }[];
      inputs: Record<string, unknown>;
    }
  >;
}

const ROOT = resolve(__dirname, '..');

/** `ng build` (production) into `outputPath`, with esbuild's metafile (`stats.json`). */
export function buildProduction(outputPath: string): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/@angular/cli/bin/ng.js'),
      'build',
      '--configuration=production',
      '--stats-json',
      `--output-path=${outputPath}`,
      '--progress=false',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NG_CLI_ANALYTICS: 'false' } },
  );
}

/** Every JavaScript chunk of a build, initial ones (reached from `main` by static imports) first. */
export function chunksOf(outputPath: string): Chunk[] {
  const metafile = JSON.parse(readFileSync(join(outputPath, 'stats.json'), 'utf8')) as Metafile;
  const outputs = metafile.outputs;
  const main = Object.keys(outputs).find((file) => outputs[file]?.entryPoint === 'src/main.ts');
  if (!main) throw new Error('No chunk starts at src/main.ts: is this an Angular build?');
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const { path, kind } of outputs[file]?.imports ?? []) if (kind === 'import-statement') visit(path);
  };
  visit(main);
  return Object.entries(outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, output]) => {
      const code = readFileSync(join(outputPath, 'browser', file));
      return {
        file,
        initial: initial.has(file),
        bytes: code.length,
        gzipBytes: gzipSync(code).length,
        entryPoint: output.entryPoint ?? null,
        inputs: Object.keys(output.inputs),
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.bytes - a.bytes);
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** What the initial chunks add up to, raw and gzip-compressed (each chunk compressed on its own). */
export function initialTotals(chunks: readonly Chunk[]): { bytes: number; gzipBytes: number } {
  const initial = chunks.filter((c) => c.initial);
  return {
    bytes: initial.reduce((total, c) => total + c.bytes, 0),
    gzipBytes: initial.reduce((total, c) => total + c.gzipBytes, 0),
  };
}

/** The figures as a Markdown table, for bench/RESULTS.md. */
export function report(chunks: readonly Chunk[]): string {
  const rows = chunks.map(
    (c) =>
      `| ${c.initial ? 'initial' : 'lazy'} | \`${c.file}\` | ${c.entryPoint ? `\`${c.entryPoint}\`` : '(shared)'} | ${kb(c.bytes)} | ${kb(c.gzipBytes)} |`,
  );
  const initial = initialTotals(chunks);
  return [
    '| loaded | chunk | starts at | raw | gzip |',
    '| --- | --- | --- | ---: | ---: |',
    ...rows,
    `| **initial JS** | | | **${kb(initial.bytes)}** | **${kb(initial.gzipBytes)}** (budget ${kb(INITIAL_JS_GZIP_BUDGET)}) |`,
  ].join('\n');
}

/**
 * The bundle's figures for `npm run bench`, measured on the production build in `distDir` (the one
 * `npm run bench` builds with `--stats-json` for every bench); built there first when it holds none.
 * A build's sizes do not vary, so each run measures the same build again.
 */
export const bundleBench: Bench = {
  name: 'bundle',
  method:
    'The production build (`ng build --configuration=production --stats-json`): the chunks `main` reaches by static ' +
    "imports are the initial JavaScript, each compressed on its own with Node's gzip at its default level; 1 KB = 1000 bytes.",
  async run({ runs, distDir }: BenchOptions): Promise<readonly Figure[]> {
    if (!existsSync(join(distDir, 'stats.json'))) buildProduction(distDir);
    const measured = Array.from({ length: Math.max(1, runs) }, () => chunksOf(distDir));
    const group = 'Bundle';
    const samples = (of: (chunks: Chunk[]) => number) => measured.map((chunks) => of(chunks) / 1000);
    const sdk = (chunks: Chunk[]) => {
      const chunk = chunks.find((c) => c.entryPoint === SDK_ENTRY_POINT);
      if (!chunk)
        throw new Error(`No chunk starts at ${SDK_ENTRY_POINT}: is the Calling SDK still loaded lazily?`);
      return chunk.gzipBytes;
    };
    return [
      {
        group,
        name: 'initial JavaScript, gzip',
        unit: 'KB',
        samples: samples((chunks) => initialTotals(chunks).gzipBytes),
        target: `≤ ${INITIAL_JS_GZIP_BUDGET / 1000} KB`,
      },
      {
        group,
        name: 'initial JavaScript, raw',
        unit: 'KB',
        samples: samples((chunks) => initialTotals(chunks).bytes),
      },
      { group, name: 'Calling SDK (lazy, ACS mode only), gzip', unit: 'KB', samples: samples(sdk) },
    ];
  },
};

if (require.main === module) {
  const outputPath = resolve(ROOT, 'dist/bundle');
  buildProduction(outputPath);
  console.log(report(chunksOf(outputPath)));
}
