// One zod schema per request and per response of the bridge (docs/ARCHITECTURE.md, "Layers and who may import whom" "One contract"). Requests are
// strict objects: an unknown field is refused, so nothing can be smuggled past a handler's reading of it.
import { z } from 'zod';
import { parseSipServerAddress } from '../phone/sipServerAddress';
import { syncUrlProblem } from '../sync/syncServerAddress';
import { BACKUP_FAILURE_REASONS, BACKUP_LIMITS } from '../backup/backupSchedule';
import { MAX_EXPORT_CHUNK_BYTES, MAX_PRINT_HTML_BYTES, MAX_SECRET_VALUE_CHARS, MAX_SIP_SERVERS, PDF_PAGE_SIZES, PRINT_PAGE_SIZES, SECRET_KEYS, isUint8Array, utf8ByteLength } from './limits';

export * from './limits';

// ---- limits: shared/bridge/limits.ts (zod-free, re-exported here) ----

const printHtmlSchema = z
  .string()
  .min(1)
  .refine((html) => utf8ByteLength(html) <= MAX_PRINT_HTML_BYTES, `html larger than ${MAX_PRINT_HTML_BYTES} bytes (16 MiB) in UTF-8`);

// ---- shared pieces ----

export const secretKeySchema = z.enum(SECRET_KEYS, {
  error: `unknown secret key; allowed keys: ${SECRET_KEYS.join(', ')}`,
});

/**
 * A SIP-over-WebSocket server URL. Production must use wss:// (RFC 7118 §5 recommends TLS, and the CSP
 * connect-src is built from these); plain ws:// is accepted only for the loopback lab (Kamailio on 127.0.0.1).
 * Only a plain host name or IP literal, a port and a simple path pass (shared/phone/sipServerAddress.ts):
 * a `;`, `,`, space, quote or `*` would otherwise reach the CSP header.
 */
export const sipServerUrlSchema = z.string().max(2048).superRefine((value, ctx) => {
  const parsed = parseSipServerAddress(value);
  if (parsed.ok) return;
  const messages: Record<typeof parsed.problem, string> = {
    'not-url': `"${value}" is not a URL`,
    'not-websocket': `"${value}" must use wss:// (or ws:// on 127.0.0.1/localhost)`,
    insecure: `"${value}": ws:// is allowed only for 127.0.0.1/localhost; use wss://`,
    'bad-address': `"${value}" must be wss://host[:port][/path] with a plain host name or IP address (no credentials, query, ; , spaces, quotes or *)`,
  };
  ctx.addIssue({ code: 'custom', message: messages[parsed.problem] });
});

/**
 * The site's sync server (Settings → Sync), which main adds to the CSP's connect-src: http(s) with a plain
 * host, https required except to loopback, no credentials, query, `;` or `*` (shared/sync/syncServerAddress.ts).
 */
export const syncServerUrlSchema = z.string().max(2048).superRefine((value, ctx) => {
  const problem = syncUrlProblem(value);
  if (!problem) return;
  const messages: Record<typeof problem, string> = {
    empty: 'the sync server URL is empty',
    malformed: `"${value}" must be https://host[:port][/path] with a plain host name or IP address (no query, fragment, ; , spaces or *)`,
    scheme: `"${value}" must use https:// (or http:// on 127.0.0.1/localhost)`,
    httpsRequired: `"${value}": http:// is allowed only for 127.0.0.1/localhost; use https://`,
    credentialsInUrl: `"${value}" must not carry a user name or password (they go to the secrets)`,
  };
  ctx.addIssue({ code: 'custom', message: messages[problem] });
});

const exportIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'exportId must be the id returned by files.beginExport');

/** A file name only (the save dialog picks the folder): no separators, no control characters. */
const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\]/.test(name), 'suggestedName must be a file name, not a path')
  .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'suggestedName must not contain control characters')
  .refine((name) => name !== '.' && name !== '..', 'suggestedName must be a file name');

const mimeTypeSchema = z.string().max(100).regex(/^[\w.+-]+\/[\w.+-]+$/, 'mimeType must look like type/subtype');

const bytesSchema = z.custom<Uint8Array>(isUint8Array, 'expected a Uint8Array');

// ---- app.* ----

export const appInfoRequest = z.undefined({ error: 'app.info takes no arguments' });
export const appInfoResponse = z.object({
  appVersion: z.string(),
  platform: z.enum(['electron', 'browser']),
  electronVersion: z.string().optional(),
  chromeVersion: z.string().optional(),
  capabilities: z.object({
    pdf: z.boolean(),
    secureSecrets: z.boolean(),
    fileSave: z.boolean(),
    /** print.page can send a page to a printer (the browser stand-in cannot: it uses the browser's own print). */
    print: z.boolean(),
  }),
  /**
   * Where secrets.set keeps a value: 'os' is Electron's safeStorage (OS keychain/DPAPI/libsecret), 'memory'
   * the browser stand-in's page memory (gone on reload). The password help text says which.
   */
  secretStorage: z.enum(['os', 'memory']),
  /**
   * Stored PBX addresses main refused at start (written by an older version that let `;sandbox` or `*`
   * through): the console runs with no PBX allowed until Settings saves a good one.
   */
  rejectedSipServers: z.array(z.string()).optional(),
});

export const setSipServersRequest = z.strictObject({
  urls: z.array(sipServerUrlSchema).max(MAX_SIP_SERVERS, `at most ${MAX_SIP_SERVERS} SIP servers`),
});
export const setSipServersResponse = z.object({
  urls: z.array(z.string()),
  /** The Content-Security-Policy is sent with each page load: the new servers apply after a reload. */
  reloadRequired: z.boolean(),
});

/** null: this desk does not replicate, and connect-src allows no sync server. */
export const setSyncServerRequest = z.strictObject({ url: syncServerUrlSchema.nullable() });
export const setSyncServerResponse = z.object({
  url: z.string().nullable(),
  /** Like the SIP servers: the CSP is sent with each page load, so a new server applies after a reload. */
  reloadRequired: z.boolean(),
});

// ---- secrets.* ----

export const secretsGetRequest = z.strictObject({ key: secretKeySchema });
export const secretsGetResponse = z.object({
  value: z.string().nullable(),
  /**
   * true when the secrets file was unreadable (corrupt) and has been set aside: the value is gone and the
   * person must enter it again. Absent otherwise.
   */
  reset: z.literal(true).optional(),
});

export const secretsSetRequest = z.strictObject({
  key: secretKeySchema,
  value: z.string().min(1, 'value must not be empty (use secrets.delete)').max(MAX_SECRET_VALUE_CHARS),
});
export const secretsSetResponse = z.object({ stored: z.literal(true) });

export const secretsDeleteRequest = z.strictObject({ key: secretKeySchema });
export const secretsDeleteResponse = z.object({ deleted: z.boolean() });

// ---- files.* (exports streamed in chunks, so a large archive never sits whole in one IPC message) ----

export const beginExportRequest = z.strictObject({ suggestedName: fileNameSchema, mimeType: mimeTypeSchema });
export const beginExportResponse = z.object({ exportId: exportIdSchema });

export const writeChunkRequest = z.strictObject({
  exportId: exportIdSchema,
  seq: z.number().int().nonnegative(),
  bytes: bytesSchema.refine(
    (bytes) => bytes.byteLength <= MAX_EXPORT_CHUNK_BYTES,
    `chunk is larger than ${MAX_EXPORT_CHUNK_BYTES} bytes (4 MiB); split it`,
  ),
});
export const writeChunkResponse = z.object({ bytesWritten: z.number().int().nonnegative() });

export const finishExportRequest = z.strictObject({ exportId: exportIdSchema });
export const finishExportResponse = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal('file'), path: z.string(), bytesWritten: z.number().int().nonnegative() }),
  z.object({ saved: z.literal('download'), fileName: z.string(), bytesWritten: z.number().int().nonnegative() }),
]);

export const abortExportRequest = z.strictObject({ exportId: exportIdSchema });
export const abortExportResponse = z.object({ aborted: z.literal(true) });

// ---- backup.* (scheduled backups: the renderer writes the bundle, main owns folder, files, checks, rotation) ----

export const backupAttemptSchema = z.object({
  at: z.number().int().nonnegative(),
  ok: z.boolean(),
  file: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  message: z.string().optional(),
  reason: z.enum(BACKUP_FAILURE_REASONS).optional(),
});

export const backupStatusRequest = z.undefined({ error: 'backup.status takes no arguments' });
export const backupStatusResponse = z.object({
  /** false in the browser build: backups need the desktop app (main writes the files). */
  supported: z.boolean(),
  folder: z.string().nullable(),
  everyHours: z.number().int(),
  keep: z.number().int(),
  lastSuccessAt: z.number().int().nullable(),
  lastAttempt: backupAttemptSchema.nullable(),
  due: z.boolean(),
  dueAt: z.number().int().nullable(),
  /** A backup is being written right now. */
  running: z.boolean(),
});

export const backupChooseFolderRequest = z.undefined({ error: 'backup.chooseFolder takes no arguments' });
export const backupChooseFolderResponse = z.object({ folder: z.string() });

export const backupSetScheduleRequest = z.strictObject({
  everyHours: z.number().int().min(BACKUP_LIMITS.everyHours.min).max(BACKUP_LIMITS.everyHours.max),
  keep: z.number().int().min(BACKUP_LIMITS.keep.min).max(BACKUP_LIMITS.keep.max),
});
export const backupSetScheduleResponse = backupStatusResponse;

export const backupBeginRequest = z.undefined({ error: 'backup.begin takes no arguments' });
export const backupBeginResponse = z.object({ exportId: exportIdSchema, fileName: z.string() });

export const backupFinishRequest = z.strictObject({ exportId: exportIdSchema });
export const backupFinishResponse = z.object({ file: z.string(), bytes: z.number().int().nonnegative(), removed: z.array(z.string()) });

export const backupRecordFailureRequest = z.strictObject({
  exportId: exportIdSchema.optional(),
  message: z.string().min(1).max(2000),
});
export const backupRecordFailureResponse = backupStatusResponse;

export const backupListRequest = z.undefined({ error: 'backup.list takes no arguments' });
export const backupListResponse = z.object({
  files: z.array(z.object({ file: z.string(), bytes: z.number().int().nonnegative(), modifiedAt: z.number() })),
});

// ---- print.* ----

export const printToPdfRequest = z.strictObject({
  html: printHtmlSchema,
  title: z.string().max(300).optional(),
  pageSize: z.enum(PDF_PAGE_SIZES).optional(),
  landscape: z.boolean().optional(),
});
export const printToPdfResponse = z.object({ bytes: bytesSchema });

/**
 * Sends one self-contained HTML document (inline CSS and SVG, no scripts, no network) to a printer.
 * `silent` skips the system dialog and prints on the default printer (a badge at check-in); without it
 * the person picks the printer and can cancel, which answers 'cancelled'.
 */
export const printPageRequest = z.strictObject({
  html: printHtmlSchema,
  title: z.string().max(300).optional(),
  pageSize: z.enum(PRINT_PAGE_SIZES).optional(),
  landscape: z.boolean().optional(),
  silent: z.boolean().optional(),
});
export const printPageResponse = z.object({ printed: z.literal(true) });

// ---- types the rest of the app names ----

export type AppInfo = z.infer<typeof appInfoResponse>;
export type AppCapabilities = AppInfo['capabilities'];
export type SetSipServersRequest = z.infer<typeof setSipServersRequest>;
export type SetSyncServerRequest = z.infer<typeof setSyncServerRequest>;
export type BeginExportRequest = z.infer<typeof beginExportRequest>;
export type WriteChunkRequest = z.infer<typeof writeChunkRequest>;
export type FinishedExport = z.infer<typeof finishExportResponse>;
export type PrintToPdfRequest = z.infer<typeof printToPdfRequest>;
export type PrintPageRequest = z.infer<typeof printPageRequest>;
export type BackupStatus = z.infer<typeof backupStatusResponse>;
export type BackupAttemptInfo = z.infer<typeof backupAttemptSchema>;
export type BackupListing = z.infer<typeof backupListResponse>;
