// Benchmarks run in the same real setting as the e2e tests (built renderer, Debian Chromium, Kamailio)
// and print figures. They assert nothing about timing (README: speed targets are measured, not tested).
import { defineConfig } from '@playwright/test';
import base from '../e2e/playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.bench.ts',
  workers: 1,
  timeout: 10 * 60_000,
  reporter: [['list'], ['json', { outputFile: '../.reports/bench.json' }]],
  outputDir: '../../test-results/bench',
  globalSetup: '../e2e/globalSetup.ts',
  // No trace: Playwright's trace recorder snapshots the page's DOM at every action and poll, work that
  // showed up inside the measured windows (a CPU profile of the ringing bench); benchmarks measure the console.
  use: { ...base.use, trace: 'off' },
});
