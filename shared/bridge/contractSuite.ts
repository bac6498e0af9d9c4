// The bridge contract tests, written once and run against every implementation: the browser stand-in
// (renderer/platform) and the Electron one (the real preload wired to the real main handlers through a
// mocked electron, main/ipc). It takes the test framework's `describe`/`it` as arguments so that shared/
// stays free of test-runner imports; assertions throw plain Errors with what was expected and what came.
import type { FrontDeskBridge } from './contract';
import type { BridgeErrorCode, BridgeResult } from './result';
import type { FinishedExport } from './schemas';
import { isUint8Array, MAX_EXPORT_CHUNK_BYTES } from './schemas';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strToU8, zipSync } from 'fflate';

/** A minimal valid archive bundle (one table and its manifest) for the backup cases. */
function tinyBundle(): Uint8Array {
  const rows = strToU8('{"id":"01A","name":"张三"}\n');
  const manifest = {
    format: 'frontdesk-archive', formatVersion: 1, appVersion: '0.1.0', schemaVersion: 1, createdAt: 0, deskId: 'desk', range: null,
    files: [{ path: 'tables/visitors.jsonl', kind: 'jsonl', table: 'visitors', rows: 1, bytes: rows.byteLength, sha256: bytesToHex(sha256(rows)) }],
  };
  return zipSync({ 'tables/visitors.jsonl': rows, 'manifest.json': strToU8(JSON.stringify(manifest)) });
}

export interface BridgeContractFixture {
  bridge: FrontDeskBridge;
  /** The same backend reached from a page that is not the app (Electron: another origin). */
  untrusted?: FrontDeskBridge;
  /** Reads back what a finished export produced (a file on disk, or a downloaded Blob). */
  readFinishedExport(finished: FinishedExport): Promise<Uint8Array>;
  /** Partial files an export left behind (temp files); must be empty after finish or abort. */
  listExportLeftovers?(): Promise<string[]>;
  /** The files in the folder backup.chooseFolder picks (platforms that support backups). */
  listBackupFolder?(): Promise<string[]>;
  dispose?(): Promise<void>;
}

export interface ContractTestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
}

// The suite calls methods with deliberately wrong payloads; this view of the bridge lets it do so.
type LooseBridge = Record<string, Record<string, (payload?: unknown, ...rest: unknown[]) => Promise<unknown>>>;

function loose(bridge: FrontDeskBridge): LooseBridge {
  return bridge as unknown as LooseBridge;
}

function fmt(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (isUint8Array(v) ? `Uint8Array(${v.byteLength})` : v));
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Calls a method and checks that it answered a result object instead of throwing. */
async function call(bridge: FrontDeskBridge, domain: string, name: string, ...args: unknown[]): Promise<BridgeResult<unknown>> {
  const fn = loose(bridge)[domain]?.[name];
  assert(typeof fn === 'function', `bridge.${domain}.${name} is not a function`);
  let result: unknown;
  try {
    result = await fn(...args);
  } catch (error) {
    throw new Error(`bridge.${domain}.${name} threw instead of answering a result: ${String(error)}`);
  }
  assert(typeof result === 'object' && result !== null && 'ok' in result, `not a result object: ${fmt(result)}`);
  return result as BridgeResult<unknown>;
}

function expectOk<T = Record<string, unknown>>(result: BridgeResult<unknown>, what: string): T {
  assert(result.ok, `${what}: expected ok, got ${fmt(result)}`);
  return result.value as T;
}

function expectError(result: BridgeResult<unknown>, code: BridgeErrorCode, mentions: string[] = []): void {
  assert(!result.ok, `expected error '${code}', got ok ${fmt(result)}`);
  assert(result.error.code === code, `expected error '${code}', got ${fmt(result.error)}`);
  assert(typeof result.error.message === 'string' && result.error.message.length > 0, 'error message is empty');
  for (const word of mentions) {
    assert(result.error.message.includes(word), `error message should mention "${word}": ${result.error.message}`);
  }
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

async function capabilities(bridge: FrontDeskBridge): Promise<{ pdf: boolean; secureSecrets: boolean; fileSave: boolean; print: boolean }> {
  const info = expectOk<{ capabilities: { pdf: boolean; secureSecrets: boolean; fileSave: boolean; print: boolean } }>(
    await call(bridge, 'app', 'info'),
    'app.info',
  );
  return info.capabilities;
}

async function beginExport(bridge: FrontDeskBridge, name = 'visitors.csv'): Promise<string> {
  const value = expectOk<{ exportId: string }>(
    await call(bridge, 'files', 'beginExport', { suggestedName: name, mimeType: 'text/csv' }),
    'files.beginExport',
  );
  return value.exportId;
}

export function defineBridgeContractSuite(
  implementation: string,
  makeFixture: () => Promise<BridgeContractFixture>,
  { describe, it }: ContractTestApi,
): void {
  const test = (name: string, body: (fixture: BridgeContractFixture) => Promise<void>) =>
    it(name, async () => {
      const fixture = await makeFixture();
      try {
        await body(fixture);
      } finally {
        await fixture.dispose?.();
      }
    });

  describe(`bridge contract: ${implementation}`, () => {
    describe('shape', () => {
      test('exposes exactly the named methods of the contract, and nothing generic', async ({ bridge }) => {
        const expected = {
          app: ['info', 'setSipServers', 'setSyncServer'],
          backup: ['begin', 'chooseFolder', 'finish', 'list', 'recordFailure', 'setSchedule', 'status'],
          files: ['abortExport', 'beginExport', 'finishExport', 'writeChunk'],
          print: ['page', 'toPdf'],
          secrets: ['delete', 'get', 'set'],
        };
        const actual = Object.fromEntries(
          Object.keys(bridge)
            .sort()
            .map((domain) => [domain, Object.keys(loose(bridge)[domain] ?? {}).sort()]),
        );
        assert(fmt(actual) === fmt(expected), `bridge shape ${fmt(actual)} != ${fmt(expected)}`);
      });
    });

    describe('app', () => {
      test('info answers version, platform and capabilities', async ({ bridge }) => {
        const info = expectOk<Record<string, unknown>>(await call(bridge, 'app', 'info'), 'app.info');
        assert(typeof info.appVersion === 'string' && info.appVersion.length > 0, `appVersion: ${fmt(info)}`);
        assert(info.platform === 'electron' || info.platform === 'browser', `platform: ${fmt(info)}`);
        const caps = info.capabilities as Record<string, unknown>;
        for (const key of ['pdf', 'secureSecrets', 'fileSave', 'print']) {
          assert(typeof caps[key] === 'boolean', `capabilities.${key}: ${fmt(caps)}`);
        }
        // The settings form words the password help from this: never "OS-protected" for page memory.
        assert(info.secretStorage === (info.platform === 'electron' ? 'os' : 'memory'), `secretStorage: ${fmt(info)}`);
      });

      test('info refuses arguments', async ({ bridge }) => {
        expectError(await call(bridge, 'app', 'info', { verbose: true }), 'invalid-request', ['app.info']);
      });

      test('setSipServers stores wss:// servers and loopback ws://', async ({ bridge }) => {
        const urls = ['wss://pbx.example.com:8089/ws', 'ws://127.0.0.1:8080'];
        const value = expectOk<{ urls: string[] }>(await call(bridge, 'app', 'setSipServers', { urls }), 'setSipServers');
        assert(fmt(value.urls) === fmt(urls), `urls echoed: ${fmt(value)}`);
        expectOk(await call(bridge, 'app', 'setSipServers', { urls: [] }), 'setSipServers([])');
      });

      test('setSipServers refuses plain ws:// off loopback, other schemes, and missing fields', async ({ bridge }) => {
        expectError(await call(bridge, 'app', 'setSipServers', { urls: ['ws://pbx.example.com/ws'] }), 'invalid-request', ['urls.0', 'wss://']);
        expectError(await call(bridge, 'app', 'setSipServers', { urls: ['https://pbx.example.com'] }), 'invalid-request', ['urls.0']);
        expectError(await call(bridge, 'app', 'setSipServers', { urls: ['not a url'] }), 'invalid-request', ['not a URL']);
        expectError(await call(bridge, 'app', 'setSipServers', {}), 'invalid-request', ['urls']);
        expectError(await call(bridge, 'app', 'setSipServers', { urls: 'wss://pbx.example.com' }), 'invalid-request', ['urls']);
      });
    });

    describe('app.setSyncServer', () => {
      test('stores an https:// server or a loopback http:// one, and null', async ({ bridge }) => {
        for (const url of ['https://couch.example.com:6984', 'http://127.0.0.1:5984']) {
          const value = expectOk<{ url: string | null }>(await call(bridge, 'app', 'setSyncServer', { url }), 'setSyncServer');
          assert(value.url === url, `url echoed: ${fmt(value)}`);
        }
        const cleared = expectOk<{ url: string | null }>(await call(bridge, 'app', 'setSyncServer', { url: null }), 'setSyncServer(null)');
        assert(cleared.url === null, `null echoed: ${fmt(cleared)}`);
      });

      test('refuses plain http:// off loopback, credentials, CSP tricks and missing fields', async ({ bridge }) => {
        expectError(await call(bridge, 'app', 'setSyncServer', { url: 'http://couch.example.com' }), 'invalid-request', ['url', 'https://']);
        expectError(await call(bridge, 'app', 'setSyncServer', { url: 'https://admin:pw@couch.example.com' }), 'invalid-request', ['url']);
        expectError(await call(bridge, 'app', 'setSyncServer', { url: 'https://couch.example.com;sandbox' }), 'invalid-request', ['url']);
        expectError(await call(bridge, 'app', 'setSyncServer', { url: 'wss://couch.example.com' }), 'invalid-request', ['url']);
        expectError(await call(bridge, 'app', 'setSyncServer', {}), 'invalid-request', ['url']);
      });
    });

    describe('secrets', () => {
      test('set, get and delete round-trip (or refuse with secrets-unavailable)', async ({ bridge }) => {
        const caps = await capabilities(bridge);
        const set = await call(bridge, 'secrets', 'set', { key: 'sip.password', value: 'pa55 wörd' });
        if (!caps.secureSecrets) {
          expectError(set, 'secrets-unavailable');
          return;
        }
        expectOk(set, 'secrets.set');
        const got = expectOk<{ value: string | null }>(await call(bridge, 'secrets', 'get', { key: 'sip.password' }), 'get');
        assert(got.value === 'pa55 wörd', `secrets.get: ${fmt(got)}`);
        const deleted = expectOk<{ deleted: boolean }>(await call(bridge, 'secrets', 'delete', { key: 'sip.password' }), 'delete');
        assert(deleted.deleted === true, `secrets.delete: ${fmt(deleted)}`);
        const after = expectOk<{ value: string | null }>(await call(bridge, 'secrets', 'get', { key: 'sip.password' }), 'get');
        assert(after.value === null, `after delete: ${fmt(after)}`);
        const again = expectOk<{ deleted: boolean }>(await call(bridge, 'secrets', 'delete', { key: 'sip.password' }), 'delete');
        assert(again.deleted === false, `second delete: ${fmt(again)}`);
      });

      test('malformed requests answer invalid-request naming the field', async ({ bridge }) => {
        expectError(await call(bridge, 'secrets', 'get', { key: 'db.masterKey' }), 'invalid-request', ['key', 'unknown secret key']);
        expectError(await call(bridge, 'secrets', 'get', {}), 'invalid-request', ['key']);
        expectError(await call(bridge, 'secrets', 'get'), 'invalid-request');
        expectError(await call(bridge, 'secrets', 'get', null), 'invalid-request');
        expectError(await call(bridge, 'secrets', 'get', 'sip.password'), 'invalid-request');
        expectError(await call(bridge, 'secrets', 'set', { key: 'sip.password' }), 'invalid-request', ['value']);
        expectError(await call(bridge, 'secrets', 'set', { key: 'sip.password', value: 42 }), 'invalid-request', ['value']);
        expectError(await call(bridge, 'secrets', 'set', { key: 'sip.password', value: 'x', extra: 1 }), 'invalid-request', ['extra']);
        expectError(await call(bridge, 'secrets', 'delete', { key: ['sip.password'] }), 'invalid-request', ['key']);
      });

      test('failed calls leave stored secrets intact', async ({ bridge }) => {
        const caps = await capabilities(bridge);
        if (!caps.secureSecrets) return;
        expectOk(await call(bridge, 'secrets', 'set', { key: 'sip.password', value: 'keep-me' }), 'secrets.set');
        await call(bridge, 'secrets', 'set', { key: 'sip.password', value: 42 });
        await call(bridge, 'secrets', 'set', { key: 'sip.password', value: '' });
        await call(bridge, 'secrets', 'set', { key: 'other', value: 'x' });
        await call(bridge, 'secrets', 'delete', { key: 'sip.password', force: true });
        await call(bridge, 'secrets', 'delete', {});
        const got = expectOk<{ value: string | null }>(await call(bridge, 'secrets', 'get', { key: 'sip.password' }), 'get');
        assert(got.value === 'keep-me', `secret changed by a failed call: ${fmt(got)}`);
      });
    });

    describe('files (streamed export)', () => {
      test('begin, write chunks in order, finish: the bytes arrive whole', async (fixture) => {
        const { bridge } = fixture;
        const caps = await capabilities(bridge);
        assert(caps.fileSave, 'every platform can save an export (a file or a download)');
        const exportId = await beginExport(bridge);
        const parts = [bytesOf('name,company\n'), bytesOf('张三,ACME\n'), new Uint8Array(0), bytesOf('Li Si,Foo\n')];
        let total = 0;
        for (const [seq, bytes] of parts.entries()) {
          total += bytes.byteLength;
          const w = expectOk<{ bytesWritten: number }>(await call(bridge, 'files', 'writeChunk', { exportId, seq, bytes }), `chunk ${seq}`);
          assert(w.bytesWritten === total, `bytesWritten after chunk ${seq}: ${fmt(w)} (expected ${total})`);
        }
        const finished = expectOk<FinishedExport>(await call(bridge, 'files', 'finishExport', { exportId }), 'finishExport');
        assert(finished.bytesWritten === total, `finish bytesWritten: ${fmt(finished)}`);
        const expected = bytesOf('name,company\n张三,ACME\nLi Si,Foo\n');
        const saved = await fixture.readFinishedExport(finished);
        assert(sameBytes(saved, expected), `saved bytes differ: ${new TextDecoder().decode(saved)}`);
        const leftovers = (await fixture.listExportLeftovers?.()) ?? [];
        assert(leftovers.length === 0, `temp files left behind: ${fmt(leftovers)}`);
        expectError(await call(bridge, 'files', 'writeChunk', { exportId, seq: 4, bytes: bytesOf('x') }), 'not-found');
      });

      test('abort cancels the export and removes its partial file', async (fixture) => {
        const { bridge } = fixture;
        const exportId = await beginExport(bridge, 'aborted.json');
        expectOk(await call(bridge, 'files', 'writeChunk', { exportId, seq: 0, bytes: bytesOf('{"partial":') }), 'chunk');
        expectOk(await call(bridge, 'files', 'abortExport', { exportId }), 'abortExport');
        const leftovers = (await fixture.listExportLeftovers?.()) ?? [];
        assert(leftovers.length === 0, `abort left files behind: ${fmt(leftovers)}`);
        expectError(await call(bridge, 'files', 'finishExport', { exportId }), 'not-found', [exportId]);
        expectError(await call(bridge, 'files', 'abortExport', { exportId }), 'not-found');
      });

      test('refuses oversize chunks, out-of-order seq, unknown exportId and wrong types', async ({ bridge }) => {
        const exportId = await beginExport(bridge, 'big.bin');
        const oversize = new Uint8Array(MAX_EXPORT_CHUNK_BYTES + 1);
        expectError(await call(bridge, 'files', 'writeChunk', { exportId, seq: 0, bytes: oversize }), 'invalid-request', ['bytes', '4 MiB']);
        expectError(await call(bridge, 'files', 'writeChunk', { exportId, seq: 1, bytes: bytesOf('a') }), 'invalid-request', ['seq', 'expected 0']);
        expectOk(await call(bridge, 'files', 'writeChunk', { exportId, seq: 0, bytes: bytesOf('a') }), 'chunk 0');
        expectError(await call(bridge, 'files', 'writeChunk', { exportId, seq: 0, bytes: bytesOf('a') }), 'invalid-request', ['seq', 'expected 1']);
        expectError(await call(bridge, 'files', 'writeChunk', { exportId, seq: 1, bytes: [97] }), 'invalid-request', ['bytes', 'Uint8Array']);
        expectError(await call(bridge, 'files', 'writeChunk', { exportId, seq: -1, bytes: bytesOf('a') }), 'invalid-request', ['seq']);
        expectError(await call(bridge, 'files', 'writeChunk', { exportId, seq: 1.5, bytes: bytesOf('a') }), 'invalid-request', ['seq']);
        expectError(await call(bridge, 'files', 'writeChunk', { exportId: 'nonexistent-export', seq: 0, bytes: bytesOf('a') }), 'not-found', ['nonexistent-export']);
        expectError(await call(bridge, 'files', 'finishExport', { exportId: 'nonexistent-export' }), 'not-found');
        expectError(await call(bridge, 'files', 'writeChunk', { exportId: '../../etc', seq: 0, bytes: bytesOf('a') }), 'invalid-request', ['exportId']);
        expectError(await call(bridge, 'files', 'beginExport', { suggestedName: '../evil.sh', mimeType: 'text/plain' }), 'invalid-request', ['suggestedName']);
        expectError(await call(bridge, 'files', 'beginExport', { suggestedName: 'a.csv' }), 'invalid-request', ['mimeType']);
        // The export is still usable after all those refusals.
        const finished = expectOk<FinishedExport>(await call(bridge, 'files', 'finishExport', { exportId }), 'finishExport');
        assert(finished.bytesWritten === 1, `bytesWritten: ${fmt(finished)}`);
      });
    });

    describe('backup', () => {
      test('status answers the schedule; where backups are unsupported every other method says so', async ({ bridge }) => {
        const status = expectOk<Record<string, unknown>>(await call(bridge, 'backup', 'status'), 'backup.status');
        for (const key of ['supported', 'due', 'running']) assert(typeof status[key] === 'boolean', `backup.status.${key}: ${fmt(status)}`);
        assert(status.everyHours === 24 && status.keep === 14, `defaults every 24 h, keep 14: ${fmt(status)}`);
        expectError(await call(bridge, 'backup', 'status', { now: 1 }), 'invalid-request', ['backup.status']);
        if (status.supported) return;
        assert(status.due === false && status.folder === null && status.lastAttempt === null, `unsupported but claims a backup: ${fmt(status)}`);
        expectError(await call(bridge, 'backup', 'chooseFolder'), 'unsupported', ['backup.chooseFolder']);
        expectError(await call(bridge, 'backup', 'setSchedule', { everyHours: 12, keep: 7 }), 'unsupported');
        expectError(await call(bridge, 'backup', 'begin'), 'unsupported');
        expectError(await call(bridge, 'backup', 'finish', { exportId: 'backup-export-1' }), 'unsupported');
        expectError(await call(bridge, 'backup', 'recordFailure', { message: 'x' }), 'unsupported');
        expectError(await call(bridge, 'backup', 'list'), 'unsupported');
      });

      test('setSchedule and recordFailure refuse malformed requests, naming the field, on every platform', async ({ bridge }) => {
        expectError(await call(bridge, 'backup', 'setSchedule', { everyHours: 0, keep: 14 }), 'invalid-request', ['everyHours']);
        expectError(await call(bridge, 'backup', 'setSchedule', { everyHours: 169, keep: 14 }), 'invalid-request', ['everyHours']);
        expectError(await call(bridge, 'backup', 'setSchedule', { everyHours: 24, keep: 366 }), 'invalid-request', ['keep']);
        expectError(await call(bridge, 'backup', 'setSchedule', { everyHours: 24, keep: 1.5 }), 'invalid-request', ['keep']);
        expectError(await call(bridge, 'backup', 'setSchedule', { everyHours: 24, keep: 14, folder: '/etc' }), 'invalid-request', ['folder']);
        expectError(await call(bridge, 'backup', 'finish', { exportId: '../../etc' }), 'invalid-request', ['exportId']);
        expectError(await call(bridge, 'backup', 'recordFailure', { message: '' }), 'invalid-request', ['message']);
        expectError(await call(bridge, 'backup', 'chooseFolder', '/tmp'), 'invalid-request');
      });

      test('a backup streamed through files.writeChunk is saved in the folder, verified and recorded; a bad one is deleted', async (fixture) => {
        const { bridge } = fixture;
        const status = expectOk<{ supported: boolean }>(await call(bridge, 'backup', 'status'), 'backup.status');
        if (!status.supported) return;
        expectOk(await call(bridge, 'backup', 'chooseFolder'), 'backup.chooseFolder');
        expectOk(await call(bridge, 'backup', 'setSchedule', { everyHours: 12, keep: 7 }), 'backup.setSchedule');
        const write = async (bytes: Uint8Array) => {
          const begun = expectOk<{ exportId: string; fileName: string }>(await call(bridge, 'backup', 'begin'), 'backup.begin');
          assert(/^frontdesk-backup-[\d-]+\.zip$/.test(begun.fileName), `fileName: ${fmt(begun)}`);
          expectOk(await call(bridge, 'files', 'writeChunk', { exportId: begun.exportId, seq: 0, bytes }), 'writeChunk');
          return call(bridge, 'backup', 'finish', { exportId: begun.exportId });
        };
        const good = expectOk<{ file: string; bytes: number; removed: string[] }>(await write(tinyBundle()), 'backup.finish');
        assert(good.bytes === tinyBundle().byteLength && good.removed.length === 0, `finish: ${fmt(good)}`);
        const after = expectOk<Record<string, unknown>>(await call(bridge, 'backup', 'status'), 'status');
        assert(after.due === false && after.everyHours === 12 && after.keep === 7 && (after.lastAttempt as { ok?: boolean } | null)?.ok === true, `status after: ${fmt(after)}`);
        expectError(await write(bytesOf('not a bundle')), 'io-error', ['verify']);
        const failed = expectOk<{ lastAttempt: { ok: boolean; reason?: string } }>(await call(bridge, 'backup', 'status'), 'status');
        assert(failed.lastAttempt.ok === false && failed.lastAttempt.reason === 'verifyFailed', `status after a bad file: ${fmt(failed)}`);
        const files = (await fixture.listBackupFolder?.()) ?? [];
        assert(files.length === 1 && files[0] === good.file.split(/[\\/]/).pop(), `backup folder: ${fmt(files)}`);
        const listed = expectOk<{ files: Array<{ file: string }> }>(await call(bridge, 'backup', 'list'), 'backup.list');
        assert(fmt(listed.files.map((f) => f.file)) === fmt(files), `list: ${fmt(listed)}`);
      });
    });

    describe('print', () => {
      test('toPdf renders a PDF, or answers unsupported where the platform cannot', async ({ bridge }) => {
        const caps = await capabilities(bridge);
        const result = await call(bridge, 'print', 'toPdf', { html: '<h1>访客登记</h1>', title: 'Roll call', pageSize: 'A4' });
        if (!caps.pdf) {
          expectError(result, 'unsupported', ['print.toPdf']);
          return;
        }
        const { bytes } = expectOk<{ bytes: Uint8Array }>(result, 'print.toPdf');
        assert(isUint8Array(bytes), `bytes is ${Object.prototype.toString.call(bytes)}`);
        assert(new TextDecoder().decode(bytes.slice(0, 5)) === '%PDF-', 'not a PDF');
      });

      test('toPdf refuses malformed requests', async ({ bridge }) => {
        expectError(await call(bridge, 'print', 'toPdf', { html: '<p>x</p>', pageSize: 'B5' }), 'invalid-request', ['pageSize']);
        expectError(await call(bridge, 'print', 'toPdf', { title: 'no html' }), 'invalid-request', ['html']);
        expectError(await call(bridge, 'print', 'toPdf', { html: '<p>x</p>', landscape: 'yes' }), 'invalid-request', ['landscape']);
      });

      test('page sends a page to the printer, or answers unsupported where the platform cannot', async ({ bridge }) => {
        const caps = await capabilities(bridge);
        const badge = { html: '<div class="badge">张三</div>', title: 'Visitor badge', pageSize: 'ID1', landscape: true, silent: true };
        const result = await call(bridge, 'print', 'page', badge);
        if (!caps.print) {
          expectError(result, 'unsupported', ['print.page']);
          return;
        }
        const value = expectOk<{ printed: boolean }>(result, 'print.page');
        assert(value.printed === true, `print.page: ${fmt(value)}`);
        expectOk(await call(bridge, 'print', 'page', { html: '<table></table>' }), 'print.page with defaults');
      });

      test('page refuses malformed requests, naming the field, on every platform', async ({ bridge }) => {
        expectError(await call(bridge, 'print', 'page', { html: '<p>x</p>', pageSize: 'B5' }), 'invalid-request', ['pageSize']);
        expectError(await call(bridge, 'print', 'page', { title: 'no html' }), 'invalid-request', ['html']);
        expectError(await call(bridge, 'print', 'page', { html: '' }), 'invalid-request', ['html']);
        expectError(await call(bridge, 'print', 'page', { html: '<p>x</p>', silent: 'yes' }), 'invalid-request', ['silent']);
        expectError(await call(bridge, 'print', 'page', { html: '<p>x</p>', printer: 'HP' }), 'invalid-request', ['printer']);
        expectError(await call(bridge, 'print', 'page'), 'invalid-request');
      });
    });

    describe('caller check', () => {
      test('a page outside the app is refused with forbidden, and changes nothing', async ({ bridge, untrusted }) => {
        if (!untrusted) return; // the browser stand-in has no other caller to refuse
        const caps = await capabilities(bridge);
        if (caps.secureSecrets) {
          expectOk(await call(bridge, 'secrets', 'set', { key: 'sip.password', value: 'mine' }), 'secrets.set');
        }
        expectError(await call(untrusted, 'app', 'info'), 'forbidden');
        expectError(await call(untrusted, 'secrets', 'get', { key: 'sip.password' }), 'forbidden');
        expectError(await call(untrusted, 'secrets', 'set', { key: 'sip.password', value: 'theirs' }), 'forbidden');
        expectError(await call(untrusted, 'secrets', 'delete', { key: 'sip.password' }), 'forbidden');
        expectError(await call(untrusted, 'files', 'beginExport', { suggestedName: 'x.csv', mimeType: 'text/csv' }), 'forbidden');
        expectError(await call(untrusted, 'print', 'page', { html: '<p>x</p>', silent: true }), 'forbidden');
        expectError(await call(untrusted, 'backup', 'chooseFolder'), 'forbidden');
        expectError(await call(untrusted, 'backup', 'begin'), 'forbidden');
        expectError(await call(untrusted, 'secrets', 'get', { key: 'not-even-valid' }), 'forbidden');
        if (caps.secureSecrets) {
          const got = expectOk<{ value: string | null }>(await call(bridge, 'secrets', 'get', { key: 'sip.password' }), 'get');
          assert(got.value === 'mine', `secret changed by a forbidden call: ${fmt(got)}`);
        }
      });
    });
  });
}
