// Renders HTML to PDF in the isolated hidden document window (hiddenDocumentWindow.ts).
import type { PrintToPdfRequest } from '@shared/bridge/schemas';
import { withDocumentWindow } from './hiddenDocumentWindow';

export { htmlDataUrl, printWindowOptions } from './hiddenDocumentWindow';

export function renderPdfInHiddenWindow(request: PrintToPdfRequest): Promise<Uint8Array> {
  return withDocumentWindow(request, async (win) => {
    const pdf = await win.webContents.printToPDF({
      pageSize: request.pageSize ?? 'A4',
      landscape: request.landscape ?? false,
      printBackground: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  });
}
