// Smoke test of the packaged shape of the app: the built main and preload in a real Electron. It checks
// what unit tests with a mocked electron cannot: that the page really loads from app://frontdesk, that the
// preload's bridge is there and Node is not, and that main answers over real IPC.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from './electronBinary';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainEntry = path.join(appRoot, 'dist/main/index.cjs');

test('the built app starts hardened: app:// page, bridge only, no Node in the page', async () => {
  const executablePath = findElectronBinary();
  if (!executablePath) {
    console.log(NO_ELECTRON_MESSAGE);
    test.skip(true, NO_ELECTRON_MESSAGE);
    return;
  }
  expect(existsSync(mainEntry), `${mainEntry} missing: run npm run build first`).toBe(true);

  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'fd-electron-smoke-'));
  const args = [appRoot, `--user-data-dir=${userDataDir}`];
  // Chromium refuses to run its sandbox as root (CI containers); the page-level checks below still hold.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await electron.launch({ executablePath, args, env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    await test.step('the window shows app://frontdesk', async () => {
      expect(page.url()).toBe('app://frontdesk/index.html');
      expect(await page.title()).not.toBe('');
    });

    await test.step('window.frontdesk has the named methods and nothing generic; no Node globals', async () => {
      const seen = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        const bridge = (w.frontdesk ?? {}) as Record<string, Record<string, unknown>>;
        return {
          methods: Object.entries(bridge).flatMap(([domain, group]) =>
            Object.entries(group).map(([name, fn]) => `${domain}.${name}:${typeof fn}`),
          ),
          ipcRenderer: typeof w.ipcRenderer,
          require: typeof w.require,
          process: typeof w.process,
          module: typeof w.module,
          electron: typeof w.electron,
        };
      });
      expect(seen.methods.sort()).toEqual([
        'app.info:function',
        'app.setSipServers:function',
        'app.setSyncServer:function',
        'files.abortExport:function',
        'files.beginExport:function',
        'files.finishExport:function',
        'files.writeChunk:function',
        'print.page:function',
        'print.toPdf:function',
        'secrets.delete:function',
        'secrets.get:function',
        'secrets.set:function',
      ]);
      expect(seen).toMatchObject({ ipcRenderer: 'undefined', require: 'undefined', process: 'undefined', module: 'undefined', electron: 'undefined' });
    });

    await test.step('app.info answers over real IPC; a malformed call answers invalid-request', async () => {
      const answers = await page.evaluate(async () => {
        type Loose = Record<string, Record<string, (payload?: unknown) => Promise<unknown>>>;
        const bridge = (window as unknown as { frontdesk: Loose }).frontdesk;
        return {
          info: await bridge.app!.info!(),
          bad: await bridge.secrets!.get!({ key: 'not-a-key' }),
        };
      });
      expect(answers.info).toMatchObject({ ok: true, value: { platform: 'electron', capabilities: { pdf: true, fileSave: true } } });
      expect(answers.bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    });

    await test.step('the CSP forbids eval and the main window is sandboxed', async () => {
      const evalBlocked = await page.evaluate(() => {
        try {
          (0, eval)('1');
          return false;
        } catch {
          return true;
        }
      });
      expect(evalBlocked).toBe(true);
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const win = BrowserWindow.getAllWindows()[0];
        // getLastWebPreferences is Electron's; Playwright's bundled typings of WebContents omit it.
        const contents = win?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> } | undefined;
        return contents?.getLastWebPreferences() ?? null;
      });
      expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
    });
  } finally {
    await app.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
