// Writes an archive bundle (shared/archive/bundleFormat.ts) as a stream of ZIP chunks: each table is read in
// key-ordered pages (one short read transaction each, so the desk keeps working and memory stays bounded),
// turned into JSON lines and CSV, hashed while it streams, and compressed by fflate. The manifest comes last,
// when every file's checksum is known. Nothing here writes to the database; the caller saves the chunks
// through the bridge (renderer/platform/saveExportStream.ts), which removes a partial file on cancel.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_PATH, csvPath, jsonLine, jsonlPath, type BundleFile, type BundleManifest } from '@shared/archive/bundleFormat';
import { csvLine } from '@shared/formats/csv';
import { formatIsoWeek, type IsoWeek } from '@shared/archive/weeklyVolume';
import { ImportCancelledError } from '@shared/errors/importCancelled';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { CURRENT_SCHEMA_VERSION } from '../schemaHistory';
import { ARCHIVE_TABLES, csvColumns, type ArchiveTable } from './tableSchemas';

export interface ExportProgress {
  table: ArchiveTable;
  /** Rows read so far over all tables (each table is read twice: JSON lines, then CSV). */
  rowsDone: number;
  rowsTotal: number;
}

export interface BundleOptions {
  appVersion: string;
  tables?: readonly ArchiveTable[];
  /** Rows created in [from, to); null or absent for everything. */
  range?: { from: number; to: number } | null;
  /** Also write a CSV per table for people (default on). */
  csv?: boolean;
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** The main process's scheduled backup (renderer/features/archive/backupRunner.ts), not a person's export. */
  scheduledBackup?: boolean;
  now?: number;
  /**
   * The weekly phone-record volumes to add as PDFs (`volumes/<week>.pdf`, listed in the manifest with their
   * SHA-256; `rows` is the number of calls the volume holds). The PDF is rendered by the caller: the print
   * document is the archive feature's, the PDF the bridge's (print.toPdf).
   */
  volumes?: { weeks: readonly IsoWeek[]; render: (week: IsoWeek) => Promise<{ bytes: Uint8Array; calls: number }> };
}

export interface BundleResult {
  manifest: BundleManifest;
}

export function volumePath(week: IsoWeek): string {
  return `volumes/${formatIsoWeek(week)}.pdf`;
}

const encoder = new TextEncoder();

export function csvValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One table's rows in primary-key order, a page per read transaction. */
export async function* pagesOf(db: FrontDeskDatabase, table: ArchiveTable, pageSize: number, range: BundleOptions['range']): AsyncGenerator<Record<string, unknown>[]> {
  let after: string | undefined;
  for (;;) {
    const collection = after === undefined ? db.table(table).orderBy(':id') : db.table(table).where(':id').above(after);
    const page = (await collection.limit(pageSize).toArray()) as Record<string, unknown>[];
    if (page.length === 0) return;
    after = String(page[page.length - 1]!.id);
    yield range ? page.filter((row) => typeof row.createdAt === 'number' && row.createdAt >= range.from && row.createdAt < range.to) : page;
    if (page.length < pageSize) return;
  }
}

/**
 * The bundle as ZIP chunks. `result.manifest` is filled in once the generator has finished. Aborting the
 * signal throws ImportCancelledError between pages.
 */
export function archiveBundle(db: FrontDeskDatabase, options: BundleOptions): { chunks: AsyncGenerator<Uint8Array>; result: Promise<BundleResult> } {
  // Exports are a supervisor's (shared/auth/permissions.ts): refused before anything is read.
  // A scheduled backup is the desk's own duty, written only to the folder a supervisor set in main; any
  // other export needs the export permission.
  if (!options.scheduledBackup) db.access.assertAction('export');
  let resolveResult!: (result: BundleResult) => void;
  let rejectResult!: (error: unknown) => void;
  const result = new Promise<BundleResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  result.catch(() => undefined);

  async function* generate(): AsyncGenerator<Uint8Array> {
    const tables = options.tables ?? ARCHIVE_TABLES;
    const pageSize = options.pageSize ?? 2000;
    const withCsv = options.csv !== false;
    const range = options.range ?? null;
    const out: Uint8Array[] = [];
    let zipError: unknown;
    const zip = new Zip((error, chunk) => {
      if (error) zipError = error;
      else out.push(chunk);
    });
    const drain = function* () {
      if (zipError) throw zipError;
      while (out.length > 0) yield out.shift()!;
    };
    const files: BundleFile[] = [];
    const totals = await Promise.all(tables.map((table) => db.table(table).count()));
    const rowsTotal = totals.reduce((sum, n) => sum + n, 0) * (withCsv ? 2 : 1);
    let rowsDone = 0;

    const writeFile = async function* (path: string, kind: 'jsonl' | 'csv', table: ArchiveTable, lines: (rows: Record<string, unknown>[]) => string, header?: string) {
      const entry = new ZipDeflate(path, { level: 6 });
      zip.add(entry);
      const hash = sha256.create();
      let bytes = 0;
      let rows = 0;
      const push = (text: string) => {
        const data = encoder.encode(text);
        hash.update(data);
        bytes += data.byteLength;
        entry.push(data, false);
      };
      if (header !== undefined) push(header);
      for await (const page of pagesOf(db, table, pageSize, range)) {
        if (options.signal?.aborted) throw new ImportCancelledError();
        if (page.length > 0) push(lines(page));
        rows += page.length;
        rowsDone += page.length;
        options.onProgress?.({ table, rowsDone, rowsTotal });
        yield* drain();
      }
      entry.push(new Uint8Array(0), true);
      files.push({ path, kind, table, rows, bytes, sha256: bytesToHex(hash.digest()) });
      yield* drain();
    };

    try {
      for (const table of tables) {
        yield* writeFile(jsonlPath(table), 'jsonl', table, (page) => page.map(jsonLine).join(''));
        if (withCsv) {
          const columns = csvColumns(table);
          // A byte-order mark so spreadsheet programs read Chinese text; CRLF lines (shared/formats/csv.ts).
          yield* writeFile(csvPath(table), 'csv', table, (page) => page.map((row) => `${csvLine(columns.map((c) => csvValue(row[c])))}\r\n`).join(''), `\uFEFF${csvLine(columns)}\r\n`);
        }
      }
      for (const week of options.volumes?.weeks ?? []) {
        if (options.signal?.aborted) throw new ImportCancelledError();
        const { bytes, calls } = await options.volumes!.render(week);
        const path = volumePath(week);
        // A PDF is compressed already: stored as it is.
        const entry = new ZipPassThrough(path);
        zip.add(entry);
        entry.push(bytes, true);
        files.push({ path, kind: 'pdf', rows: calls, bytes: bytes.byteLength, sha256: bytesToHex(sha256(bytes)) });
        yield* drain();
      }
      const manifest: BundleManifest = {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        appVersion: options.appVersion,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        createdAt: options.now ?? Date.now(),
        deskId: db.desk.deskId,
        range,
        files,
      };
      const manifestEntry = new ZipDeflate(MANIFEST_PATH, { level: 6 });
      zip.add(manifestEntry);
      manifestEntry.push(encoder.encode(JSON.stringify(manifest, null, 2)), true);
      zip.end();
      yield* drain();
      resolveResult({ manifest });
    } catch (error) {
      zip.terminate();
      rejectResult(error);
      throw error;
    }
  }

  return { chunks: generate(), result };
}
