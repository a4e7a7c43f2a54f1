// @ts-check
const eslint = require('@eslint/js');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');
const boundaries = require('eslint-plugin-boundaries');

/**
 * The layers, and which may import which (docs/architecture.md, "The layers", states the same
 * rules in words). Each element is a folder or a file; the first pattern a file matches decides its
 * layer. `boundaries/element-types` refuses any import between layers that `LAYERS` does not allow,
 * type imports included: the model is one for every layer.
 */
const ELEMENTS = [
  // Test helpers beside a layer (`testing/` folders) may use the in-memory emulator.
  { type: 'app-testing', pattern: 'src/app/**/testing/**' },
  { type: 'shell', pattern: 'src/app/app*.ts' },
  { type: 'bootstrap', pattern: 'src/main.ts' },
  { type: 'environments', pattern: 'src/environments/**' },
  { type: 'model', pattern: 'src/app/model/**' },
  { type: 'core-auth', pattern: 'src/app/core/auth/**' },
  { type: 'core', pattern: 'src/app/core/**' },
  // The one place that chooses the backend, and so the one that reaches the emulator at run time.
  { type: 'calling-backend', pattern: 'src/app/calling/calling-backend.ts' },
  // calling/'s plain checks and builders of what the agent types: screens may use these.
  {
    type: 'calling-checks',
    pattern: 'src/app/calling/{dial-target,meeting-locator,phone-number,phone-number-shape,teams-user-id}.ts',
  },
  { type: 'calling', pattern: 'src/app/calling/**' },
  { type: 'graph', pattern: 'src/app/graph/**' },
  // The console's side of the supervisor's floor (server/'s WebSocket): a boundary beside calling/.
  { type: 'floor', pattern: 'src/app/floor/**' },
  { type: 'state', pattern: 'src/app/state/**' },
  { type: 'features', pattern: 'src/app/features/**' },
  { type: 'shared', pattern: 'src/app/shared/**' },
  { type: 'emulator-testing', pattern: 'emulator/testing/**' },
  { type: 'emulator', pattern: 'emulator/**' },
  // The floor's wire types: one file, plain TypeScript, shared by server/ and the console's floor/.
  { type: 'floor-protocol', pattern: 'server/floor/floor-protocol.ts' },
  { type: 'server', pattern: 'server/**' },
  { type: 'bench', pattern: 'bench/**' },
  { type: 'e2e', pattern: 'e2e/**' },
  // The bad-input corpus (JSON) and the one reader of its recipes: tests only.
  { type: 'test-corpus', pattern: 'test-corpus/**' },
  { type: 'scripts', pattern: 'scripts/**' },
  { type: 'root-config', pattern: '*.{ts,js,mjs,cjs}' },
].map((element) => ({ ...element, mode: 'full' }));

const CORE = ['core', 'model', 'environments'];
const CALLING = ['calling', 'calling-checks', 'calling-backend'];
/** What each layer's own code may import (besides itself). */
const LAYERS = {
  shell: ['bootstrap', 'core-auth', ...CORE, ...CALLING, 'graph', 'floor', 'state', 'features', 'shared'],
  bootstrap: ['shell', 'core-auth', ...CORE],
  environments: [],
  model: [],
  'core-auth': CORE,
  core: ['model', 'environments'],
  'calling-backend': ['calling', 'calling-checks', ...CORE, 'emulator'],
  'calling-checks': [...CORE],
  calling: ['calling-checks', 'calling-backend', ...CORE],
  graph: ['core-auth', ...CORE],
  floor: ['core-auth', ...CORE, 'floor-protocol'],
  state: ['core-auth', ...CORE, ...CALLING, 'graph', 'floor', 'floor-protocol'],
  features: ['state', 'shared', 'calling-checks', ...CORE],
  shared: ['model', 'calling-checks'],
  'emulator-testing': ['emulator'],
  emulator: [],
  'floor-protocol': [],
  server: ['floor-protocol'],
  bench: ['emulator', 'emulator-testing', 'server', 'floor-protocol', 'scripts', 'root-config'],
  e2e: ['emulator', 'emulator-testing', 'server', 'floor-protocol', 'scripts', 'root-config'],
  scripts: [],
  'test-corpus': [],
  'root-config': ['scripts'],
  'app-testing': [
    'core-auth',
    ...CORE,
    ...CALLING,
    'graph',
    'floor',
    'floor-protocol',
    'state',
    'emulator',
    'emulator-testing',
  ],
};
/** What tests (specs and `testing/` folders) may import besides their layer's own list. */
const TEST_EXTRAS = ['app-testing', 'emulator', 'emulator-testing', 'test-corpus'];

const layerRules = (extras) =>
  Object.entries(LAYERS).map(([from, allow]) => ({ from: [from], allow: [from, ...allow, ...extras] }));

const TESTS = [
  '**/*.spec.ts',
  'src/app/**/testing/**/*.ts',
  'emulator/testing/**/*.ts',
  // The guide's samples and Microsoft's StatefulCallClient, run against the in-memory emulator.
  'emulator/conformance/**/*.ts',
  'emulator/interop/**/*.ts',
  'test-corpus/**/*.ts',
];

/** The SDK's values only through calling/ (a dynamic import there); MSAL only in core/auth/. */
const SDK_IMPORTS = {
  name: '@azure/communication-calling',
  message: 'Import SDK types with `import type`; values come from the backend provider.',
  allowTypeImports: true,
};
const MSAL_IMPORTS = {
  group: ['@azure/msal-*'],
  message: 'Only core/auth/ knows the sign-in is MSAL (docs/architecture.md, "The layers").',
};

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      '.angular/**',
      'node_modules/**',
      '**/node_modules/**',
      'playwright-report/**',
      'test-results/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended, ...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'boundaries/include': [
        'src/**/*.ts',
        'emulator/**/*.ts',
        'server/**/*.ts',
        'bench/**/*.ts',
        'e2e/**/*.ts',
        'test-corpus/**/*.ts',
      ],
      'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs', '.cjs'] } },
    },
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'sb', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'sb', style: 'kebab-case' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} may not import ${dependency.type} (docs/architecture.md, "The layers")',
          rules: layerRules([]),
        },
      ],
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [SDK_IMPORTS] }],
    },
  },
  {
    files: TESTS,
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message:
            '${file.type} tests may not import ${dependency.type} (docs/architecture.md, "The layers")',
          rules: layerRules(TEST_EXTRAS),
        },
      ],
    },
  },
  {
    // core/auth/ is where MSAL lives; the shell's own spec checks the providers MSAL is given.
    files: ['src/**/*.ts'],
    ignores: ['src/app/core/auth/**', 'src/app/app.config.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [SDK_IMPORTS], patterns: [MSAL_IMPORTS] },
      ],
    },
  },
  {
    files: ['src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {},
  },
);
