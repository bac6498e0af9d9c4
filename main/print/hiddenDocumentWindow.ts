// A throw-away hidden window holding one document to print or turn into a PDF. The HTML is the
// renderer's own template, but it carries visitor-typed text (names, notes), so it is treated as
// untrusted: JavaScript off, sandboxed, no preload, an in-memory session of its own whose every request
// other than the document itself is cancelled, a CSP that allows no network and no frames, and the
// window is destroyed afterwards whatever happens. At most MAX_OPEN_PRINT_WINDOWS exist at once.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session, type Session } from 'electron';
import { escapeHtml } from '@shared/formats/html';

const LOAD_TIMEOUT_MS = 30_000;
const PRINT_PARTITION = 'frontdesk-print'; // no 'persist:' prefix: in memory, shares nothing with the app's session

/**
 * Chromium refuses URLs longer than 2 MiB (url::kMaxURLChars), and a base64 data: URL is 4/3 of the
 * document's UTF-8 bytes: a roll call of ~8,000 Chinese rows is already past it. Bigger documents are
 * loaded from a temp file in a private folder instead.
 */
export const MAX_DATA_URL_BYTES = 2 * 1024 * 1024;

/** Print windows at once (a badge while the roll call prints); more wait their turn, up to a queue limit. */
export const MAX_OPEN_PRINT_WINDOWS = 2;
export const MAX_WAITING_PRINT_JOBS = 8;

/**
 * The document's own policy, first in its <head>: nothing may be fetched (no network, no frames, no
 * forms); inline styles and data: images/fonts only, which is all the templates use (the QR is inline SVG).
 */
export const PRINT_DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-src 'none'; form-action 'none'; base-uri 'none'";

export function printWindowOptions(): Electron.BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false, // a <script> smuggled into a visitor's name never runs
      webviewTag: false,
      partition: PRINT_PARTITION,
    },
  };
}

export function printDocumentHtml(request: { html: string; title?: string }): string {
  const head = request.title ? `<title>${escapeHtml(request.title)}</title>` : '';
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PRINT_DOCUMENT_CSP}">${head}${request.html}`;
}

export function htmlDataUrl(request: { html: string; title?: string }): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(printDocumentHtml(request), 'utf8').toString('base64')}`;
}

// ---- the print session: one request filter for every print window, allowing only their documents ----

/** Document URLs being loaded, with how many windows load each (two identical badges may print at once). */
const allowedDocuments = new Map<string, number>();
const guardedSessions = new WeakSet<Session>();

function guardPrintSession(): void {
  const printSession = session.fromPartition(PRINT_PARTITION);
  if (guardedSessions.has(printSession)) return;
  guardedSessions.add(printSession);
  printSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = allowedDocuments.has(details.url);
    if (!allowed) console.warn(`[print] blocked a request from a print document: ${details.url.slice(0, 100)}`);
    callback({ cancel: !allowed });
  });
  // Anything that does arrive with headers gets the same policy as the document's <meta>.
  printSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [PRINT_DOCUMENT_CSP] } });
  });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

// ---- at most MAX_OPEN_PRINT_WINDOWS at once ----

let openWindows = 0;
const waiting: Array<() => void> = [];

async function acquireSlot(): Promise<void> {
  if (openWindows < MAX_OPEN_PRINT_WINDOWS) {
    openWindows += 1;
    return;
  }
  if (waiting.length >= MAX_WAITING_PRINT_JOBS) {
    throw new Error(`too many print jobs at once (${MAX_OPEN_PRINT_WINDOWS} printing, ${MAX_WAITING_PRINT_JOBS} waiting); try again when they are done`);
  }
  await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over by releaseSlot
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else openWindows -= 1;
}

/** Where the document is loaded from: a data: URL, or a private temp file when that URL would be too long. */
async function documentSource(request: { html: string; title?: string }): Promise<{ url: string; file?: string; cleanUp(): Promise<void> }> {
  const url = htmlDataUrl(request);
  if (url.length <= MAX_DATA_URL_BYTES) return { url, cleanUp: async () => undefined };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'frontdesk-print-')); // mode 0700: this user only
  const file = path.join(dir, 'document.html');
  await fs.writeFile(file, printDocumentHtml(request), { encoding: 'utf8', mode: 0o600, flag: 'wx' });
  return { url: pathToFileURL(file).href, file, cleanUp: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** Loads the document in a fresh hidden window, runs `work` on it, and always destroys the window. */
export async function withDocumentWindow<T>(request: { html: string; title?: string }, work: (win: BrowserWindow) => Promise<T>): Promise<T> {
  await acquireSlot();
  try {
    guardPrintSession();
    const source = await documentSource(request);
    allowedDocuments.set(source.url, (allowedDocuments.get(source.url) ?? 0) + 1);
    const win = new BrowserWindow(printWindowOptions());
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the print page did not load within 30 s')), LOAD_TIMEOUT_MS);
      });
      await Promise.race([source.file ? win.loadFile(source.file) : win.loadURL(source.url), timeout]);
      clearTimeout(timer);
      return await work(win);
    } finally {
      clearTimeout(timer);
      win.destroy();
      const left = (allowedDocuments.get(source.url) ?? 1) - 1;
      if (left > 0) allowedDocuments.set(source.url, left);
      else allowedDocuments.delete(source.url);
      await source.cleanUp().catch(() => undefined);
    }
  } finally {
    releaseSlot();
  }
}
