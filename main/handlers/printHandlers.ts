// print.*: weekly phone-record volumes, badges and roll calls as PDF (REQUIREMENTS §4 "装订成册").
// The rendering itself is injected (main/print/pdfWindow.ts in the app, a fake in tests).
import type { BridgeHandlers } from '@shared/bridge/contract';
import { fail, ok } from '@shared/bridge/result';
import type { PrintToPdfRequest } from '@shared/bridge/schemas';

export type RenderPdf = (request: PrintToPdfRequest) => Promise<Uint8Array>;

export function createPrintHandlers(deps: { renderPdf?: RenderPdf }): BridgeHandlers['print'] {
  return {
    async toPdf(request) {
      if (!deps.renderPdf) return fail('unsupported', 'print.toPdf is not available in this build');
      const bytes = await deps.renderPdf(request);
      // A plain Uint8Array view: it crosses IPC as Uint8Array either way, and the schema expects one.
      return ok({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    },
  };
}
