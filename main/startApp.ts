// Wires the main process together. Order matters and is tested (startApp.test.ts): the sandbox and the
// privileged scheme must be set up before 'ready', and nothing is registered if another instance runs.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { APP_SCHEME } from '@shared/bridge/channels';
import type { BridgeHandlers } from '@shared/bridge/contract';
import { createSipServerConfig } from './config/sipServerConfig';
import { createAppHandlers } from './handlers/appHandlers';
import { createBackupHandlers } from './handlers/backupHandlers';
import { createExportHandlers } from './handlers/exportHandlers';
import { createPrintHandlers } from './handlers/printHandlers';
import { createSecretHandlers } from './handlers/secretHandlers';
import { registerBridgeHandlers } from './ipc/registerBridge';
import { renderPdfInHiddenWindow } from './print/pdfWindow';
import { printInHiddenWindow } from './print/printWindow';
import { appSchemePrivileges, createAppProtocolHandler } from './security/appProtocol';
import { buildContentSecurityPolicy } from './security/contentSecurityPolicy';
import { applyNavigationGuards } from './security/navigationGuards';
import { openExternalSafely } from './security/openExternal';
import { applyPermissionHandlers } from './security/permissions';
import { acquireSingleInstanceLock } from './security/singleInstance';
import { applyApplicationMenu } from './window/applicationMenu';
import { createMainWindow, focusWindow } from './window/mainWindow';

export interface StartOptions {
  /** dist/renderer: the built renderer served at app://frontdesk/. */
  rendererDir: string;
  /** dist/preload/preload.cjs. */
  preloadPath: string;
  env: Record<string, string | undefined>;
}

export function startApp(options: StartOptions): void {
  // Checklist #4: sandbox every renderer, including any we forget to configure.
  app.enableSandbox();
  // Checklist #18: app:// instead of file://; privileges can only be granted before 'ready'.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

  let mainWindow: BrowserWindow | null = null;
  if (!acquireSingleInstanceLock(app, () => focusWindow(mainWindow))) return;

  // Checklist #13/#14: guard every webContents, not just the ones we remember to.
  app.on('web-contents-created', (_event, contents) => {
    applyNavigationGuards(contents, { openExternal: openExternalSafely });
  });

  const openExports = { abortAll: async () => undefined } as { abortAll(): Promise<void> };
  app.on('window-all-closed', () => app.quit());
  // Partial export files (.part) must not outlive the app. will-quit does not wait for a promise, so the
  // first one is held (preventDefault) until the clean-up has finished and then the quit is asked for
  // again; that second will-quit goes through (a failed clean-up must not make the app unquittable).
  let exportCleanup: 'pending' | 'running' | 'done' = 'pending';
  app.on('will-quit', (event) => {
    if (exportCleanup === 'done') return;
    event.preventDefault();
    if (exportCleanup === 'running') return;
    exportCleanup = 'running';
    void openExports
      .abortAll()
      .catch((error: unknown) => console.warn(`[exports] clean-up on quit failed: ${String(error)}`))
      .finally(() => {
        exportCleanup = 'done';
        app.quit();
      });
  });

  void app.whenReady().then(async () => {
    const userDataDir = app.getPath('userData');
    const sipConfig = createSipServerConfig({ userDataDir, env: options.env.FRONTDESK_SIP_WS });
    await sipConfig.load();

    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        rootDir: options.rendererDir,
        // Each response carries the servers as stored now: a sync server saved in Settings → Sync applies
        // from the next page load on (app.setSyncServer answers reloadRequired).
        contentSecurityPolicy: () => {
          const syncServer = sipConfig.syncServer();
          return buildContentSecurityPolicy(sipConfig.effectiveServers(), { syncServerUrls: syncServer ? [syncServer] : [] });
        },
      }),
    );
    applyPermissionHandlers(session.defaultSession);

    const secrets = createSecretHandlers({ userDataDir, safeStorage, platform: process.platform });
    const files = createExportHandlers({
      defaultDirectory: app.getPath('downloads'),
      showSaveDialog: (dialogOptions) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, dialogOptions) : dialog.showSaveDialog(dialogOptions),
    });
    openExports.abortAll = files.abortAll;
    const handlers: BridgeHandlers = {
      app: createAppHandlers({
        appVersion: app.getVersion(),
        versions: { electron: process.versions.electron, chrome: process.versions.chrome },
        secretsAvailable: secrets.isAvailable,
        pdfAvailable: true,
        printAvailable: true,
        sipConfig,
      }),
      secrets,
      files,
      // Scheduled backups: the renderer streams the bundle through files.writeChunk into a file main opens
      // in the chosen folder; main verifies, rotates and records it (main/handlers/backupHandlers.ts).
      backup: createBackupHandlers({
        userDataDir,
        exports: files,
        showOpenDialog: (dialogOptions) =>
          mainWindow ? dialog.showOpenDialog(mainWindow, dialogOptions) : dialog.showOpenDialog(dialogOptions),
      }),
      print: createPrintHandlers({ renderPdf: renderPdfInHiddenWindow, printPage: printInHiddenWindow }),
    };
    registerBridgeHandlers(ipcMain, handlers);

    applyApplicationMenu(process.platform);
    mainWindow = createMainWindow(options.preloadPath);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
