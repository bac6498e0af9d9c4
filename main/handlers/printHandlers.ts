// print.*: weekly phone-record volumes as PDF (REQUIREMENTS §4 "装订成册"), and visitor badges and the
// emergency roll call straight to a printer (§1). The rendering itself is injected (main/print/ in the
// app, fakes in tests), so this file only maps outcomes to bridge results.
import type { BridgeHandlers } from '@shared/bridge/contract';
import { fail, ok } from '@shared/bridge/result';
import type { PrintPageRequest, PrintToPdfRequest } from '@shared/bridge/schemas';

export type RenderPdf = (request: PrintToPdfRequest) => Promise<Uint8Array>;

/** What the printer (or the person at the system print dialog) did with the page. */
export type PrintOutcome = { outcome: 'printed' } | { outcome: 'cancelled' } | { outcome: 'failed'; reason: string };
export type PrintPage = (request: PrintPageRequest) => Promise<PrintOutcome>;

export function createPrintHandlers(deps: { renderPdf?: RenderPdf; printPage?: PrintPage }): BridgeHandlers['print'] {
  return {
    async toPdf(request) {
      if (!deps.renderPdf) return fail('unsupported', 'print.toPdf is not available in this build');
      const bytes = await deps.renderPdf(request);
      // A plain Uint8Array view: it crosses IPC as Uint8Array either way, and the schema expects one.
      return ok({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    },
    async page(request) {
      if (!deps.printPage) return fail('unsupported', 'print.page is not available in this build');
      const result = await deps.printPage(request);
      // The renderer counts a badge as printed only on 'printed': a cancelled dialog must not count as a
      // print, or the next print would warn about a reprint that never happened.
      if (result.outcome === 'printed') return ok({ printed: true as const });
      if (result.outcome === 'cancelled') return fail('cancelled', 'print.page: the print dialog was cancelled');
      return fail('io-error', `print.page: the printer reported: ${result.reason || 'unknown failure'}`);
    },
  };
}
