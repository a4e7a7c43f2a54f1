import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const engine = dirname(fileURLToPath(import.meta.url));

/** Every relative import of a file in engine/ (type-only ones too: they are arrows all the same). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(engine, file), 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map(
    (m) => m[1],
  );
  return specifiers
    .map((specifier) => resolve(engine, specifier))
    .filter((path) => dirname(path) === engine)
    .map((path) => `${path.slice(engine.length + 1)}.ts`);
}

/** A cycle in the import graph, as the files in order, or `undefined`. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'visiting') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'visiting');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('engine/ imports', () => {
  it('form no cycle: the world is the hub, and the parts reach each other through its port', () => {
    const files = readdirSync(engine).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    assert.ok(graph.get('world.ts')!.includes('calls.ts'), 'the scan reads imports');
    assert.equal(findCycle(graph)?.join(' -> '), undefined);
  });

  it('finds a cycle where there is one', () => {
    const cyclic = new Map([
      ['world.ts', ['queue-routing.ts']],
      ['queue-routing.ts', ['scenario.ts']],
      ['scenario.ts', ['world.ts']],
    ]);
    assert.deepEqual(findCycle(cyclic), ['world.ts', 'queue-routing.ts', 'scenario.ts', 'world.ts']);
    assert.equal(
      findCycle(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
      undefined,
    );
  });
});
