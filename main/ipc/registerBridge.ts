// Registers one ipcMain.handle per contract method (no generic channel). Each call is checked in order:
// sender frame (checklist #17), payload schema, then the handler; every outcome is a result object, so a
// malformed or hostile call can neither crash main nor get an exception back in place of an answer.
import type { BridgeHandlers } from '@shared/bridge/contract';
import { listBridgeMethods } from '@shared/bridge/contract';
import { dispatchBridgeCall } from '@shared/bridge/dispatch';
import type { BridgeResult } from '@shared/bridge/result';
import { fail } from '@shared/bridge/result';
import type { IpcSenderEvent } from '../security/ipcSender';
import { isAppSender } from '../security/ipcSender';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function registerBridgeHandlers(
  ipcMain: IpcMainLike,
  handlers: BridgeHandlers,
  isTrustedSender: (event: IpcSenderEvent) => boolean = isAppSender,
): () => void {
  const methods = listBridgeMethods();
  for (const { domain, method, channel, spec } of methods) {
    const name = `${domain}.${method}`;
    const handler = (handlers[domain] as unknown as Record<string, (request: unknown) => Promise<BridgeResult<unknown>>>)[method];
    if (!handler) throw new Error(`no main handler for ${name}`);
    ipcMain.handle(channel, async (event, ...args): Promise<BridgeResult<unknown>> => {
      if (!isTrustedSender(event)) {
        console.warn(`[security] refused ${name} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return fail('forbidden', `${name} may only be called by the app's own page`);
      }
      if (args.length > 1) return fail('invalid-request', `${name}: takes one argument, got ${args.length}`);
      const result = await dispatchBridgeCall(name, spec, handler, args[0]);
      if (!result.ok && result.error.code === 'internal') console.error(`[ipc] ${result.error.message}`);
      return result;
    });
  }
  return () => methods.forEach(({ channel }) => ipcMain.removeHandler(channel));
}
