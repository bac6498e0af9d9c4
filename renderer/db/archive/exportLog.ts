// One log (visits, calls with their notes, messages, the audit log …) exported on its own, for a date range,
// as JSON lines or as CSV, outside any bundle (issue 12, "Exports"). Read in key-ordered pages like the
// bundle (exportBundle.ts), so memory stays bounded; the caller streams the chunks through the bridge
// (renderer/platform/saveExportStream.ts), which removes a partial file on cancel or failure.
import { jsonLine } from '@shared/archive/bundleFormat';
import { csvLine } from '@shared/formats/csv';
import { ImportCancelledError } from '@shared/errors/importCancelled';
import type { CallNote } from '@shared/domain/switchboard';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { writePathOf, type WriteContext } from '../writePath';
import { csvValue, pagesOf, type ExportProgress } from './exportBundle';
import { csvColumns, type ArchiveTable } from './tableSchemas';

export type LogFormat = 'jsonl' | 'csv';

export interface LogExportOptions {
  table: ArchiveTable;
  format: LogFormat;
  /** Rows created in [from, to); null or absent for everything. */
  range?: { from: number; to: number } | null;
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

/** The note fields a call's CSV line carries (the JSON line carries the whole note as `note`). */
const NOTE_COLUMNS = ['callerName', 'company', 'phone', 'category', 'reason', 'important'] as const;

const encoder = new TextEncoder();

/**
 * The file's lines as UTF-8 chunks, a page at a time, and the count of rows written so far. Refused before
 * anything is read without the export permission.
 */
export function exportLog(db: FrontDeskDatabase, options: LogExportOptions): { chunks: AsyncGenerator<Uint8Array>; rows: () => number } {
  db.access.assertAction('export');
  db.access.assertRead(options.table);
  if (options.table === 'calls') db.access.assertRead('callNotes');
  const { table, format } = options;
  const columns = csvColumns(table);
  const header = table === 'calls' ? [...columns, ...NOTE_COLUMNS.map((c) => `note.${c}`)] : columns;

  async function notesOf(calls: Record<string, unknown>[]): Promise<Map<string, CallNote>> {
    const notes = new Map<string, CallNote>();
    if (table !== 'calls' || calls.length === 0) return notes;
    const found = await db.callNotes.where('callId').anyOf(calls.map((c) => String(c.id))).toArray();
    for (const note of found.sort((a, b) => (a.id < b.id ? -1 : 1))) if (note.callId && note.deletedAt === undefined) notes.set(note.callId, note);
    return notes;
  }

  async function* generate(): AsyncGenerator<Uint8Array> {
    const rowsTotal = await db.table(table).count();
    let rowsDone = 0;
    exported = 0;
    // A byte-order mark so spreadsheet programs read Chinese text; cells neutralised by the shared CSV writer.
    if (format === 'csv') yield encoder.encode(`\uFEFF${csvLine(header)}\r\n`);
    for await (const page of pagesOf(db, table, options.pageSize ?? 2000, options.range ?? null)) {
      if (options.signal?.aborted) throw new ImportCancelledError();
      const notes = await notesOf(page);
      const lines = page.map((row) => {
        const note = notes.get(String(row.id));
        if (format === 'jsonl') return jsonLine(note ? { ...row, note } : row);
        const cells = columns.map((c) => csvValue(row[c]));
        if (table === 'calls') cells.push(...NOTE_COLUMNS.map((c) => csvValue(note?.[c])));
        return `${csvLine(cells)}\r\n`;
      });
      rowsDone += page.length;
      exported += lines.length;
      options.onProgress?.({ table, rowsDone, rowsTotal });
      if (lines.length > 0) yield encoder.encode(lines.join(''));
    }
  }
  let exported = 0;
  return { chunks: generate(), rows: () => exported };
}

/** The audit entry of a saved log export. */
export function auditLogExport(db: FrontDeskDatabase, table: ArchiveTable, format: LogFormat, fileName: string, rows: number, context: WriteContext = {}) {
  return writePathOf(db).audit({ action: 'export', summary: `log ${table} as ${format} ${fileName}: ${rows} rows`, entityTable: table, entityId: fileName.slice(0, 200) || 'log' }, context);
}
