import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { ensureChromium } from '../support/chromium';
import { buildAgentPage } from '../lab/agent/build';
import { AGENT_DIST_DIR } from './labPaths';

export default async function globalSetup(): Promise<void> {
  ensureChromium();
  const dist = process.env.E2E_DIST ? resolve(dirname(fileURLToPath(import.meta.url)), process.env.E2E_DIST) : fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does it for you).');
  }
  // The switchboard tests' callers and extensions are sip.js agents on their own page.
  await buildAgentPage({ outDir: AGENT_DIST_DIR });
}
