// The rows of a bundle's JSON-lines files, streamed in batches (restore and retention read them the same
// way): each file's lines are parsed as they arrive and its SHA-256 is checked against the manifest when the
// file ends, so a batch handed over before a damaged file's end is undone by the caller (nothing is applied
// until the whole bundle has been read).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { BundleManifest } from '@shared/archive/bundleFormat';
import { ImportCancelledError } from '@shared/errors/importCancelled';
import { readEntries, type BundleSource, type ReadOptions } from './readBundle';
import { isArchiveTable, type ArchiveTable } from './tableSchemas';

export type BundleRow = { line: number; row: Record<string, unknown> };

export class BundleRowsError extends Error {
  constructor(readonly problem: 'checksum' | 'invalidRow' | 'unknownTable' | 'notJson', readonly table?: string, readonly line?: number, readonly detail?: string) {
    super(`${problem}${table ? ` in ${table}` : ''}${line ? ` line ${line}` : ''}`);
    this.name = 'BundleRowsError';
  }
}

export async function streamBundleRows(
  source: BundleSource,
  manifest: BundleManifest,
  onBatch: (table: ArchiveTable, batch: BundleRow[]) => Promise<void>,
  options: ReadOptions & { batchSize?: number } = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  const expected = new Map(manifest.files.filter((f) => f.kind === 'jsonl').map((f) => [f.path, f]));
  const state = new Map<string, { decoder: TextDecoder; rest: string; line: number; hash: ReturnType<typeof sha256.create>; batch: BundleRow[] }>();
  await readEntries(
    source,
    async ({ name, chunk, final }) => {
      if (!name.startsWith('tables/')) return;
      const table = name.slice('tables/'.length).replace(/\.jsonl$/, '');
      if (!isArchiveTable(table)) throw new BundleRowsError('unknownTable', table);
      let file = state.get(name);
      if (!file) {
        file = { decoder: new TextDecoder('utf-8', { fatal: true }), rest: '', line: 0, hash: sha256.create(), batch: [] };
        state.set(name, file);
      }
      file.hash.update(chunk);
      let text: string;
      try {
        text = file.rest + file.decoder.decode(chunk, { stream: !final });
      } catch {
        throw new BundleRowsError('notJson', table, file.line + 1);
      }
      const lines = text.split('\n');
      file.rest = final ? '' : lines.pop()!;
      for (const raw of lines) {
        if (raw === '') continue;
        file.line += 1;
        let row: unknown;
        try {
          row = JSON.parse(raw);
        } catch {
          throw new BundleRowsError('notJson', table, file.line);
        }
        if (!row || typeof row !== 'object' || typeof (row as { id?: unknown }).id !== 'string') throw new BundleRowsError('invalidRow', table, file.line, 'id');
        file.batch.push({ line: file.line, row: row as Record<string, unknown> });
        if (file.batch.length >= batchSize) {
          if (options.signal?.aborted) throw new ImportCancelledError();
          await onBatch(table, file.batch.splice(0));
        }
      }
      if (final) {
        await onBatch(table, file.batch.splice(0));
        const promised = expected.get(name);
        if (!promised || promised.sha256 !== bytesToHex(file.hash.digest())) throw new BundleRowsError('checksum', table);
      }
    },
    options,
  );
}
