// The bridge as the renderer uses it: `getBridge().secrets.get({ key: 'sip.password' })`.
// In the desktop app the preload has put it on window.frontdesk; anywhere else (tests, dev server)
// the browser stand-in answers instead.
import type { FrontDeskBridge } from '@shared/bridge/contract';
import { createBrowserBridge } from './browserBridge';
import { createElectronBridge } from './electronBridge';

declare global {
  interface Window {
    /** Exposed by main/preload in the desktop app; absent in a plain browser. */
    readonly frontdesk?: FrontDeskBridge;
  }
}

let bridge: FrontDeskBridge | undefined;

export function getBridge(): FrontDeskBridge {
  bridge ??= window.frontdesk !== undefined ? createElectronBridge(window.frontdesk) : createBrowserBridge();
  return bridge;
}

/** Tests only: forget the cached bridge (or install a fake one). */
export function resetBridgeForTests(replacement?: FrontDeskBridge): void {
  bridge = replacement;
}

export { createBrowserBridge } from './browserBridge';
export type { BrowserBridgeOptions } from './browserBridge';
export { createElectronBridge, isFrontDeskBridge } from './electronBridge';
export { saveExportStream } from './saveExportStream';
export type { SaveExportOptions, SaveExportOutcome } from './saveExportStream';
export type { FrontDeskBridge } from '@shared/bridge/contract';
export type { BridgeError, BridgeErrorCode, BridgeResult } from '@shared/bridge/result';
export type { AppInfo, FinishedExport, SecretKey } from '@shared/bridge/schemas';
export { printDocument, printHtmlInBrowser } from './printDocument';
export type { PrintOutcome } from './printDocument';
