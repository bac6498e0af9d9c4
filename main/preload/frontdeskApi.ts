// The object the preload exposes as window.frontdesk. Named methods grouped by domain, each bound to its
// own channel: the page cannot name a channel, and never sees ipcRenderer (checklist #3 and #20: "Do not
// expose Electron APIs to untrusted web content"). No schema checks here: main validates every payload;
// the preload stays small and imports no zod.
import { messageOf } from '@shared/errors/messageOf';
import { bridgeChannel } from '@shared/bridge/channels';
import type { FrontDeskBridge } from '@shared/bridge/contract';
import type { BridgeResult } from '@shared/bridge/result';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export function createFrontDeskApi(invoke: Invoke): FrontDeskBridge {
  // Forwards at most one argument. A payload IPC cannot clone (a function, a DOM node) would reject
  // inside ipcRenderer.invoke; it is answered as invalid-request so callers never need try/catch.
  const send = (domain: string, method: string) =>
    async (request?: unknown): Promise<BridgeResult<never>> => {
      try {
        return (await (request === undefined
          ? invoke(bridgeChannel(domain, method))
          : invoke(bridgeChannel(domain, method), request))) as BridgeResult<never>;
      } catch (error) {
        const reason = messageOf(error);
        return { ok: false, error: { code: 'invalid-request', message: `${domain}.${method}: could not send the request: ${reason}` } };
      }
    };

  const api: FrontDeskBridge = {
    app: {
      info: send('app', 'info'),
      setSipServers: send('app', 'setSipServers'),
      setSyncServer: send('app', 'setSyncServer'),
    },
    secrets: {
      get: send('secrets', 'get'),
      set: send('secrets', 'set'),
      delete: send('secrets', 'delete'),
    },
    files: {
      beginExport: send('files', 'beginExport'),
      writeChunk: send('files', 'writeChunk'),
      finishExport: send('files', 'finishExport'),
      abortExport: send('files', 'abortExport'),
    },
    backup: {
      status: send('backup', 'status'),
      chooseFolder: send('backup', 'chooseFolder'),
      setSchedule: send('backup', 'setSchedule'),
      begin: send('backup', 'begin'),
      finish: send('backup', 'finish'),
      recordFailure: send('backup', 'recordFailure'),
      list: send('backup', 'list'),
    },
    print: {
      toPdf: send('print', 'toPdf'),
      page: send('print', 'page'),
    },
  };
  return api;
}
