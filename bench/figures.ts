// What every benchmark of `npm run bench` hands back: named figures, each measured in several runs,
// so the table can give the median with its spread. A bench never judges its figures; the table
// shows each beside its target, if it has one.

/** One measured quantity, with a sample per run (or per event, for latencies). */
export interface Figure {
  /** The table's section: "Event → painted DOM", "Bursts", "Speaker storm", ... */
  readonly group: string;
  /** What is measured, in words: "queued call appears, page part p99". */
  readonly name: string;
  /** "ms", "KB", "MB", "events/s", "%", "count". */
  readonly unit: string;
  /** One value per run; the table prints the median and the spread (min–max). */
  readonly samples: readonly number[];
  /** The target, in words, when the issue sets one: "≤ 16 ms". */
  readonly target?: string;
}

/** A benchmark `npm run bench` runs: its name in the table, and the run itself. */
export interface Bench {
  readonly name: string;
  /** What it measures and how, for RESULTS.md (a sentence or two). */
  readonly method: string;
  run(options: BenchOptions): Promise<readonly Figure[]>;
}

export interface BenchOptions {
  /** How many times each figure is measured (median and spread over these); at least 1. */
  readonly runs: number;
  /** Smaller and shorter, for the check in `npm test` that the bench still runs. */
  readonly quick: boolean;
  /** Where the production build is (built once by `npm run bench`), served by server/. */
  readonly distDir: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile of a sample (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
