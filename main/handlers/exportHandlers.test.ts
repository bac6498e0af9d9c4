import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExportHandlers } from './exportHandlers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fd-export-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

describe('streamed exports', () => {
  it('asks where to save, writes a hidden temp file beside the target, renames on finish', async () => {
    const target = path.join(dir, 'chosen', 'calls-2025-W01.csv');
    await fs.mkdir(path.dirname(target));
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }));
    const files = createExportHandlers({ defaultDirectory: dir, showSaveDialog });
    const begun = await files.beginExport({ suggestedName: 'calls.csv', mimeType: 'text/csv' });
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join(dir, 'calls.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }, { name: 'All files', extensions: ['*'] }],
    });
    if (!begun.ok) throw new Error(begun.error.message);
    const { exportId } = begun.value;
    await files.writeChunk({ exportId, seq: 0, bytes: bytes('a,b\n') });
    const during = await fs.readdir(path.dirname(target));
    expect(during).toEqual([`.calls-2025-W01.csv.${exportId}.part`]);
    expect(await files.finishExport({ exportId })).toEqual({ ok: true, value: { saved: 'file', path: target, bytesWritten: 4 } });
    expect(await fs.readdir(path.dirname(target))).toEqual(['calls-2025-W01.csv']);
    expect(await fs.readFile(target, 'utf8')).toBe('a,b\n');
  });

  it('answers cancelled when the user dismisses the dialog', async () => {
    const files = createExportHandlers({ defaultDirectory: dir, showSaveDialog: async () => ({ canceled: true }) });
    expect(await files.beginExport({ suggestedName: 'x.csv', mimeType: 'text/csv' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('answers io-error when the folder is not writable', async () => {
    const files = createExportHandlers({ defaultDirectory: dir, showSaveDialog: async () => ({ canceled: false, filePath: path.join(dir, 'missing', 'x.csv') }) });
    expect(await files.beginExport({ suggestedName: 'x.csv', mimeType: 'text/csv' })).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });

  it('limits open exports and abortAll removes every partial file', async () => {
    let n = 0;
    const files = createExportHandlers({ defaultDirectory: dir, showSaveDialog: async () => ({ canceled: false, filePath: path.join(dir, `f${n++}.bin`) }) });
    for (let i = 0; i < 8; i++) expect((await files.beginExport({ suggestedName: 'f.bin', mimeType: 'application/zip' })).ok).toBe(true);
    expect(await files.beginExport({ suggestedName: 'f.bin', mimeType: 'application/zip' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await fs.readdir(dir)).length).toBe(8);
    await files.abortAll();
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
