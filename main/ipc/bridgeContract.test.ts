// The shared bridge contract suite against the Electron implementation: the real preload (exposed through
// a mocked contextBridge) calling the real main handlers, registered with registerBridgeHandlers, through
// a mocked ipcRenderer.invoke → ipcMain.handle hop that structured-clones like Electron's IPC does.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import type { FrontDeskBridge } from '@shared/bridge/contract';
import { defineBridgeContractSuite } from '@shared/bridge/contractSuite';
import type { FinishedExport } from '@shared/bridge/schemas';
import { createAppHandlers } from '../handlers/appHandlers';
import { createBackupHandlers } from '../handlers/backupHandlers';
import { createExportHandlers } from '../handlers/exportHandlers';
import { createPrintHandlers } from '../handlers/printHandlers';
import { createSecretHandlers } from '../handlers/secretHandlers';
import { createSipServerConfig } from '../config/sipServerConfig';
import { createFrontDeskApi } from '../preload/frontdeskApi';
import { createFakeSafeStorage } from '../test/fakeSafeStorage';
import type { IpcMainLike } from './registerBridge';
import { registerBridgeHandlers } from './registerBridge';
import type { IpcSenderEvent } from '../security/ipcSender';

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>;

const ipc = vi.hoisted(() => ({
  handlers: new Map<string, (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>>(),
  exposed: new Map<string, unknown>(),
}));

async function routeInvoke(senderUrl: string, channel: string, args: unknown[]): Promise<unknown> {
  const listener = ipc.handlers.get(channel);
  if (!listener) throw new Error(`No handler registered for '${channel}'`);
  // Electron's IPC structured-clones both ways: a payload that cannot be cloned rejects here, as in Electron.
  const result = await listener({ senderFrame: { url: senderUrl } }, ...structuredClone(args));
  return structuredClone(result);
}

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => ipc.exposed.set(key, api) },
  ipcRenderer: { invoke: (channel: string, ...args: unknown[]) => routeInvoke('app://frontdesk/index.html', channel, args) },
}));

// The real preload module: it calls contextBridge.exposeInMainWorld('frontdesk', …) on import.
await import('../preload/preload');
const exposedBridge = ipc.exposed.get('frontdesk') as FrontDeskBridge;

const roots: string[] = [];
beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined); // the refusals log by design
});
afterAll(async () => {
  await Promise.all(roots.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function makeElectronFixture() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'fd-contract-'));
  roots.push(root);
  const userDataDir = path.join(root, 'userData');
  const exportDir = path.join(root, 'exports');
  await fs.mkdir(exportDir, { recursive: true });
  const backupDir = path.join(root, 'backups');
  await fs.mkdir(backupDir, { recursive: true });

  const secrets = createSecretHandlers({ userDataDir, safeStorage: createFakeSafeStorage(), platform: 'linux' });
  const files = createExportHandlers({
    defaultDirectory: exportDir,
    showSaveDialog: async ({ defaultPath }) => ({ canceled: false, filePath: defaultPath }),
  });
  ipc.handlers.clear();
  const ipcMain: IpcMainLike = {
    handle(channel: string, listener: Listener) {
      // Electron throws on a second handler for one channel; so does this fake.
      if (ipc.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipc.handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => void ipc.handlers.delete(channel),
  };
  registerBridgeHandlers(ipcMain, {
    app: createAppHandlers({
      appVersion: '0.1.0',
      versions: { electron: '45.4.1', chrome: '142.0.0.0' },
      secretsAvailable: secrets.isAvailable,
      pdfAvailable: true,
      printAvailable: true,
      sipConfig: createSipServerConfig({ userDataDir }),
    }),
    secrets,
    files,
    backup: createBackupHandlers({
      userDataDir,
      exports: files,
      showOpenDialog: async () => ({ canceled: false, filePaths: [backupDir] }),
    }),
    print: createPrintHandlers({
      renderPdf: async () => new TextEncoder().encode('%PDF-1.7\n%fake\n'),
      printPage: async () => ({ outcome: 'printed' }),
    }),
  });

  // A frame of some other origin that somehow got the same API (e.g. navigated away).
  const untrusted = createFrontDeskApi((channel, ...args) => routeInvoke('https://evil.example/', channel, args));

  return {
    bridge: exposedBridge,
    untrusted,
    readFinishedExport: async (finished: FinishedExport) => {
      if (finished.saved !== 'file') throw new Error(`expected a file, got ${JSON.stringify(finished)}`);
      return new Uint8Array(await fs.readFile(finished.path));
    },
    listBackupFolder: async () => (await fs.readdir(backupDir)).sort(),
    listExportLeftovers: async () => (await fs.readdir(exportDir)).filter((name) => name.endsWith('.part')),
    dispose: () => files.abortAll(),
  };
}

defineBridgeContractSuite('electron (real preload + real main handlers, mocked electron)', makeElectronFixture, { describe, it });
