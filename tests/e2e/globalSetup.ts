import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../support/chromium';

export default function globalSetup(): void {
  ensureChromium();
  const index = fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url));
  if (!existsSync(index)) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does it for you).');
  }
}
