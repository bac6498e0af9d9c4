import { describe, expect, it, vi } from 'vitest';
import type { FrontDeskBridge } from '@shared/bridge/contract';
import { fail } from '@shared/bridge/result';
import { createBrowserBridge } from './browserBridge';
import { saveExportStream } from './saveExportStream';

const enc = (text: string) => new TextEncoder().encode(text);

async function* rows(count: number) {
  for (let i = 0; i < count; i++) yield enc(`row ${i}\n`);
}

function spiedBridge() {
  const downloads: Blob[] = [];
  const real = createBrowserBridge({ triggerDownload: (blob) => void downloads.push(blob) });
  // The bridge is frozen (page scripts cannot patch it), so the spies wrap it instead of patching it.
  const files = {
    beginExport: vi.fn(real.files.beginExport),
    writeChunk: vi.fn(real.files.writeChunk),
    finishExport: vi.fn(real.files.finishExport),
    abortExport: vi.fn(real.files.abortExport),
  };
  const bridge = { ...real, files } as FrontDeskBridge;
  return { bridge, files, downloads, abort: files.abortExport };
}

describe('saveExportStream', () => {
  it('begins, writes every chunk in order with progress, and finishes', async () => {
    const { bridge, downloads } = spiedBridge();
    const progress: number[] = [];
    const outcome = await saveExportStream(bridge, 'log.txt', 'text/plain', rows(3), { onProgress: (n) => progress.push(n) });
    expect(outcome).toEqual({ status: 'saved', result: { saved: 'download', fileName: 'log.txt', bytesWritten: 18 } });
    expect(progress).toEqual([6, 12, 18]);
    expect(await downloads[0]?.text()).toBe('row 0\nrow 1\nrow 2\n');
  });

  it('splits chunks above the limit', async () => {
    const { bridge, files } = spiedBridge();
    const write = files.writeChunk;
    const outcome = await saveExportStream(bridge, 'a.bin', 'application/octet-stream', [new Uint8Array(10)], { chunkBytes: 4 });
    expect(outcome.status).toBe('saved');
    expect(write.mock.calls.map(([r]) => [r.seq, r.bytes.byteLength])).toEqual([[0, 4], [1, 4], [2, 2]]);
  });

  it('cancels through an AbortSignal and aborts the export', async () => {
    const { bridge, downloads, abort } = spiedBridge();
    const controller = new AbortController();
    async function* slow() {
      yield enc('first');
      controller.abort();
      yield enc('second');
    }
    const outcome = await saveExportStream(bridge, 'x.csv', 'text/csv', slow(), { signal: controller.signal });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(abort).toHaveBeenCalledOnce();
    expect(downloads).toHaveLength(0);
  });

  it('does not even begin with an already-aborted signal', async () => {
    const { bridge, files } = spiedBridge();
    const begin = files.beginExport;
    expect(await saveExportStream(bridge, 'x.csv', 'text/csv', rows(1), { signal: AbortSignal.abort() })).toEqual({ status: 'cancelled' });
    expect(begin).not.toHaveBeenCalled();
  });

  it('reports a dismissed save dialog as cancelled', async () => {
    const bridge = { files: { beginExport: async () => fail('cancelled', 'dismissed') } } as unknown as FrontDeskBridge;
    expect(await saveExportStream(bridge, 'x.csv', 'text/csv', rows(1))).toEqual({ status: 'cancelled' });
  });

  it('aborts and reports the error when a write fails', async () => {
    const { bridge, files, abort } = spiedBridge();
    files.writeChunk.mockResolvedValueOnce(fail('io-error', 'disk full'));
    const outcome = await saveExportStream(bridge, 'x.csv', 'text/csv', rows(2));
    expect(outcome).toEqual({ status: 'failed', error: { code: 'io-error', message: 'disk full' } });
    expect(abort).toHaveBeenCalledOnce();
  });

  it('aborts and rethrows when the data source fails', async () => {
    const { bridge, abort } = spiedBridge();
    async function* broken() {
      yield enc('ok');
      throw new Error('IndexedDB read failed');
    }
    await expect(saveExportStream(bridge, 'x.csv', 'text/csv', broken())).rejects.toThrow('IndexedDB read failed');
    expect(abort).toHaveBeenCalledOnce();
  });
});
