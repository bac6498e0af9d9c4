import { defineConfig } from '@playwright/test';

/** Chromium flags the SIP lab needs (see docs/ARCHITECTURE.md, "The SIP lab"). */
export const LAB_CHROMIUM_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: './.results',
  globalSetup: './globalSetup.ts',
  // one shared Kamailio with a single registrar: tests register the same extensions, so run them one at a time
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../.reports/lab.json' }]],
  use: {
    headless: true,
    launchOptions: { executablePath: '/usr/bin/chromium', args: LAB_CHROMIUM_ARGS },
  },
});
