// A throw-away hidden window holding one document to print or turn into a PDF. The HTML is the
// renderer's own template, but it carries visitor-typed text (names, notes), so it is treated as
// untrusted: a data: URL (an opaque origin that cannot reach the app's storage or bridge), JavaScript
// off, sandboxed, no preload, an in-memory session, and the window is destroyed afterwards whatever happens.
import { BrowserWindow } from 'electron';

const LOAD_TIMEOUT_MS = 30_000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function printWindowOptions(): Electron.BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false, // a <script> smuggled into a visitor's name never runs
      webviewTag: false,
      partition: 'frontdesk-print', // no 'persist:' prefix: in memory, shares nothing with the app's session
    },
  };
}

export function htmlDataUrl(request: { html: string; title?: string }): string {
  const head = request.title ? `<title>${escapeHtml(request.title)}</title>` : '';
  const document = `<!doctype html><meta charset="utf-8">${head}${request.html}`;
  return `data:text/html;charset=utf-8;base64,${Buffer.from(document, 'utf8').toString('base64')}`;
}

/** Loads the document in a fresh hidden window, runs `work` on it, and always destroys the window. */
export async function withDocumentWindow<T>(request: { html: string; title?: string }, work: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow(printWindowOptions());
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the print page did not load within 30 s')), LOAD_TIMEOUT_MS);
    });
    await Promise.race([win.loadURL(htmlDataUrl(request)), timeout]);
    clearTimeout(timer);
    return await work(win);
  } finally {
    clearTimeout(timer);
    win.destroy();
  }
}
