// Restores an archive bundle in two steps, so a failed, cancelled or interrupted restore changes nothing:
// 1. preview: the bundle is streamed (never held whole), every row checked against its table's schema and
//    compared with what is stored: new rows are copied into a staging table (`restoreStaging`, short
//    transactions), rows already stored identically are counted, rows stored differently are conflicts and are
//    left as they are (the stored version wins; the preview lists them). Nothing a screen reads changes.
// 2. apply: ONE transaction moves the staged rows into their tables, drops the staging rows and writes the
//    audit entry. IndexedDB commits it whole or not at all, so a reload half way leaves the database as it was.
// Leftover staging rows of a restore that never finished are discarded (`discardStagedRestores`).
import type { z } from 'zod';
import { canonicalJson } from '@shared/archive/canonicalJson';
import type { BundleManifest } from '@shared/archive/bundleFormat';
import type { FrontDeskDatabase, TableName } from '../FrontDeskDatabase';
import { newId } from '../ids';
import { DESK_ID_SETTING } from '../deskContext';
import { writePathOf, type WriteContext } from '../writePath';
import { bundleRowsNeedUpgrade, upgradeBundleRow, type RowUpgradeContext } from '../schemaHistory';
import { loadTextKeys } from '../textKeys';
import type { BundleSource, ReadOptions } from './readBundle';
import { BundleRowsError, streamBundleRows, type BundleRow } from './bundleRows';
import { ARCHIVE_SCHEMAS, ARCHIVE_TABLES, type ArchiveTable } from './tableSchemas';
import type { RestoreStagingRow } from './stagingSchema';

const BATCH = 500;

export interface TablePreview {
  added: number;
  identical: number;
  conflicts: number;
  /** Up to 20 ids of conflicting rows, for the preview. */
  conflictIds: string[];
}

export type RestorePreview =
  | { status: 'ready'; restoreId: string; tables: Partial<Record<ArchiveTable, TablePreview>>; added: number; identical: number; conflicts: number }
  | { status: 'refused'; problem: 'checksum' | 'invalidRow' | 'unknownTable' | 'notJson'; table?: string; line?: number; detail?: string };

export interface RestoreApplied {
  restoreId: string;
  added: number;
  /** Rows that became stored (by another write) between preview and apply and were therefore left alone. */
  skipped: number;
}

class Refusal extends Error {
  constructor(readonly refusal: Extract<RestorePreview, { status: 'refused' }>) {
    super(refusal.problem);
  }
}

/** Streams the bundle once more, stages the new rows and says what the restore would do. */
export async function previewRestore(db: FrontDeskDatabase, source: BundleSource, manifest: BundleManifest, options: ReadOptions & WriteContext = {}): Promise<RestorePreview> {
  db.access.assertAction('restore');
  const writes = writePathOf(db);
  const restoreId = newId();
  const tables: Partial<Record<ArchiveTable, TablePreview>> = {};
  // A bundle made by an older schema version: its rows take the same row steps the schema upgrades apply to
  // stored rows (renderer/db/schemaHistory.ts), before they are validated and compared with what is stored.
  // The department names the staff steps need come from the bundle (its departments come first) or this desk.
  const upgradeFrom = bundleRowsNeedUpgrade(manifest.schemaVersion) ? manifest.schemaVersion : undefined;
  const departmentNames = new Map<string, string>();
  // v10's notes take their call's start: from the bundle's calls (they come before the notes) or this desk's.
  const callStarts = new Map<string, number>();
  const upgradeContext: RowUpgradeContext | undefined =
    upgradeFrom === undefined ? undefined : { keys: await loadTextKeys(), departmentName: (id) => departmentNames.get(id), callStartedAt: (id) => callStarts.get(id) };
  const upgradeBatch = async (table: ArchiveTable, batch: BundleRow[]): Promise<BundleRow[]> => {
    if (upgradeFrom === undefined || !upgradeContext) return batch;
    if (table === 'staff') {
      const missing = [...new Set(batch.map((b) => b.row.departmentId).filter((id): id is string => typeof id === 'string' && !departmentNames.has(id)))];
      if (missing.length > 0) (await db.departments.bulkGet(missing)).forEach((d) => d && departmentNames.set(d.id, d.name));
    }
    if (table === 'callNotes' && upgradeFrom < 10) {
      const missing = [...new Set(batch.map((b) => b.row.callId).filter((id): id is string => typeof id === 'string' && !callStarts.has(id)))];
      if (missing.length > 0) (await db.calls.bulkGet(missing)).forEach((c) => c && callStarts.set(c.id, c.startedAt));
    }
    const upgraded = batch.map(({ line, row }) => ({ line, row: upgradeBundleRow(table, row, upgradeFrom, upgradeContext) }));
    if (table === 'calls' && upgradeFrom < 10) for (const { row } of upgraded) if (typeof row.startedAt === 'number') callStarts.set(String(row.id), row.startedAt);
    if (table === 'departments') for (const { row } of upgraded) departmentNames.set(String(row.id), String(row.name ?? ''));
    return upgraded;
  };

  const flushBatch = async (table: ArchiveTable, original: BundleRow[]) => {
    if (original.length === 0) return;
    const batch = await upgradeBatch(table, original);
    const schema = ARCHIVE_SCHEMAS[table] as z.ZodType;
    for (const { line, row } of batch) {
      const parsed = schema.safeParse(row);
      if (!parsed.success) throw new Refusal({ status: 'refused', problem: 'invalidRow', table, line, detail: parsed.error.issues[0]?.path.join('.') });
    }
    const stored = (await db.table(table).bulkGet(batch.map((b) => String(b.row.id)))) as (Record<string, unknown> | undefined)[];
    const summary = (tables[table] ??= { added: 0, identical: 0, conflicts: 0, conflictIds: [] });
    const staged: RestoreStagingRow[] = [];
    batch.forEach(({ row }, i) => {
      const existing = stored[i];
      // A desk keeps its own identity: another desk's desk-id setting is never brought over.
      if (table === 'settings' && row.key === DESK_ID_SETTING) return;
      if (!existing) {
        const at = Date.now();
        staged.push({ id: newId(at), createdAt: at, updatedAt: at, deskId: db.desk.deskId, restoreId, table, row });
        summary.added += 1;
      } else if (canonicalJson(existing) === canonicalJson(row)) summary.identical += 1;
      else {
        summary.conflicts += 1;
        if (summary.conflictIds.length < 20) summary.conflictIds.push(String(row.id));
      }
    });
    if (staged.length > 0) await writes.putVerbatim('restoreStaging', staged, options);
  };

  try {
    await streamBundleRows(source, manifest, flushBatch, { ...options, batchSize: BATCH });
  } catch (error) {
    await discardStagedRestores(db, options);
    if (error instanceof Refusal) return error.refusal;
    if (error instanceof BundleRowsError) return { status: 'refused', problem: error.problem, table: error.table, line: error.line, detail: error.detail };
    throw error;
  }
  const totals = Object.values(tables).reduce((sum, t) => ({ added: sum.added + t.added, identical: sum.identical + t.identical, conflicts: sum.conflicts + t.conflicts }), { added: 0, identical: 0, conflicts: 0 });
  return { status: 'ready', restoreId, tables, ...totals };
}

/** Moves the staged rows into their tables in one transaction, with one audit entry for the restore. */
export async function applyRestore(db: FrontDeskDatabase, restoreId: string, bundleLabel: string, context: WriteContext = {}): Promise<RestoreApplied> {
  db.access.assertAction('restore');
  const writes = writePathOf(db);
  const tablesInvolved: TableName[] = [...ARCHIVE_TABLES, 'restoreStaging'];
  return writes.transaction(tablesInvolved, async () => {
    let added = 0;
    let skipped = 0;
    // The keys first (a key is 26 characters: 1.5M staged rows are about 40 MB), then the rows in pages by key:
    // re-querying the restoreId index after each page's delete costs far more than reading by key.
    const keys = (await db.restoreStaging.where('restoreId').equals(restoreId).primaryKeys()) as string[];
    for (let start = 0; start < keys.length; start += BATCH) {
      const pageKeys = keys.slice(start, start + BATCH);
      const page = (await db.restoreStaging.bulkGet(pageKeys)).filter((row): row is RestoreStagingRow => row !== undefined);
      const byTable = new Map<ArchiveTable, Record<string, unknown>[]>();
      for (const staged of page) {
        const table = staged.table as ArchiveTable;
        if (!byTable.has(table)) byTable.set(table, []);
        byTable.get(table)!.push(staged.row);
      }
      for (const [table, rows] of byTable) {
        const stored = await db.table(table).bulkGet(rows.map((r) => String(r.id)));
        const fresh = rows.filter((_, i) => stored[i] === undefined);
        skipped += rows.length - fresh.length;
        if (fresh.length > 0) await writes.putVerbatim(table, fresh as never[], context);
        added += fresh.length;
      }
    }
    await writes.destroy('restoreStaging', keys, context);
    await writes.audit({ action: 'restore', summary: `restored ${added} rows from ${bundleLabel}${skipped ? `; ${skipped} left as stored` : ''}`, entityTable: 'archive', entityId: restoreId }, context);
    return { restoreId, added, skipped };
  });
}

/** Drops the staging rows of every unfinished restore (a cancelled preview, a reload during one). */
export async function discardStagedRestores(db: FrontDeskDatabase, context: WriteContext = {}): Promise<number> {
  const writes = writePathOf(db);
  let removed = 0;
  for (;;) {
    const keys = (await db.restoreStaging.limit(BATCH).primaryKeys()) as string[];
    if (keys.length === 0) return removed;
    await writes.destroy('restoreStaging', keys, context);
    removed += keys.length;
  }
}
