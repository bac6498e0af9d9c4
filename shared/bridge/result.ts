// Results cross the bridge as plain data, never as thrown errors: an exception thrown in a main-process
// handler reaches the renderer as an opaque "Error invoking remote method" string, which the UI cannot
// translate. So every method answers `{ ok: true, value }` or `{ ok: false, error: { code, message } }`,
// and the renderer translates by `code` (the `message` is plain English for developers and logs).

export const BRIDGE_ERROR_CODES = [
  'invalid-request', // the payload failed its zod schema, or broke a protocol rule (e.g. chunk order)
  'unsupported', // this platform cannot do it (e.g. print.toPdf in the browser stand-in)
  'not-found', // the request names something that does not exist (e.g. an unknown exportId)
  'io-error', // the file system refused (disk full, permission denied, …)
  'secrets-unavailable', // the OS has no protected storage; we refuse rather than store plaintext
  'forbidden', // the caller is not the app's own page (sender-frame check)
  'cancelled', // the user dismissed a dialog or aborted an operation
  'internal', // a bug: a handler threw or answered outside its schema
] as const;

export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export interface BridgeError {
  code: BridgeErrorCode;
  message: string;
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(code: BridgeErrorCode, message: string): { ok: false; error: BridgeError } {
  return { ok: false, error: { code, message } };
}

export function isBridgeErrorCode(value: unknown): value is BridgeErrorCode {
  return typeof value === 'string' && (BRIDGE_ERROR_CODES as readonly string[]).includes(value);
}
