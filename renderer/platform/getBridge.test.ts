import { afterEach, describe, expect, it } from 'vitest';
import { createBrowserBridge } from './browserBridge';
import { createElectronBridge } from './electronBridge';
import { getBridge, resetBridgeForTests } from './index';

afterEach(() => {
  delete (window as { frontdesk?: unknown }).frontdesk;
  resetBridgeForTests();
});

describe('getBridge', () => {
  it('falls back to the browser stand-in when there is no preload', async () => {
    const info = await getBridge().app.info();
    expect(info.ok && info.value.platform).toBe('browser');
  });

  it('uses window.frontdesk when the preload exposed it', async () => {
    const exposed = createBrowserBridge({ appVersion: 'from-preload' });
    Object.defineProperty(window, 'frontdesk', { value: exposed, configurable: true });
    expect(getBridge()).toBe(exposed);
  });

  it('fails loudly on an incomplete window.frontdesk', () => {
    expect(() => createElectronBridge({ app: { info: () => undefined } })).toThrow(/missing app.setSipServers/);
    expect(() => createElectronBridge(undefined)).toThrow(/incomplete/);
  });
});
