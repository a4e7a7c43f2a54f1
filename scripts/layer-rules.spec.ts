// The layers are lint rules (eslint.config.js, docs/architecture.md "The layers"): each wrong-way
// import below must fail `npm run lint` with the rule's name, and the right-way ones must pass.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rules a file at `path` with `source` breaks. */
async function brokenRules(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const WRONG_WAY: [string, string, string, string][] = [
  // [why, file, source, rule]
  [
    'calling/ never reads the store',
    'src/app/calling/probe.ts',
    "import { agentFeature } from '../state/agent/agent.feature';\nexport const x = agentFeature;\n",
    'boundaries/element-types',
  ],
  [
    'a screen never reaches the registry of live calls',
    'src/app/features/queue/probe.ts',
    "import { CallRegistry } from '../../calling/call-registry';\nexport const x = CallRegistry;\n",
    'boundaries/element-types',
  ],
  [
    'shared/ takes inputs, never state',
    'src/app/shared/probe.ts',
    "import type { AgentState } from '../state/agent/agent.feature';\nexport type X = AgentState;\n",
    'boundaries/element-types',
  ],
  [
    'the model imports nothing of the app',
    'src/app/model/probe.ts',
    "import type { Logger } from '../core/logger';\nexport type X = Logger;\n",
    'boundaries/element-types',
  ],
  [
    'graph/ sits beside calling/, not on it',
    'src/app/graph/probe.ts',
    "import { CallRegistry } from '../calling/call-registry';\nexport const x = CallRegistry;\n",
    'boundaries/element-types',
  ],
  [
    'state never imports a screen',
    'src/app/state/probe.ts',
    "import { QueuePanelComponent } from '../features/queue/queue-panel.component';\nexport const x = QueuePanelComponent;\n",
    'boundaries/element-types',
  ],
  [
    'only the backend provider reaches the emulator',
    'src/app/state/probe.ts',
    "import { CallClient } from '../../../emulator/client';\nexport const x = CallClient;\n",
    'boundaries/element-types',
  ],
  [
    'server/ imports nothing of the console',
    'server/probe.ts',
    "import { toIdentity } from '../src/app/calling/identifiers';\nexport const x = toIdentity;\n",
    'boundaries/element-types',
  ],
  [
    'server/ imports nothing of the emulator outside its tests',
    'server/probe.ts',
    "import { startEmulator } from '../emulator/server/emulator-server';\nexport const x = startEmulator;\n",
    'boundaries/element-types',
  ],
  [
    'the emulator imports nothing of server/',
    'emulator/engine/probe.ts',
    "import { buildApp } from '../../server/app';\nexport const x = buildApp;\n",
    'boundaries/element-types',
  ],
  [
    'only core/auth/ touches MSAL',
    'src/app/core/probe.ts',
    "import { LogLevel } from '@azure/msal-browser';\nexport const x = LogLevel;\n",
    '@typescript-eslint/no-restricted-imports',
  ],
  [
    'the SDK’s values only through calling/',
    'src/app/features/queue/probe.ts',
    "import { CallClient } from '@azure/communication-calling';\nexport const x = CallClient;\n",
    '@typescript-eslint/no-restricted-imports',
  ],
];

const RIGHT_WAY: [string, string, string][] = [
  [
    'a screen reads state and the model',
    'src/app/features/queue/probe.ts',
    "import { queueFeature } from '../../state/queue/queue.feature';\nimport type { Party } from '../../model/snapshots';\nexport const x = queueFeature;\nexport type X = Party;\n",
  ],
  [
    'a screen checks what the agent typed with calling/’s checks',
    'src/app/features/dialer/probe.ts',
    "import { parsePhoneNumber } from '../../calling/phone-number';\nexport const x = parsePhoneNumber;\n",
  ],
  [
    'state drives the registry',
    'src/app/state/probe.ts',
    "import { CallRegistry } from '../calling/call-registry';\nexport const x = CallRegistry;\n",
  ],
  [
    'a spec may use the in-memory emulator',
    'src/app/state/probe.spec.ts',
    "import { createInMemoryEmulator } from '../../../emulator/testing/in-memory';\nexport const x = createInMemoryEmulator;\n",
  ],
  [
    'core/auth/ uses MSAL',
    'src/app/core/auth/probe.ts',
    "import { LogLevel } from '@azure/msal-browser';\nexport const x = LogLevel;\n",
  ],
];

describe('the layers, as lint rules', () => {
  for (const [why, path, source, rule] of WRONG_WAY) {
    it(`fails a wrong-way import with ${rule}: ${why}`, async () => {
      assert.ok((await brokenRules(path, source)).includes(rule), `${path} should break ${rule}`);
    });
  }
  for (const [why, path, source] of RIGHT_WAY) {
    it(`passes a right-way import: ${why}`, async () => {
      assert.deepEqual(await brokenRules(path, source), []);
    });
  }
});
