import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from '@playwright/test';
import launch from '../scripts/chromium.cjs';
import {
  bundleBench,
  chunksOf,
  INITIAL_JS_GZIP_BUDGET,
  initialTotals,
  report,
  SDK_ENTRY_POINT,
  type Chunk,
} from './bundle';
import { startProductionStack, type ProductionStack } from './production-stack';
import { specBuild } from './spec-build';

const SDK = 'node_modules/@azure/communication-calling/';

let outputPath: string;
let build: ReturnType<typeof specBuild>;
let chunks: Chunk[];

before(() => {
  build = specBuild();
  outputPath = build.distDir;
  chunks = chunksOf(outputPath);
  console.log(report(chunks));
});
after(() => build.dispose());

const lazyChunk = (entryPoint: string) => {
  const chunk = chunks.find((c) => c.entryPoint === entryPoint);
  assert.ok(chunk && !chunk.initial, `no lazy chunk starts at ${entryPoint}`);
  return chunk;
};

describe('the production build', () => {
  it(`downloads no more than ${INITIAL_JS_GZIP_BUDGET / 1000} KB of JavaScript (gzip) at start`, () => {
    const initialGzip = initialTotals(chunks).gzipBytes;
    assert.ok(
      initialGzip <= INITIAL_JS_GZIP_BUDGET,
      `the initial JavaScript is ${initialGzip} bytes gzip-compressed, over the ${INITIAL_JS_GZIP_BUDGET}-byte budget`,
    );
  });

  it('keeps the Calling SDK in a chunk of its own, loaded only when ACS mode asks for it', () => {
    const withSdk = chunks.filter((c) => c.inputs.some((input) => input.startsWith(SDK)));
    assert.deepEqual(
      withSdk.map((c) => ({ initial: c.initial, entryPoint: c.entryPoint })),
      [{ initial: false, entryPoint: SDK_ENTRY_POINT }],
    );
  });

  it('keeps the emulator’s calling module and MSAL’s redirect bridge out of the start too', () => {
    lazyChunk('emulator/client/index.ts');
    lazyChunk('node_modules/@azure/msal-browser/dist/redirect_bridge/index.mjs');
    const initialInputs = chunks.filter((c) => c.initial).flatMap((c) => c.inputs);
    assert.equal(initialInputs.filter((input) => input.startsWith('emulator/client/')).length, 0);
  });

  it('loads MSAL after the first paint: no part of it is in the start', () => {
    lazyChunk('src/app/core/auth/msal-sign-in.ts');
    const initialInputs = chunks.filter((c) => c.initial).flatMap((c) => c.inputs);
    assert.deepEqual(
      initialInputs.filter((input) => input.startsWith('node_modules/@azure/msal-')),
      [],
    );
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
    const { bytes: raw, gzipBytes: gzip } = initialTotals(chunks);
    const gzipAtLimit = (limit * gzip) / raw;
    assert.ok(
      Math.abs(gzipAtLimit - INITIAL_JS_GZIP_BUDGET) <= INITIAL_JS_GZIP_BUDGET / 10,
      `angular.json's initial maximumError ${maximumError} is ${Math.round(gzipAtLimit)} bytes gzip at this ` +
        `build's ratio (${(raw / gzip).toFixed(2)}:1); set it near ${Math.round((INITIAL_JS_GZIP_BUDGET * raw) / gzip / 1000)}kB`,
    );
  });

  it('hands npm run bench the same figures, measured on the build it is given', async () => {
    const figures = await bundleBench.run({ runs: 2, quick: true, distDir: outputPath });
    const sdk = lazyChunk(SDK_ENTRY_POINT);
    assert.deepEqual(
      figures.map(({ name, unit, samples, target }) => ({ name, unit, samples, target })),
      [
        {
          name: 'initial JavaScript, gzip',
          unit: 'KB',
          samples: [initialTotals(chunks).gzipBytes / 1000, initialTotals(chunks).gzipBytes / 1000],
          target: '≤ 200 KB',
        },
        {
          name: 'initial JavaScript, raw',
          unit: 'KB',
          samples: [initialTotals(chunks).bytes / 1000, initialTotals(chunks).bytes / 1000],
          target: undefined,
        },
        {
          name: 'Calling SDK (lazy, ACS mode only), gzip',
          unit: 'KB',
          samples: [sdk.gzipBytes / 1000, sdk.gzipBytes / 1000],
          target: undefined,
        },
      ],
    );
  });
});

/**
 * The build as deployed: `server/` serves it and its `config.json`, with the emulator as its Entra
 * ID, ACS identity and calling service (the emulator on its own origin, as `emulatorUrl` allows).
 */
describe('the production build in the browser', () => {
  let stack: ProductionStack;
  let browser: Browser;
  let consoleUrl: string;

  before(async () => {
    stack = await startProductionStack(outputPath);
    consoleUrl = stack.consoleUrl;
    browser = await chromium.launch({ executablePath: launch.executablePath, args: [...launch.args] });
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  /**
   * Signs in through the emulator's account picker; every script the page fetched, by file. Nothing
   * on the way may break server/'s Content-Security-Policy.
   */
  async function signIn(page: Page): Promise<Set<string>> {
    const scripts = new Set<string>();
    const violations: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname.slice(1));
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(consoleUrl);
    await page.getByRole('button', { name: /Alex Rivera/ }).click();
    await page.getByRole('banner').getByText('Alex Rivera · Agent').waitFor();
    assert.deepEqual(violations, []);
    return scripts;
  }

  it('in emulator mode never downloads the Calling SDK, and takes the emulator’s module instead', async () => {
    const page = await browser.newPage();
    const scripts = await signIn(page);
    await page.getByRole('status').getByText('Online').waitFor();
    assert.ok(scripts.has(lazyChunk('emulator/client/index.ts').file));
    assert.equal(scripts.has(lazyChunk(SDK_ENTRY_POINT).file), false);
    await page.close();
  });

  it('in ACS mode downloads the Calling SDK when the calling session starts', async () => {
    const context = await browser.newContext();
    // Nothing leaves this machine: the SDK is only fetched, never connected.
    await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    await page.route('**/config.json', async (route) => {
      const config = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...config, backend: 'acs' } });
    });
    const sdk = page.waitForRequest((request) =>
      request.url().endsWith(`/${lazyChunk(SDK_ENTRY_POINT).file}`),
    );
    await signIn(page);
    await sdk;
    await context.close();
  });
});
