import { defineConfig } from '@playwright/test';
import e2e from '../../playwright.config';

// `npm run screenshots`: the README's pictures, taken on purpose when the UI changes (they write
// into docs/, so they are never part of `npm test`). Same servers, browser and ports as e2e.
export default defineConfig({
  ...e2e,
  testDir: '.',
  testMatch: '*.screenshot.ts',
  testIgnore: [],
  outputDir: '../../test-results/screenshots',
});
