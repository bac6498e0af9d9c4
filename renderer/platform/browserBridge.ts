// The browser stand-in for the Electron bridge: what the renderer gets when served over http (the e2e
// tests in Debian's Chromium, `npm run dev`). It implements the same contract and validates with the same
// schemas (through shared/bridge dispatch), but keeps secrets in memory only, saves exports as downloads,
// and cannot print to PDF or reach a printer itself (the features fall back to the browser's print dialog).
import type { BridgeHandlers, FrontDeskBridge } from '@shared/bridge/contract';
import { fail, ok } from '@shared/bridge/result';
import { BACKUP_DEFAULTS } from '@shared/backup/backupSchedule';
import { bindBridgeHandlersLazily } from './lazyBridge';

export interface BrowserBridgeOptions {
  appVersion?: string;
  /** Hands the finished Blob to the user; defaults to an <a download> click. Tests capture it instead. */
  triggerDownload?: (blob: Blob, fileName: string) => void;
}

function downloadWithAnchor(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: some browsers start reading the Blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface PendingDownload {
  fileName: string;
  mimeType: string;
  parts: Uint8Array<ArrayBuffer>[];
  nextSeq: number;
  bytesWritten: number;
}

let exportCounter = 0;

const backupUnsupported = (name: string) => fail('unsupported', `backup.${name} needs the desktop app; the browser build cannot write backups to a folder`);

export function createBrowserBridge(options: BrowserBridgeOptions = {}): FrontDeskBridge {
  const triggerDownload = options.triggerDownload ?? downloadWithAnchor;
  const secrets = new Map<string, string>(); // memory only: a web page has no OS-protected storage
  const exports = new Map<string, PendingDownload>();

  const notFound = (exportId: string) =>
    fail('not-found', `no open export with exportId "${exportId}" (never begun, already finished or aborted)`);

  const handlers: BridgeHandlers = {
    app: {
      async info() {
        return ok({
          appVersion: options.appVersion ?? '0.0.0-browser',
          platform: 'browser' as const,
          // "secure" in the sense that nothing is written in plain text: the value lives only in memory.
          secretStorage: 'memory' as const, // the settings form says so instead of promising the OS keychain
          capabilities: { pdf: false, secureSecrets: true, fileSave: true, print: false },
        });
      },
      // The page's CSP comes from whatever serves it; there is nothing to widen here.
      async setSipServers({ urls }) {
        return ok({ urls: [...urls], reloadRequired: false });
      },
      // Likewise the sync server: the preview's static server allows loopback (tests/lab/staticServer.ts).
      async setSyncServer({ url }) {
        return ok({ url, reloadRequired: false });
      },
    },
    secrets: {
      async get({ key }) {
        return ok({ value: secrets.get(key) ?? null });
      },
      async set({ key, value }) {
        secrets.set(key, value);
        return ok({ stored: true as const });
      },
      async delete({ key }) {
        return ok({ deleted: secrets.delete(key) });
      },
    },
    files: {
      async beginExport({ suggestedName, mimeType }) {
        exportCounter += 1;
        const exportId = `browser-${Date.now().toString(36)}-${exportCounter}`;
        exports.set(exportId, { fileName: suggestedName, mimeType, parts: [], nextSeq: 0, bytesWritten: 0 });
        return ok({ exportId });
      },
      async writeChunk({ exportId, seq, bytes }) {
        const entry = exports.get(exportId);
        if (!entry) return notFound(exportId);
        if (seq !== entry.nextSeq) {
          return fail('invalid-request', `seq ${seq} is out of order for export ${exportId}; expected ${entry.nextSeq}`);
        }
        entry.parts.push(new Uint8Array(bytes)); // a copy: the caller may reuse its buffer
        entry.nextSeq += 1;
        entry.bytesWritten += bytes.byteLength;
        return ok({ bytesWritten: entry.bytesWritten });
      },
      async finishExport({ exportId }) {
        const entry = exports.get(exportId);
        if (!entry) return notFound(exportId);
        exports.delete(exportId);
        triggerDownload(new Blob(entry.parts, { type: entry.mimeType }), entry.fileName);
        return ok({ saved: 'download' as const, fileName: entry.fileName, bytesWritten: entry.bytesWritten });
      },
      async abortExport({ exportId }) {
        if (!exports.delete(exportId)) return notFound(exportId);
        return ok({ aborted: true as const });
      },
    },
    // Scheduled backups need main (a chosen folder, files written, verified and rotated); a web page has none.
    // status() says so, so the Archive screen explains it and the status bar claims nothing.
    backup: {
      async status() {
        return ok({ ...BACKUP_DEFAULTS, supported: false, folder: null, lastSuccessAt: null, lastAttempt: null, due: false, dueAt: null, running: false });
      },
      chooseFolder: async () => backupUnsupported('chooseFolder'),
      setSchedule: async () => backupUnsupported('setSchedule'),
      begin: async () => backupUnsupported('begin'),
      finish: async () => backupUnsupported('finish'),
      recordFailure: async () => backupUnsupported('recordFailure'),
      list: async () => backupUnsupported('list'),
    },
    print: {
      async toPdf() {
        return fail('unsupported', 'print.toPdf needs the desktop app; use the browser print dialog instead');
      },
      // A web page cannot choose a printer or print silently; renderer/platform/printDocument.ts opens
      // the browser's own print dialog on the same HTML instead.
      async page() {
        return fail('unsupported', 'print.page needs the desktop app; use the browser print dialog instead');
      },
    },
  };

  return bindBridgeHandlersLazily(handlers);
}
