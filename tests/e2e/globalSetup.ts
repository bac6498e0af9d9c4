import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { ensureChromium } from '../support/chromium';
import { buildAgentPage } from '../lab/agent/build';
import { startStaticServer } from '../lab/staticServer';
import { buildContentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';
import { AGENT_DIST_DIR, e2ePort } from './e2eEnvironment';

/** Serves the built renderer on 127.0.0.1:E2E_PORT for the whole run; the returned function stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  ensureChromium();
  const dist = process.env.E2E_DIST ? resolve(dirname(fileURLToPath(import.meta.url)), process.env.E2E_DIST) : fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does it for you).');
  }
  // The switchboard tests' callers and extensions are sip.js agents on their own page.
  await buildAgentPage({ outDir: AGENT_DIST_DIR });
  // The browser build gets the Electron app's own CSP. Its PBX is the lab's Kamailio, on loopback at a
  // port each worker's OS picks, which the page cannot add to its own policy: hence ws:// to loopback.
  const contentSecurityPolicy = buildContentSecurityPolicy([], { allowLoopbackLab: true });
  const server = await startStaticServer({ root: dist, port: e2ePort(), contentSecurityPolicy });
  return () => server.close();
}
