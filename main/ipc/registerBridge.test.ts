import { describe, expect, it, vi } from 'vitest';
import type { BridgeHandlers } from '@shared/bridge/contract';
import { listBridgeMethods } from '@shared/bridge/contract';
import { ok } from '@shared/bridge/result';
import type { IpcSenderEvent } from '../security/ipcSender';
import { registerBridgeHandlers } from './registerBridge';

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>;

function setup(overrides: Partial<Record<string, unknown>> = {}) {
  const registered = new Map<string, Listener>();
  const ipcMain = { handle: vi.fn((ch: string, l: Listener) => void registered.set(ch, l)), removeHandler: vi.fn((ch: string) => void registered.delete(ch)) };
  const get = vi.fn(async () => ok({ value: 'pw' }));
  const stub = async () => ok({});
  const handlers = {
    app: { info: stub, setSipServers: stub, setSyncServer: stub },
    secrets: { get, set: stub, delete: stub, ...overrides },
    files: { beginExport: stub, writeChunk: stub, finishExport: stub, abortExport: stub },
    backup: { status: stub, chooseFolder: stub, setSchedule: stub, begin: stub, finish: stub, recordFailure: stub, list: stub },
    print: { toPdf: stub, page: stub },
  } as unknown as BridgeHandlers;
  const unregister = registerBridgeHandlers(ipcMain, handlers);
  const call = (url: string | null, channel: string, ...args: unknown[]) =>
    registered.get(channel)!({ senderFrame: url === null ? null : { url } }, ...args);
  return { registered, ipcMain, get, call, unregister };
}

const APP = 'app://frontdesk/index.html';

describe('registerBridgeHandlers', () => {
  it('registers exactly one handler per contract method, on its own channel', () => {
    const { registered, unregister, ipcMain } = setup();
    expect([...registered.keys()].sort()).toEqual(listBridgeMethods().map((m) => m.channel).sort());
    unregister();
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(listBridgeMethods().length);
  });

  it('refuses senders outside app://frontdesk before looking at the payload (checklist #17)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { call, get } = setup();
    for (const url of [null, 'https://evil.example/', 'file:///index.html', 'app://frontdeskx/']) {
      expect(await call(url, 'fd:secrets.get', { key: 'sip.password' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(get).not.toHaveBeenCalled();
    expect(await call(APP, 'fd:secrets.get', { key: 'sip.password' })).toEqual({ ok: true, value: { value: 'pw' } });
  });

  it('refuses extra arguments and malformed payloads without calling the handler', async () => {
    const { call, get } = setup();
    expect(await call(APP, 'fd:secrets.get', { key: 'sip.password' }, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call(APP, 'fd:secrets.get', { key: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('key') } });
    expect(get).not.toHaveBeenCalled();
  });

  it('wraps a throwing handler into internal, and main keeps answering', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { call } = setup({ set: async () => { throw new Error('disk on fire'); } });
    await expect(call(APP, 'fd:secrets.set', { key: 'sip.password', value: 'x' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('disk on fire') },
    });
    expect(await call(APP, 'fd:secrets.get', { key: 'sip.password' })).toMatchObject({ ok: true });
  });
});
