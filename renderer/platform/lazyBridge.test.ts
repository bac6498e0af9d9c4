// The browser stand-in validates through shared/bridge/dispatch.ts, loaded on the first call
// (renderer/platform/lazyBridge.ts). Loading it late must not weaken it: a request outside its schema never
// reaches the handler, and an answer outside its schema is refused, not handed to the caller.
import { describe, expect, it, vi } from 'vitest';
import type { BridgeHandlers } from '@shared/bridge/contract';
import { fail, ok } from '@shared/bridge/result';
import { bindBridgeHandlersLazily } from './lazyBridge';

/** Every method answers 'unsupported' unless a test gives it a body. */
function handlersWith(overrides: { app?: Partial<BridgeHandlers['app']>; secrets?: Partial<BridgeHandlers['secrets']> }): BridgeHandlers {
  const unsupported = async () => fail('unsupported', 'not in this test');
  const domain = <T extends object>(names: readonly string[], given: Partial<T> = {}) =>
    Object.fromEntries(names.map((name) => [name, (given as Record<string, unknown>)[name] ?? unsupported])) as T;
  return {
    app: domain(['info', 'setSipServers', 'setSyncServer'], overrides.app),
    secrets: domain(['get', 'set', 'delete'], overrides.secrets),
    files: domain(['beginExport', 'writeChunk', 'finishExport', 'abortExport']),
    backup: domain(['status', 'chooseFolder', 'setSchedule', 'begin', 'finish', 'recordFailure', 'list']),
    print: domain(['toPdf', 'page']),
  };
}

describe('lazily loaded bridge validation', () => {
  it('refuses an answer outside its schema: the caller gets internal, never the bad value', async () => {
    const info = vi.fn(async () => ok({ appVersion: 1, platform: 'toaster' }) as never);
    const bridge = bindBridgeHandlersLazily(handlersWith({ app: { info } }));
    const result = await bridge.app.info();
    expect(info).toHaveBeenCalledOnce();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toMatch(/app\.info answered outside its schema/);
    expect(JSON.stringify(result)).not.toContain('toaster');
  });

  it('refuses a request outside its schema before the handler runs, on the very first call', async () => {
    const set = vi.fn(async () => ok({ stored: true as const }));
    const bridge = bindBridgeHandlersLazily(handlersWith({ secrets: { set } }));
    const result = await bridge.secrets.set({ key: 'not.a.key' as 'sip.password', value: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(set).not.toHaveBeenCalled();
  });

  it('passes a good answer through unchanged', async () => {
    const get = vi.fn(async () => ok({ value: 'pw' }));
    const bridge = bindBridgeHandlersLazily(handlersWith({ secrets: { get } }));
    expect(await bridge.secrets.get({ key: 'sip.password' })).toEqual({ ok: true, value: { value: 'pw' } });
  });

  it('refuses to bind when a handler is missing, at once (not at the first call)', () => {
    const handlers = handlersWith({});
    delete (handlers.print as unknown as Record<string, unknown>).page;
    expect(() => bindBridgeHandlersLazily(handlers)).toThrow('no handler for print.page');
  });
});
