import { describe, expect, it, vi } from 'vitest';
import { listBridgeMethods } from '@shared/bridge/contract';

const electron = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: {} }) as unknown),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]) },
  ipcRenderer: { invoke: electron.invoke, send: vi.fn(), on: vi.fn() },
}));

await import('./preload');
// Recorded in a plain array: vitest clears vi.fn() call history before each test.
const [[key, api]] = electron.exposed as [[string, Record<string, Record<string, unknown>>]];

describe('preload (checklist #3/#20: expose named methods only, never ipcRenderer)', () => {
  it('exposes one object, window.frontdesk', () => {
    expect(electron.exposed).toHaveLength(1);
    expect(key).toBe('frontdesk');
  });

  it('has exactly the contract methods, grouped by domain, all functions', () => {
    const exposed = Object.entries(api).flatMap(([domain, methods]) =>
      Object.entries(methods).map(([name, fn]) => `${domain}.${name}:${typeof fn}`),
    );
    expect(exposed.sort()).toEqual(listBridgeMethods().map((m) => `${m.domain}.${m.method}:function`).sort());
  });

  it('has no generic invoke/send/on and no ipcRenderer anywhere', () => {
    const names = JSON.stringify(Object.entries(api).map(([d, m]) => [d, Object.keys(m)]));
    expect(names).not.toMatch(/invoke|send|"on"|ipc|require|process/i);
  });

  it('sends each method on its own channel, forwarding one argument at most', async () => {
    await (api.secrets!.get as (r: unknown, extra?: unknown) => Promise<unknown>)({ key: 'sip.password' }, 'ignored');
    expect(electron.invoke).toHaveBeenLastCalledWith('fd:secrets.get', { key: 'sip.password' });
    await (api.app!.info as () => Promise<unknown>)();
    expect(electron.invoke).toHaveBeenLastCalledWith('fd:app.info');
  });

  it('answers invalid-request instead of throwing when IPC cannot clone the payload', async () => {
    electron.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    const result = await (api.secrets!.set as (r: unknown) => Promise<unknown>)({ key: 'sip.password', value: () => 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('could not be cloned') } });
  });
});
