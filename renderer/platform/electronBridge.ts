// The bridge in the desktop app: the object the preload exposed as window.frontdesk (main/preload).
// It already speaks the contract; this only checks it is there and complete, so a preload/renderer
// version mismatch fails loudly at start instead of as "undefined is not a function" mid-shift.
import type { FrontDeskBridge } from '@shared/bridge/contract';
import { listBridgeMethodNames } from '@shared/bridge/methods';

export function isFrontDeskBridge(candidate: unknown): candidate is FrontDeskBridge {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const domains = candidate as Record<string, Record<string, unknown> | undefined>;
  return listBridgeMethodNames().every(({ domain, method }) => typeof domains[domain]?.[method] === 'function');
}

export function createElectronBridge(exposed: unknown): FrontDeskBridge {
  if (!isFrontDeskBridge(exposed)) {
    const missing = listBridgeMethodNames()
      .filter(({ domain, method }) => typeof (exposed as Record<string, Record<string, unknown>> | undefined)?.[domain]?.[method] !== 'function')
      .map(({ domain, method }) => `${domain}.${method}`);
    throw new Error(`window.frontdesk is incomplete (preload out of date?): missing ${missing.join(', ')}`);
  }
  return exposed;
}
