// Bundles stateful-client-page.mjs for the browser with the esbuild of
// emulator/interop/stateful-client (whose own packages hold the UI library, React 18 and the
// calling SDK's peers, installed on first use), resolving its imports from there;
// `@azure/communication-calling` is the emulator's module, as run.mjs there does it for Node.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const INTEROP = join(ROOT, 'emulator', 'interop', 'stateful-client');

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

/** The page's script, as one IIFE (in memory: nothing is written to the tree). */
export async function statefulClientBundle(): Promise<string> {
  const esbuildPath = join(INTEROP, 'node_modules', 'esbuild', 'lib', 'main.js');
  // Its packages are installed on first use, as emulator/interop/stateful-client/run.mjs does.
  if (!existsSync(join(INTEROP, 'node_modules'))) {
    const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: INTEROP, stdio: 'inherit' });
    if (npm.status !== 0)
      throw new Error(`\`npm ci\` in ${INTEROP} failed: the side-by-side bench needs its packages.`);
  }
  const esbuild = (await import(esbuildPath)) as Esbuild;
  const result = await esbuild.build({
    stdin: {
      contents: readFileSync(join(__dirname, 'stateful-client-page.mjs'), 'utf8'),
      resolveDir: INTEROP,
      sourcefile: 'stateful-client-page.mjs',
      loader: 'js',
    },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['module'],
    mainFields: ['browser', 'module', 'main'],
    alias: { '@azure/communication-calling': join(ROOT, 'emulator', 'client', 'index.ts') },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}
