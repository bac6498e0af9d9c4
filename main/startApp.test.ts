// The wiring of main with electron mocked: what happens before 'ready', what after, and that a second
// instance does nothing but quit.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { listBridgeMethods } from '@shared/bridge/contract';

const h = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    gotLock: true,
    ready: undefined as undefined | (() => void),
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    ipcChannels: [] as string[],
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    windows: [] as Array<{ options: Record<string, unknown>; urls: string[] }>,
    userData: '',
    permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  };
  return state;
});

vi.mock('electron', () => {
  const record = (name: string) => (...args: unknown[]) => {
    h.log.push(name);
    return args;
  };
  return {
    app: {
      enableSandbox: record('app.enableSandbox'),
      requestSingleInstanceLock: () => (h.log.push('app.requestSingleInstanceLock'), h.gotLock),
      quit: record('app.quit'),
      on: (name: string, listener: (...args: unknown[]) => void) => h.appListeners.set(name, listener),
      whenReady: () => new Promise<void>((resolve) => (h.ready = resolve)),
      getPath: (name: string) => path.join(h.userData, name),
      getVersion: () => '0.1.0',
      isPackaged: false,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => h.log.push(`protocol.registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        h.log.push(`protocol.handle ${scheme}`);
        h.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => {
          h.log.push('session.setPermissionRequestHandler');
          h.permissionRequest = fn;
        },
        setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
        setDevicePermissionHandler: record('session.setDevicePermissionHandler'),
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        h.ipcChannels.push(channel);
        h.ipcHandlers.set(channel, listener);
      },
      removeHandler: vi.fn(),
    },
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: path.join(h.userData, 'downloads', 'visitors.csv') })) },
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'gnome_libsecret', encryptString: vi.fn(), decryptString: vi.fn() },
    shell: { openExternal: vi.fn() },
    Menu: { setApplicationMenu: record('Menu.setApplicationMenu'), buildFromTemplate: (t: unknown) => t },
    BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: Record<string, unknown>) {
      const entry = { options, urls: [] as string[] };
      h.windows.push(entry);
      Object.assign(this, {
        once: vi.fn(),
        on: vi.fn(),
        loadURL: async (url: string) => void entry.urls.push(url),
        isDestroyed: () => false,
      });
    }),
  };
});

const { startApp } = await import('./startApp');

afterAll(() => fs.rm(h.userData, { recursive: true, force: true }));

beforeEach(async () => {
  h.log.length = 0;
  h.ipcChannels.length = 0;
  h.ipcHandlers.clear();
  h.windows.length = 0;
  h.appListeners.clear();
  h.protocolHandlers.clear();
  h.ready = undefined;
  h.gotLock = true;
  if (!h.userData) {
    h.userData = await fs.mkdtemp(path.join(os.tmpdir(), 'fd-start-'));
    options.rendererDir = path.join(h.userData, 'renderer');
    await fs.mkdir(options.rendererDir);
    await fs.writeFile(path.join(options.rendererDir, 'index.html'), '<!doctype html>');
  }
});

const options = { rendererDir: '', preloadPath: '/dist/preload/preload.cjs', env: { FRONTDESK_SIP_WS: 'ws://127.0.0.1:8080' } };

async function becomeReady() {
  h.ready?.();
  await vi.waitFor(() => expect(h.windows.length).toBe(1));
}

describe('startApp', () => {
  it('enables the sandbox and registers app:// as privileged before ready (checklist #4, #18)', () => {
    startApp(options);
    expect(h.log[0]).toBe('app.enableSandbox');
    expect(h.log[1]).toBe('protocol.registerSchemesAsPrivileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]');
    expect(h.log).toContain('app.requestSingleInstanceLock');
    expect(h.windows).toHaveLength(0);
    expect(h.ipcChannels).toHaveLength(0);
  });

  it('guards every webContents the app creates (checklist #13, #14)', () => {
    startApp(options);
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    h.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.on.mock.calls.map((c) => c[0])).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    );
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('hands the navigation guard the allow-listed openExternal, never raw shell.openExternal (checklist #15)', async () => {
    const { shell } = await import('electron');
    vi.mocked(shell.openExternal).mockClear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startApp(options);
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    h.appListeners.get('web-contents-created')?.({}, contents);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => { action: string };
    // Links the guard passes on (http/https/mailto) but the allow-list refuses: plain http, credentials.
    for (const url of ['http://evil.example/', 'https://user:pass@evil.example/']) {
      expect(openHandler({ url })).toEqual({ action: 'deny' });
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(openHandler({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/help'));
  });

  it('after ready: serves app://, installs permission handlers, registers the bridge, opens the secure window', async () => {
    startApp(options);
    await becomeReady();
    expect(h.log).toContain('protocol.handle app');
    expect(h.log).toContain('session.setPermissionRequestHandler');
    expect(h.log).toContain('session.setPermissionCheckHandler');
    expect(h.ipcChannels).toHaveLength(listBridgeMethods().length);
    expect(h.ipcChannels.every((channel) => channel.startsWith('fd:'))).toBe(true);
    const [win] = h.windows;
    expect(win?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: options.preloadPath });
    await vi.waitFor(() => expect(win?.urls).toEqual(['app://frontdesk/index.html']));
    // The CSP includes the lab's SIP server from FRONTDESK_SIP_WS.
    const response = await h.protocolHandlers.get('app')!(new Request('app://frontdesk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' ws://127.0.0.1:8080;");
  });

  it('connect-src carries exactly the sync server saved through app.setSyncServer, from the next response on', async () => {
    startApp(options);
    await becomeReady();
    const serve = h.protocolHandlers.get('app')!;
    const connectSrc = async () => {
      const header = (await serve(new Request('app://frontdesk/index.html'))).headers.get('content-security-policy') ?? '';
      return header.split('; ').find((directive) => directive.startsWith('connect-src')) ?? '';
    };
    const setSyncServer = h.ipcHandlers.get('fd:app.setSyncServer')!;
    const sender = { senderFrame: { url: 'app://frontdesk/index.html' } };
    expect(await setSyncServer(sender, { url: 'https://couch.example.com:6984/' })).toMatchObject({ ok: true });
    expect(await connectSrc()).toBe("connect-src 'self' ws://127.0.0.1:8080 https://couch.example.com:6984");
    // Plain http:// to another machine is refused and the policy keeps the server it had.
    expect(await setSyncServer(sender, { url: 'http://couch.example.com' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await connectSrc()).toBe("connect-src 'self' ws://127.0.0.1:8080 https://couch.example.com:6984");
    expect(await setSyncServer(sender, { url: 'http://127.0.0.1:5984' })).toMatchObject({ ok: true });
    expect(await connectSrc()).toBe("connect-src 'self' ws://127.0.0.1:8080 http://127.0.0.1:5984");
    expect(await setSyncServer(sender, { url: null })).toMatchObject({ ok: true });
    expect(await connectSrc()).toBe("connect-src 'self' ws://127.0.0.1:8080");
  });

  it('a second instance quits and sets nothing up', async () => {
    h.gotLock = false;
    startApp(options);
    expect(h.log).toContain('app.quit');
    expect(h.ready).toBeUndefined(); // never waited for ready
    expect(h.appListeners.size).toBe(0);
  });

  it('quit waits for the export clean-up: no .part file survives, and quitting again is not blocked', async () => {
    startApp(options);
    await becomeReady();
    const downloads = path.join(h.userData, 'downloads');
    await fs.mkdir(downloads, { recursive: true });
    const fromApp = { senderFrame: { url: 'app://frontdesk/index.html' } };
    const begun = (await h.ipcHandlers.get('fd:files.beginExport')!(fromApp, { suggestedName: 'visitors.csv', mimeType: 'text/csv' })) as { ok: boolean };
    expect(begun.ok).toBe(true);
    expect((await fs.readdir(downloads)).filter((f) => f.endsWith('.part'))).toHaveLength(1);
    const willQuit = h.appListeners.get('will-quit');
    expect(willQuit, 'a will-quit clean-up is registered').toBeDefined();
    const event = { preventDefault: vi.fn() };
    h.log.length = 0;
    willQuit!(event);
    // The quit is held until the partial file is gone, then asked for again.
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(h.log).toContain('app.quit'));
    expect((await fs.readdir(downloads)).filter((f) => f.endsWith('.part'))).toEqual([]);
    const second = { preventDefault: vi.fn() };
    willQuit!(second);
    expect(second.preventDefault).not.toHaveBeenCalled(); // no loop: the second will-quit goes through
  });
});
