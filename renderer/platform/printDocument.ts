// Prints one self-contained HTML document (inline CSS and SVG, no scripts): a visitor badge, the
// emergency roll call. In the desktop app it goes through the bridge (print.page: a hidden window and
// the system print dialog, or silently to the default printer). The browser build cannot reach a
// printer itself, so it prints the very same HTML from a hidden iframe with the browser's print dialog.
import { messageOf } from '@shared/errors/messageOf';
import type { FrontDeskBridge } from '@shared/bridge/contract';
import type { BridgeError } from '@shared/bridge/result';
import type { PrintPageRequest } from '@shared/bridge/schemas';

export type PrintOutcome =
  | { status: 'printed'; via: 'bridge' | 'browser' }
  | { status: 'cancelled' }
  | { status: 'failed'; error: BridgeError };

/**
 * The browser fallback. The frame is sandboxed without scripts (visitor-typed text in the document can
 * never run), same-origin so this page may call its print(), and allowed modals so print() is not ignored.
 * A browser does not say whether the person then printed or cancelled; the dialog returning counts as printed.
 */
export async function printHtmlInBrowser(html: string, title?: string): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  if (title) frame.title = title;
  // Off screen but laid out: a display:none frame has no layout to print.
  Object.assign(frame.style, { position: 'fixed', left: '-10000px', top: '0', width: '210mm', height: '297mm', border: '0' });
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  document.body.appendChild(frame);
  try {
    await loaded;
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
  } finally {
    frame.remove();
  }
}

export async function printDocument(bridge: FrontDeskBridge, request: PrintPageRequest): Promise<PrintOutcome> {
  const result = await bridge.print.page(request);
  if (result.ok) return { status: 'printed', via: 'bridge' };
  if (result.error.code === 'cancelled') return { status: 'cancelled' };
  if (result.error.code !== 'unsupported') return { status: 'failed', error: result.error };
  try {
    await printHtmlInBrowser(request.html, request.title);
    return { status: 'printed', via: 'browser' };
  } catch (error) {
    return { status: 'failed', error: { code: 'internal', message: messageOf(error) } };
  }
}
