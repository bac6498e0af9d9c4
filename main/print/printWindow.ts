// Prints HTML on a printer from a throw-away hidden window (badges, the emergency roll call). Same
// isolation as the PDF window (pdfWindow.ts): the HTML carries visitor-typed text, so it is loaded as a
// data: URL in a sandboxed window with JavaScript off, and the window is destroyed whatever happens.
import { BrowserWindow } from 'electron';
import type { PrintPageRequest, PrintPageSize } from '@shared/bridge/schemas';
import type { PrintOutcome } from '../handlers/printHandlers';
import { htmlDataUrl, printWindowOptions } from './pdfWindow';

const LOAD_TIMEOUT_MS = 30_000;

/** Electron takes named sizes or microns; ID-1 (85.6 × 54 mm) has no name there. */
export function electronPageSize(size: PrintPageSize | undefined): Electron.WebContentsPrintOptions['pageSize'] {
  if (size === 'ID1') return { width: 85_600, height: 53_980 };
  return size ?? 'A4';
}

export function printOptions(request: PrintPageRequest): Electron.WebContentsPrintOptions {
  return {
    silent: request.silent ?? false,
    printBackground: true,
    landscape: request.landscape ?? false,
    pageSize: electronPageSize(request.pageSize),
    // The documents set their own @page margins (a badge is printed edge to edge).
    margins: { marginType: 'none' },
  };
}

export async function printInHiddenWindow(request: PrintPageRequest): Promise<PrintOutcome> {
  const win = new BrowserWindow(printWindowOptions());
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the print page did not load within 30 s')), LOAD_TIMEOUT_MS);
    });
    await Promise.race([win.loadURL(htmlDataUrl(request)), timeout]);
    if (timer) clearTimeout(timer);
    // webContents.print reports through a callback, after the dialog closed or the job was spooled.
    return await new Promise<PrintOutcome>((resolve) => {
      win.webContents.print(printOptions(request), (success, failureReason) => {
        if (success) resolve({ outcome: 'printed' });
        else if (failureReason === 'cancelled') resolve({ outcome: 'cancelled' });
        else resolve({ outcome: 'failed', reason: failureReason });
      });
    });
  } finally {
    if (timer) clearTimeout(timer);
    win.destroy();
  }
}
