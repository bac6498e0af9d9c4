// Renders HTML to PDF in a throw-away hidden window. The HTML is the renderer's own template, but it
// carries visitor-typed text (names, notes), so it is treated as untrusted: a data: URL (an opaque origin
// that cannot reach the app's storage or bridge), JavaScript off, sandboxed, no preload, an in-memory
// session, and the window is destroyed afterwards whatever happens.
import { BrowserWindow } from 'electron';
import type { PrintToPdfRequest } from '@shared/bridge/schemas';

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

export function htmlDataUrl(request: Pick<PrintToPdfRequest, 'html' | 'title'>): string {
  const head = request.title ? `<title>${escapeHtml(request.title)}</title>` : '';
  const document = `<!doctype html><meta charset="utf-8">${head}${request.html}`;
  return `data:text/html;charset=utf-8;base64,${Buffer.from(document, 'utf8').toString('base64')}`;
}

export async function renderPdfInHiddenWindow(request: PrintToPdfRequest): Promise<Uint8Array> {
  const win = new BrowserWindow(printWindowOptions());
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the print page did not load within 30 s')), LOAD_TIMEOUT_MS);
    });
    await Promise.race([win.loadURL(htmlDataUrl(request)), timeout]);
    const pdf = await win.webContents.printToPDF({
      pageSize: request.pageSize ?? 'A4',
      landscape: request.landscape ?? false,
      printBackground: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    if (timer) clearTimeout(timer);
    win.destroy();
  }
}
