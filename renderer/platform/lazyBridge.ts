// The browser stand-in's handlers behind the bridge's validation, which loads on the first call
// (docs/ARCHITECTURE.md, "Loading"): zod and the contract's schemas are not needed to draw the first screen.
import type { BridgeDomain, BridgeHandlers, FrontDeskBridge } from '@shared/bridge/contract';
import { BRIDGE_METHOD_NAMES } from '@shared/bridge/methods';
import { fail, type BridgeResult } from '@shared/bridge/result';
import { messageOf } from '@shared/errors/messageOf';

type Call = (payload?: unknown) => Promise<BridgeResult<unknown>>;

/**
 * The handlers behind the same validation as main's IPC (shared/bridge/dispatch.ts `bindBridgeHandlers`:
 * the request and the handler's answer are checked against the contract's schemas), which is loaded on the
 * first call rather than with the first screen. Every call waits for it, so nothing reaches a handler or
 * comes back unchecked; a validation module that cannot load answers 'internal' (a call never throws).
 */
export function bindBridgeHandlersLazily(handlers: BridgeHandlers): FrontDeskBridge {
  let bound: Promise<FrontDeskBridge> | undefined;
  const load = () =>
    (bound ??= import('./bridgeValidation').then(
      ({ bindBridgeHandlers }) => bindBridgeHandlers(handlers),
      (error: unknown) => {
        bound = undefined;
        throw error;
      },
    ));
  const bridge: Record<string, Record<string, Call>> = {};
  for (const domain of Object.keys(BRIDGE_METHOD_NAMES) as BridgeDomain[]) {
    const domainHandlers = handlers[domain] as unknown as Record<string, unknown>;
    const methods: Record<string, Call> = {};
    for (const name of BRIDGE_METHOD_NAMES[domain]) {
      if (typeof domainHandlers[name] !== 'function') throw new Error(`no handler for ${domain}.${name}`);
      methods[name] = async (payload?: unknown) => {
        let validated: FrontDeskBridge;
        try {
          validated = await load();
        } catch (error) {
          return fail('internal', `${domain}.${name}: the bridge's validation did not load (${messageOf(error)})`);
        }
        const call = (validated[domain] as unknown as Record<string, Call>)[name]!;
        return call(payload);
      };
    }
    bridge[domain] = Object.freeze(methods);
  }
  return Object.freeze(bridge) as unknown as FrontDeskBridge;
}
