// The names of the bridge's methods, without their schemas: what the renderer needs to check that the
// preload's object is complete, or to lay out the browser stand-in, before zod and the schemas have loaded
// (docs/ARCHITECTURE.md, "Loading"). `methods.test.ts` proves it lists exactly the contract's methods.
import type { BridgeDomain, BridgeMethodName } from './contract';

export const BRIDGE_METHOD_NAMES = {
  app: ['info', 'setSipServers', 'setSyncServer'],
  secrets: ['get', 'set', 'delete'],
  files: ['beginExport', 'writeChunk', 'finishExport', 'abortExport'],
  backup: ['status', 'chooseFolder', 'setSchedule', 'begin', 'finish', 'recordFailure', 'list'],
  print: ['toPdf', 'page'],
} as const satisfies { readonly [D in BridgeDomain]: readonly BridgeMethodName<D>[] };

/** Every method of the contract, flat, by name only. */
export function listBridgeMethodNames(): { domain: BridgeDomain; method: string }[] {
  return (Object.keys(BRIDGE_METHOD_NAMES) as BridgeDomain[]).flatMap((domain) =>
    BRIDGE_METHOD_NAMES[domain].map((method) => ({ domain, method })),
  );
}
