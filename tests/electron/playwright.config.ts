// Electron smoke test: launches the built app (dist/main/index.cjs) with Playwright's _electron where an
// Electron binary exists, and reports SKIPPED (never passed) where none does. Run after `npm run build`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../.reports/electron.json' }]],
  outputDir: '../../test-results/electron',
});
