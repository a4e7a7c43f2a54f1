import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildProduction, chunksOf, INITIAL_JS_GZIP_BUDGET, report, type Chunk } from './bundle';

const SDK = 'node_modules/@azure/communication-calling/';

describe('the production build', () => {
  let outputPath: string;
  let chunks: Chunk[];

  before(() => {
    outputPath = mkdtempSync(join(tmpdir(), 'switchboard-bundle-'));
    buildProduction(outputPath);
    chunks = chunksOf(outputPath);
    console.log(report(chunks));
  });
  after(() => rmSync(outputPath, { recursive: true, force: true }));

  it('downloads no more than 300 KB of JavaScript (gzip) at start', () => {
    const initialGzip = chunks.filter((c) => c.initial).reduce((total, c) => total + c.gzipBytes, 0);
    assert.ok(
      initialGzip <= INITIAL_JS_GZIP_BUDGET,
      `the initial JavaScript is ${initialGzip} bytes gzip-compressed, over the ${INITIAL_JS_GZIP_BUDGET}-byte budget`,
    );
  });

  it('keeps the Calling SDK in a chunk of its own, loaded only when ACS mode asks for it', () => {
    const withSdk = chunks.filter((c) => c.inputs.some((input) => input.startsWith(SDK)));
    assert.deepEqual(
      withSdk.map((c) => ({ initial: c.initial, entryPoint: c.entryPoint })),
      [{ initial: false, entryPoint: `${SDK}dist-esm/sdk.bundle.js` }],
    );
  });

  it('keeps the emulator’s calling module and MSAL’s redirect bridge out of the start too', () => {
    const lazyEntries = chunks.filter((c) => !c.initial).map((c) => c.entryPoint);
    assert.ok(lazyEntries.includes('emulator/client/index.ts'), `lazy chunks: ${lazyEntries.join(', ')}`);
    assert.ok(lazyEntries.includes('node_modules/@azure/msal-browser/dist/redirect_bridge/index.mjs'));
    const initialInputs = chunks.filter((c) => c.initial).flatMap((c) => c.inputs);
    assert.equal(initialInputs.filter((input) => input.startsWith('emulator/client/')).length, 0);
  });

  it('has angular.json fail the build about where the JavaScript would pass the gzip budget', () => {
    // Angular's budgets count raw bytes (1 kB = 1000 bytes); the budget is on what is downloaded.
    const angular = JSON.parse(readFileSync(join(__dirname, '..', 'angular.json'), 'utf8'));
    const budgets = angular.projects.switchboard.architect.build.configurations.production.budgets as {
      type: string;
      maximumError: string;
    }[];
    const maximumError = budgets.find((b) => b.type === 'initial')?.maximumError ?? '';
    const [, amount = 'NaN', unit = ''] = /^([\d.]+)(kB|MB)$/.exec(maximumError) ?? [];
    const limit = Number(amount) * (unit === 'MB' ? 1_000_000 : 1_000);
    const initial = chunks.filter((c) => c.initial);
    const raw = initial.reduce((total, c) => total + c.bytes, 0);
    const gzip = initial.reduce((total, c) => total + c.gzipBytes, 0);
    const gzipAtLimit = (limit * gzip) / raw;
    assert.ok(
      Math.abs(gzipAtLimit - INITIAL_JS_GZIP_BUDGET) <= INITIAL_JS_GZIP_BUDGET / 10,
      `angular.json's initial maximumError ${maximumError} is ${Math.round(gzipAtLimit)} bytes gzip at this ` +
        `build's ratio (${(raw / gzip).toFixed(2)}:1); set it near ${Math.round((INITIAL_JS_GZIP_BUDGET * raw) / gzip / 1000)}kB`,
    );
  });
});
