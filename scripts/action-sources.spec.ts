// One actions file per source (docs/architecture.md "Data flow"): every `createActionGroup` in
// src/app/state names its source once, in the file named after it ("Chat Threads API" in
// chat-threads-api.actions.ts), so the file that declares an action is the one its type names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';

const STATE = 'src/app/state';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Each action group's source, with the file declaring it. */
const groups = sourceFiles(STATE).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/createActionGroup\(\{\s*source:\s*'([^']+)'/g)].map(
    ([, source]) => ({ source: source!, file }),
  ),
);

const fileFor = (source: string) => `${source.toLowerCase().replace(/\s+/g, '-')}.actions.ts`;

describe('action sources', () => {
  it('finds the action groups', () => {
    assert.ok(groups.length >= 10, `only ${groups.length} action groups found`);
    const calls = sourceFiles(STATE).reduce(
      (n, file) => n + (readFileSync(file, 'utf8').match(/createActionGroup\(/g)?.length ?? 0),
      0,
    );
    assert.equal(groups.length, calls, 'every createActionGroup call names its source first, as a string');
  });

  it('declares each source once', () => {
    const seen = new Map<string, string>();
    for (const { source, file } of groups) {
      assert.ok(!seen.has(source), `"${source}" is declared in ${seen.get(source)} and ${file}`);
      seen.set(source, file);
    }
  });

  it('declares each source in the file named after it', () => {
    for (const { source, file } of groups) assert.equal(basename(file), fileFor(source), `"${source}"`);
  });
});
