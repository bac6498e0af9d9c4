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

  it('serialises writes per export: a second write with the same seq is refused, not written twice', async () => {
    const target = path.join(dir, 'twice.csv');
    const files = createExportHandlers({ defaultDirectory: dir, showSaveDialog: async () => ({ canceled: false, filePath: target }) });
    const begun = await files.beginExport({ suggestedName: 'twice.csv', mimeType: 'text/csv' });
    if (!begun.ok) throw new Error(begun.error.message);
    const { exportId } = begun.value;
    const [a, b] = await Promise.all([
      files.writeChunk({ exportId, seq: 0, bytes: bytes('first\n') }),
      files.writeChunk({ exportId, seq: 0, bytes: bytes('again\n') }),
    ]);
    expect(a).toEqual({ ok: true, value: { bytesWritten: 6 } });
    expect(b).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('expected 1') } });
    // Writes in order from many concurrent calls land in order.
    const results = await Promise.all([1, 2, 3].map((seq) => files.writeChunk({ exportId, seq, bytes: bytes(`${seq}\n`) })));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await files.finishExport({ exportId })).toMatchObject({ ok: true, value: { bytesWritten: 12 } });
    expect(await fs.readFile(target, 'utf8')).toBe('first\n1\n2\n3\n');
  });

  it('counts an export against the limit before awaiting the save dialog (30 concurrent begins open 8)', async () => {
    let n = 0;
    const dialogs: Array<() => void> = [];
    const files = createExportHandlers({
      defaultDirectory: dir,
      showSaveDialog: () => new Promise((resolve) => dialogs.push(() => resolve({ canceled: false, filePath: path.join(dir, `c${n++}.bin`) }))),
    });
    const begins = Array.from({ length: 30 }, () => files.beginExport({ suggestedName: 'c.bin', mimeType: 'application/zip' }));
    await vi.waitFor(() => expect(dialogs).toHaveLength(8));
    for (const open of dialogs) open();
    const results = await Promise.all(begins);
    expect(results.filter((r) => r.ok)).toHaveLength(8);
    expect(results.filter((r) => !r.ok && r.error.code === 'invalid-request')).toHaveLength(22);
    expect(await fs.readdir(dir)).toHaveLength(8);
    await files.abortAll();
  });

  it('frees the reserved slot when the dialog is cancelled or the temp file cannot be created', async () => {
    let answer: { canceled: boolean; filePath?: string } = { canceled: true };
    const files = createExportHandlers({ defaultDirectory: dir, showSaveDialog: async () => answer });
    for (let i = 0; i < 10; i++) expect((await files.beginExport({ suggestedName: 'x.csv', mimeType: 'text/csv' })).ok).toBe(false);
    answer = { canceled: false, filePath: path.join(dir, 'missing', 'x.csv') };
    for (let i = 0; i < 10; i++) expect((await files.beginExport({ suggestedName: 'x.csv', mimeType: 'text/csv' })).ok).toBe(false);
    answer = { canceled: false, filePath: path.join(dir, 'ok.csv') };
    expect((await files.beginExport({ suggestedName: 'x.csv', mimeType: 'text/csv' })).ok).toBe(true);
    await files.abortAll();
  });

  it('creates the temp file exclusively (never over an existing file) and readable by the user only', async () => {
    const target = path.join(dir, 'private.csv');
    const files = createExportHandlers({ defaultDirectory: dir, showSaveDialog: async () => ({ canceled: false, filePath: target }) });
    const open = vi.spyOn(fs, 'open');
    try {
      const begun = await files.beginExport({ suggestedName: 'private.csv', mimeType: 'text/csv' });
      if (!begun.ok) throw new Error(begun.error.message);
      expect(open).toHaveBeenCalledWith(expect.stringMatching(/\.part$/), 'wx', 0o600);
      const [part] = await fs.readdir(dir);
      if (process.platform !== 'win32') expect((await fs.stat(path.join(dir, part!))).mode & 0o077).toBe(0);
    } finally {
      open.mockRestore();
      await files.abortAll();
    }
  });

  it('removes the temp file when finishing fails', async () => {
    const target = path.join(dir, 'fails.csv');
    const files = createExportHandlers({ defaultDirectory: dir, showSaveDialog: async () => ({ canceled: false, filePath: target }) });
    const begun = await files.beginExport({ suggestedName: 'fails.csv', mimeType: 'text/csv' });
    if (!begun.ok) throw new Error(begun.error.message);
    await files.writeChunk({ exportId: begun.value.exportId, seq: 0, bytes: bytes('x') });
    const rename = vi.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' }));
    try {
      expect(await files.finishExport({ exportId: begun.value.exportId })).toMatchObject({ ok: false, error: { code: 'io-error' } });
    } finally {
      rename.mockRestore();
    }
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
