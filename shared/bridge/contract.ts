// The bridge contract: every method the renderer may call on main, grouped by domain, each with its
// request and response schema. main's IPC registration, the preload and the browser stand-in are all
// derived from (or checked against) this one object, so they cannot drift apart.
import type { z } from 'zod';
import { bridgeChannel } from './channels';
import type { BridgeResult } from './result';
import * as s from './schemas';

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

function method<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): MethodSpec<Req, Res> {
  return { request, response };
}

export const bridgeContract = {
  app: {
    info: method(s.appInfoRequest, s.appInfoResponse),
    setSipServers: method(s.setSipServersRequest, s.setSipServersResponse),
    setSyncServer: method(s.setSyncServerRequest, s.setSyncServerResponse),
  },
  secrets: {
    get: method(s.secretsGetRequest, s.secretsGetResponse),
    set: method(s.secretsSetRequest, s.secretsSetResponse),
    delete: method(s.secretsDeleteRequest, s.secretsDeleteResponse),
  },
  files: {
    beginExport: method(s.beginExportRequest, s.beginExportResponse),
    writeChunk: method(s.writeChunkRequest, s.writeChunkResponse),
    finishExport: method(s.finishExportRequest, s.finishExportResponse),
    abortExport: method(s.abortExportRequest, s.abortExportResponse),
  },
  backup: {
    status: method(s.backupStatusRequest, s.backupStatusResponse),
    chooseFolder: method(s.backupChooseFolderRequest, s.backupChooseFolderResponse),
    setSchedule: method(s.backupSetScheduleRequest, s.backupSetScheduleResponse),
    begin: method(s.backupBeginRequest, s.backupBeginResponse),
    finish: method(s.backupFinishRequest, s.backupFinishResponse),
    recordFailure: method(s.backupRecordFailureRequest, s.backupRecordFailureResponse),
    list: method(s.backupListRequest, s.backupListResponse),
  },
  print: {
    toPdf: method(s.printToPdfRequest, s.printToPdfResponse),
    page: method(s.printPageRequest, s.printPageResponse),
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeDomain = keyof BridgeContract;
export type BridgeMethodName<D extends BridgeDomain> = keyof BridgeContract[D] & string;

type SpecOf<D extends BridgeDomain, M extends BridgeMethodName<D>> = BridgeContract[D][M];

/** What the caller passes (schema input) for method D.M; `undefined` for methods without arguments. */
export type RequestOf<D extends BridgeDomain, M extends BridgeMethodName<D>> =
  SpecOf<D, M> extends MethodSpec<infer Req, z.ZodType> ? z.input<Req> : never;
/** What a handler receives after validation (schema output). */
export type ParsedRequestOf<D extends BridgeDomain, M extends BridgeMethodName<D>> =
  SpecOf<D, M> extends MethodSpec<infer Req, z.ZodType> ? z.output<Req> : never;
export type ResponseOf<D extends BridgeDomain, M extends BridgeMethodName<D>> =
  SpecOf<D, M> extends MethodSpec<z.ZodType, infer Res> ? z.output<Res> : never;

/** A method as the renderer calls it: no argument when the request schema is `undefined`. */
export type BridgeCall<Req, Res> = [Req] extends [undefined]
  ? () => Promise<BridgeResult<Res>>
  : (request: Req) => Promise<BridgeResult<Res>>;

/** The bridge as the renderer sees it: `bridge.secrets.get({ key })`, `bridge.app.info()`, … */
export type FrontDeskBridge = {
  readonly [D in BridgeDomain]: {
    readonly [M in BridgeMethodName<D>]: BridgeCall<RequestOf<D, M>, ResponseOf<D, M>>;
  };
};

/** A method's implementation: receives the already-validated request. */
export type BridgeHandler<D extends BridgeDomain, M extends BridgeMethodName<D>> = (
  request: ParsedRequestOf<D, M>,
) => Promise<BridgeResult<ResponseOf<D, M>>>;

export type BridgeHandlers = {
  readonly [D in BridgeDomain]: { readonly [M in BridgeMethodName<D>]: BridgeHandler<D, M> };
};

export interface BridgeMethodEntry {
  domain: BridgeDomain;
  method: string;
  channel: string;
  spec: MethodSpec;
}

/** Every method of the contract, flat: for registering IPC handlers and for completeness tests. */
export function listBridgeMethods(): BridgeMethodEntry[] {
  const entries: BridgeMethodEntry[] = [];
  for (const domain of Object.keys(bridgeContract) as BridgeDomain[]) {
    for (const [name, spec] of Object.entries(bridgeContract[domain])) {
      entries.push({ domain, method: name, channel: bridgeChannel(domain, name), spec: spec as MethodSpec });
    }
  }
  return entries;
}
