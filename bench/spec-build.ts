import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProduction } from './bundle';

/**
 * The production build a bench spec works on: `BENCH_DIST_DIR`'s when given (`npm test` makes one
 * for every bench spec), else one of its own, made now and removed by `dispose`.
 */
export function specBuild(): { readonly distDir: string; dispose(): void } {
  const given = process.env['BENCH_DIST_DIR'];
  if (given) return { distDir: given, dispose: () => undefined };
  const distDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-build-'));
  buildProduction(distDir);
  return { distDir, dispose: () => rmSync(distDir, { recursive: true, force: true }) };
}
