import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserBridge } from './browserBridge';

afterEach(() => vi.restoreAllMocks());

describe('browser stand-in', () => {
  it('reports platform browser without PDF', async () => {
    const info = await createBrowserBridge().app.info();
    expect(info).toEqual({
      ok: true,
      value: { appVersion: '0.0.0-browser', platform: 'browser', secretStorage: 'memory', capabilities: { pdf: false, secureSecrets: true, fileSave: true, print: false } },
    });
  });

  it('keeps secrets in memory only: a new bridge (a reload) has none, and nothing is written to web storage', async () => {
    const first = createBrowserBridge();
    await first.secrets.set({ key: 'sip.password', value: 'pw' });
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(await createBrowserBridge().secrets.get({ key: 'sip.password' })).toEqual({ ok: true, value: { value: null } });
  });

  it('downloads a finished export with an <a download> and the right type', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:fake'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('parcels.csv');
      expect(this.href).toBe('blob:fake');
    });
    const bridge = createBrowserBridge();
    const begun = await bridge.files.beginExport({ suggestedName: 'parcels.csv', mimeType: 'text/csv' });
    if (!begun.ok) throw new Error('begin failed');
    await bridge.files.writeChunk({ exportId: begun.value.exportId, seq: 0, bytes: new TextEncoder().encode('a;b') });
    const finished = await bridge.files.finishExport({ exportId: begun.value.exportId });
    expect(finished).toEqual({ ok: true, value: { saved: 'download', fileName: 'parcels.csv', bytesWritten: 3 } });
    expect(click).toHaveBeenCalledOnce();
    expect(created[0]?.type).toBe('text/csv');
    expect(document.querySelectorAll('a[download]')).toHaveLength(0); // removed after the click
  });
});
