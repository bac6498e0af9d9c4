// The one place where a bridge call is validated and run. main's IPC handlers and the browser stand-in
// both go through `dispatchBridgeCall`, so malformed input gets the same 'invalid-request' answer on
// every platform, and no handler exception ever escapes as a throw.
import { messageOf } from '@shared/errors/messageOf';
import type { z } from 'zod';
import type { BridgeDomain, BridgeHandlers, FrontDeskBridge, MethodSpec } from './contract';
import { bridgeContract } from './contract';
import type { BridgeResult } from './result';
import { fail } from './result';

/** "key: unknown secret key; bytes: expected a Uint8Array" — which field, and why. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

type UntypedHandler = (request: unknown) => Promise<BridgeResult<unknown>>;

export async function dispatchBridgeCall(
  name: string,
  spec: MethodSpec,
  handler: UntypedHandler,
  payload: unknown,
): Promise<BridgeResult<unknown>> {
  const parsed = spec.request.safeParse(payload);
  if (!parsed.success) {
    return fail('invalid-request', `${name}: ${describeZodError(parsed.error)}`);
  }
  let result: BridgeResult<unknown>;
  try {
    result = await handler(parsed.data);
  } catch (error) {
    return fail('internal', `${name} failed unexpectedly: ${messageOf(error)}`);
  }
  if (result.ok) {
    // A handler answering outside its schema is a bug on our side, not the caller's.
    const checked = spec.response.safeParse(result.value);
    if (!checked.success) {
      return fail('internal', `${name} answered outside its schema: ${describeZodError(checked.error)}`);
    }
  }
  return result;
}

/** Turns a set of handlers into a FrontDeskBridge whose every call is validated (the browser stand-in). */
export function bindBridgeHandlers(handlers: BridgeHandlers): FrontDeskBridge {
  const bridge: Record<string, Record<string, (payload?: unknown) => Promise<BridgeResult<unknown>>>> = {};
  for (const domain of Object.keys(bridgeContract) as BridgeDomain[]) {
    const methods: Record<string, (payload?: unknown) => Promise<BridgeResult<unknown>>> = {};
    const domainHandlers = handlers[domain] as unknown as Record<string, UntypedHandler>;
    for (const [name, spec] of Object.entries(bridgeContract[domain])) {
      const handler = domainHandlers[name];
      if (!handler) throw new Error(`no handler for ${domain}.${name}`);
      methods[name] = (payload?: unknown) =>
        dispatchBridgeCall(`${domain}.${name}`, spec as MethodSpec, handler, payload);
    }
    bridge[domain] = Object.freeze(methods);
  }
  return Object.freeze(bridge) as unknown as FrontDeskBridge;
}
