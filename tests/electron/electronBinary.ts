// Where is an Electron executable, without side effects? `require('electron')` is not safe to call
// here: when node_modules/electron has no binary it tries to *download* one. So the same lookup is
// done by hand: ELECTRON_OVERRIDE_DIST_PATH first, then node_modules/electron/path.txt → dist/<path>.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const EXECUTABLE_NAMES = ['electron', 'electron.exe', 'Electron.app/Contents/MacOS/Electron'];

export const NO_ELECTRON_MESSAGE = 'skipped: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH)';

export function findElectronBinary(env: Record<string, string | undefined> = process.env): string | null {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    for (const name of EXECUTABLE_NAMES) {
      const candidate = path.join(override, name);
      if (existsSync(candidate)) return candidate;
    }
    return null;
  }
  try {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const candidate = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}
