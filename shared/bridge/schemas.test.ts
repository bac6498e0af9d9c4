import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bindBridgeHandlers, describeZodError, dispatchBridgeCall } from './dispatch';
import { bridgeContract, listBridgeMethods } from './contract';
import { bridgeChannel } from './channels';
import { BRIDGE_ERROR_CODES, fail, isBridgeErrorCode, ok } from './result';
import {
  MAX_EXPORT_CHUNK_BYTES,
  MAX_PRINT_HTML_BYTES,
  printPageRequest,
  utf8ByteLength,
  printToPdfRequest,
  secretsSetRequest,
  setSipServersRequest,
  sipServerUrlSchema,
  writeChunkRequest,
} from './schemas';

describe('bridge contract', () => {
  it('names one channel per method, prefixed fd:', () => {
    const channels = listBridgeMethods().map((m) => m.channel);
    expect(channels).toEqual([
      'fd:app.info',
      'fd:app.setSipServers',
      'fd:app.setSyncServer',
      'fd:secrets.get',
      'fd:secrets.set',
      'fd:secrets.delete',
      'fd:files.beginExport',
      'fd:files.writeChunk',
      'fd:files.finishExport',
      'fd:files.abortExport',
      'fd:backup.status',
      'fd:backup.chooseFolder',
      'fd:backup.setSchedule',
      'fd:backup.begin',
      'fd:backup.finish',
      'fd:backup.recordFailure',
      'fd:backup.list',
      'fd:print.toPdf',
      'fd:print.page',
    ]);
    expect(new Set(channels).size).toBe(channels.length);
    expect(bridgeChannel('secrets', 'get')).toBe('fd:secrets.get');
  });

  it('has a stable error-code union', () => {
    expect(BRIDGE_ERROR_CODES).toEqual([
      'invalid-request', 'unsupported', 'not-found', 'io-error', 'secrets-unavailable', 'forbidden', 'cancelled', 'internal',
    ]);
    expect(isBridgeErrorCode('forbidden')).toBe(true);
    expect(isBridgeErrorCode('nope')).toBe(false);
  });
});

describe('schemas', () => {
  it('accepts wss:// anywhere and ws:// only on loopback', () => {
    for (const good of ['wss://pbx.example.com:8089/ws', 'ws://127.0.0.1:8080', 'ws://localhost:5066/', 'ws://[::1]:8080']) {
      expect(sipServerUrlSchema.safeParse(good).success, good).toBe(true);
    }
    for (const bad of ['ws://pbx.example.com', 'ws://10.0.0.5:8080', 'https://pbx.example.com', 'wss://u:p@pbx.example.com', 'pbx', 'ws://127.0.0.1.evil.com']) {
      expect(sipServerUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(setSipServersRequest.safeParse({ urls: Array(9).fill('wss://a.example') }).success).toBe(false);
  });

  it('refuses unknown secret keys, empty values and extra fields', () => {
    expect(secretsSetRequest.safeParse({ key: 'sip.password', value: 'x' }).success).toBe(true);
    expect(secretsSetRequest.safeParse({ key: 'sip.user', value: 'x' }).success).toBe(false);
    expect(secretsSetRequest.safeParse({ key: 'sip.password', value: '' }).success).toBe(false);
    expect(secretsSetRequest.safeParse({ key: 'sip.password', value: 'x', note: 1 }).success).toBe(false);
  });

  it('limits chunks to 4 MiB of Uint8Array', () => {
    const ok4 = writeChunkRequest.safeParse({ exportId: 'abcdefgh', seq: 0, bytes: new Uint8Array(MAX_EXPORT_CHUNK_BYTES) });
    expect(ok4.success).toBe(true);
    const over = writeChunkRequest.safeParse({ exportId: 'abcdefgh', seq: 0, bytes: new Uint8Array(MAX_EXPORT_CHUNK_BYTES + 1) });
    expect(over.success).toBe(false);
    expect(writeChunkRequest.safeParse({ exportId: 'abcdefgh', seq: 0, bytes: new ArrayBuffer(4) }).success).toBe(false);
    expect(writeChunkRequest.safeParse({ exportId: 'abcdefgh', seq: 0, bytes: 'abc' }).success).toBe(false);
  });

  it('knows the page sizes', () => {
    for (const pageSize of ['A4', 'A5', 'A6', 'Letter']) {
      expect(printToPdfRequest.safeParse({ html: '<p/>', pageSize }).success).toBe(true);
    }
    expect(printToPdfRequest.safeParse({ html: '<p/>', pageSize: 'Legal' }).success).toBe(false);
  });

  it('describes zod errors as "field: why"', () => {
    const parsed = z.strictObject({ key: z.string(), n: z.number() }).safeParse({ key: 1, x: 2 });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodError(parsed.error)).toMatch(/^key: .*; n: .*; \(request\): Unrecognized key: "x"$/);
  });
});

describe('dispatchBridgeCall', () => {
  const spec = bridgeContract.secrets.get;

  it('answers invalid-request without calling the handler', async () => {
    let called = false;
    const result = await dispatchBridgeCall('secrets.get', spec, async () => {
      called = true;
      return ok({ value: null });
    }, { key: 'nope' });
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toContain('secrets.get: key:');
  });

  it('turns a throwing handler into internal', async () => {
    const result = await dispatchBridgeCall('secrets.get', spec, async () => {
      throw new Error('boom');
    }, { key: 'sip.password' });
    expect(result).toEqual(fail('internal', 'secrets.get failed unexpectedly: boom'));
  });

  it('turns an answer outside the response schema into internal', async () => {
    const result = await dispatchBridgeCall('secrets.get', spec, async () => ok({ value: 42 }), { key: 'sip.password' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes handler errors through unchanged', async () => {
    const result = await dispatchBridgeCall('secrets.get', spec, async () => fail('secrets-unavailable', 'no keyring'), {
      key: 'sip.password',
    });
    expect(result).toEqual(fail('secrets-unavailable', 'no keyring'));
  });

  it('bindBridgeHandlers refuses an incomplete handler set', () => {
    expect(() => bindBridgeHandlers({ app: {} } as never)).toThrow(/no handler for app.info/);
  });
});

describe('setSipServers refuses addresses that would break the CSP', () => {
  it.each(['wss://pbx.example.com;sandbox', 'wss://pbx.example.com;script-src-elem', 'wss://*', 'wss://pbx.example.com/a b'])('%s', (url) => {
    expect(sipServerUrlSchema.safeParse(url).success).toBe(false);
    expect(setSipServersRequest.safeParse({ urls: [url] }).success).toBe(false);
  });
});

describe('print document size is counted in UTF-8 bytes, not characters', () => {
  it('counts bytes like TextEncoder does', () => {
    for (const text of ['abc', 'é', '张三', '😀x', '\ud800', 'a\udc00b']) {
      expect(utf8ByteLength(text), text).toBe(new TextEncoder().encode(text).byteLength);
    }
  });

  it('refuses a Chinese document over the byte limit that is well under it in characters', () => {
    const chars = Math.floor(MAX_PRINT_HTML_BYTES / 3) + 1; // one character more than fits, in bytes
    const html = '张'.repeat(chars);
    expect(html.length).toBeLessThan(MAX_PRINT_HTML_BYTES / 2);
    for (const schema of [printToPdfRequest, printPageRequest]) {
      const parsed = schema.safeParse({ html });
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues)).toContain('bytes');
    }
    expect(printPageRequest.safeParse({ html: '张'.repeat(chars - 1) }).success).toBe(true);
  });
});
