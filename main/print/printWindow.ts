// Prints HTML on a printer (badges, the emergency roll call) from the isolated hidden document window
// (hiddenDocumentWindow.ts).
import type { PrintPageRequest, PrintPageSize } from '@shared/bridge/schemas';
import type { PrintOutcome } from '../handlers/printHandlers';
import { withDocumentWindow } from './hiddenDocumentWindow';

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

export function printInHiddenWindow(request: PrintPageRequest): Promise<PrintOutcome> {
  return withDocumentWindow(
    request,
    (win) =>
      // webContents.print reports through a callback, after the dialog closed or the job was spooled.
      new Promise<PrintOutcome>((resolve) => {
        win.webContents.print(printOptions(request), (success, failureReason) => {
          if (success) resolve({ outcome: 'printed' });
          else if (failureReason === 'cancelled') resolve({ outcome: 'cancelled' });
          else resolve({ outcome: 'failed', reason: failureReason });
        });
      }),
  );
}
