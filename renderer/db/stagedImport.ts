// Staged imports (shared/imports/staging.ts; docs/ARCHITECTURE.md, "Imports"): a CSV import writes its rows
// hidden, in short transactions of STAGE_CHUNK_ROWS rows, and shows them once all are in. No transaction of an
// import is longer than one chunk, so the emergency roll call (and every screen) reads between two chunks
// instead of waiting behind the whole import. A journal row (a settings row) says how far the import got:
// - staging: rows are written hidden; a cancel, a failure or a reload rolls them back (they were never shown);
// - publishing: every row is in and they are being made visible, chunk by chunk; this is not cancelled, and
//   an import a reload interrupted here is finished at the next start.
// While an import runs it holds a Web Lock, so a second window starting meanwhile leaves it alone.
import type { NewRecord } from '@shared/domain/record';
import { ImportCancelledError } from '@shared/errors/importCancelled';
import { messageOf } from '@shared/errors/messageOf';
import {
  IMPORT_JOURNAL_PREFIX, STAGE_CHUNK_ROWS, STAGED_TABLES, importLockName, journalKey, recoveryOf,
  type ImportJournal, type StagedTable,
} from '@shared/imports/staging';
import type { FrontDeskDatabase, FrontDeskTables, TableName } from './FrontDeskDatabase';
import { newId } from './ids';
import { SettingsRepository } from './settingsRepository';
import { writePathOf, type AuditNote } from './writePath';

type Row<N extends TableName> = FrontDeskTables[N];

export interface StagedImportOptions {
  signal?: AbortSignal;
  /** The rows are in; making them visible now (not cancellable any more). */
  onPublishing?: () => void;
}

/** What the work of an import gets: a way to write hidden rows, in short transactions. */
export interface Stager {
  readonly importId: string;
  readonly at: number;
  /** One short read-write transaction (one chunk): the stage() calls inside it join it. */
  chunk<R>(tables: readonly StagedTable[], work: () => Promise<R>): Promise<R>;
  /** Writes rows hidden (validated and stamped by the write path); call inside chunk(), at most a chunk's rows. */
  stage<N extends StagedTable>(table: N, rows: readonly NewRecord<Row<N>>[]): Promise<Row<N>[]>;
  /** Throws ImportCancelledError once the import was cancelled. */
  checkCancelled(): void;
}

/** Imports running in this window (another window's are known by their Web Lock). */
const running = new Set<string>();

/**
 * Runs `work` as a staged import: everything it stages becomes visible together at the end, or (cancel,
 * failure) is removed again. `audit` describes the finished import; it is written with the journal's removal.
 */
export async function runStagedImport<R>(
  db: FrontDeskDatabase,
  kind: ImportJournal['kind'],
  tables: readonly StagedTable[],
  work: (stager: Stager) => Promise<R>,
  audit: (result: R, importId: string) => AuditNote & { entityTable: string },
  options: StagedImportOptions = {},
): Promise<R> {
  const writes = writePathOf(db);
  const settings = new SettingsRepository(db);
  const at = Date.now();
  const importId = newId(at);
  const staged = new Map<StagedTable, string[]>(tables.map((t) => [t, []]));
  running.add(importId);
  const release = await holdLock(importLockName(importId));
  const journal: ImportJournal = { importId, kind, state: 'staging', tables: [...tables], startedAt: at };
  const checkCancelled = () => {
    if (options.signal?.aborted) throw new ImportCancelledError();
  };
  try {
    await settings.setValue(journalKey(importId), journal);
    let result: R;
    try {
      result = await work({
        importId,
        at,
        chunk: (chunkTables, chunkWork) => writes.transaction(chunkTables, chunkWork),
        async stage(table, rows) {
          const written = await writes.bulkCreate(table, rows, { at, chunkSize: Math.max(1, rows.length), stagedBy: importId });
          staged.get(table)?.push(...written.map((r) => r.id));
          return written;
        },
        checkCancelled,
      });
      checkCancelled();
    } catch (error) {
      const count = [...staged.values()].reduce((sum, ids) => sum + ids.length, 0);
      await discard(db, importId, tables, staged);
      await writes.transaction(['settings'], async () => {
        await removeJournal(settings, importId);
        await writes.audit({
          action: 'import', entityTable: 'imports', entityId: importId,
          summary: `${kind} import ${error instanceof ImportCancelledError ? 'cancelled' : `failed (${messageOf(error)})`}: ${count} staged rows rolled back, nothing imported`,
        });
      });
      throw error;
    }
    // Every row is in: from here the import only finishes (a reload finishes it at the next start).
    options.onPublishing?.();
    await settings.setValue(journalKey(importId), { ...journal, state: 'publishing' } satisfies ImportJournal);
    await publish(db, importId, tables, staged);
    const note = audit(result, importId);
    await writes.transaction(['settings'], async () => {
      await removeJournal(settings, importId);
      await writes.audit({ entityId: importId, ...note });
    });
    return result;
  } finally {
    running.delete(importId);
    release();
  }
}

async function publish(db: FrontDeskDatabase, importId: string, tables: readonly StagedTable[], known?: Map<StagedTable, string[]>): Promise<number> {
  const writes = writePathOf(db);
  const at = Date.now();
  let count = 0;
  for (const table of tables) {
    for (const ids of await idBatches(db, table, importId, known?.get(table))) count += await writes.publishStaged(table, importId, ids, { at });
  }
  return count;
}

async function discard(db: FrontDeskDatabase, importId: string, tables: readonly StagedTable[], known?: Map<StagedTable, string[]>): Promise<number> {
  const writes = writePathOf(db);
  let count = 0;
  // Visits before visitors, staff before departments: a row is removed before what it refers to.
  for (const table of [...tables].reverse()) {
    for (const ids of await idBatches(db, table, importId, known?.get(table))) count += await writes.discardStaged(table, importId, ids);
  }
  return count;
}

/** The staged rows' ids in batches of a chunk: those this window wrote, else (a recovery) from the index. */
async function idBatches(db: FrontDeskDatabase, table: StagedTable, importId: string, known: readonly string[] | undefined): Promise<string[][]> {
  const ids = known ?? ((await db.typedTable(table).where('stagedImportId').equals(importId).primaryKeys()) as string[]);
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += STAGE_CHUNK_ROWS) batches.push(ids.slice(start, start + STAGE_CHUNK_ROWS));
  return batches;
}

async function removeJournal(settings: SettingsRepository, importId: string): Promise<void> {
  const row = await settings.find(journalKey(importId));
  if (row) await settings.softDelete(row.id, { summary: `import ${importId} finished` });
}

export interface RecoveryOutcome {
  rolledBack: string[];
  published: string[];
}

/**
 * At start: imports that stopped half-way (the window was closed or reloaded) and run in no window are
 * rolled back while still staging, or finished when they were already publishing. Audited.
 */
export async function recoverStagedImports(db: FrontDeskDatabase): Promise<RecoveryOutcome> {
  const outcome: RecoveryOutcome = { rolledBack: [], published: [] };
  const journals = new Map<string, ImportJournal>();
  for (const row of await db.settings.where('key').startsWith(IMPORT_JOURNAL_PREFIX).toArray()) {
    if (row.deletedAt === undefined && isJournal(row.value)) journals.set(row.value.importId, row.value);
  }
  const ids = new Set(journals.keys());
  for (const table of STAGED_TABLES) {
    for (const id of (await db.typedTable(table).orderBy('stagedImportId').uniqueKeys()) as string[]) ids.add(id);
  }
  if (ids.size === 0) return outcome;
  const held = await heldLocks();
  const settings = new SettingsRepository(db);
  const writes = writePathOf(db);
  for (const importId of ids) {
    if (running.has(importId) || held.has(importLockName(importId))) continue;
    const journal = journals.get(importId);
    const action = recoveryOf(journal);
    const count = action === 'publish' ? await publish(db, importId, STAGED_TABLES) : await discard(db, importId, STAGED_TABLES);
    await writes.transaction(['settings'], async () => {
      await removeJournal(settings, importId);
      await writes.audit({
        action: 'import', entityTable: 'imports', entityId: importId,
        summary: action === 'publish'
          ? `${journal?.kind ?? 'unknown'} import interrupted while publishing: finished at start, ${count} rows made visible`
          : `${journal?.kind ?? 'unknown'} import interrupted (window closed or reloaded): ${count} staged rows rolled back at start, nothing imported`,
      });
    });
    (action === 'publish' ? outcome.published : outcome.rolledBack).push(importId);
  }
  return outcome;
}

function isJournal(value: unknown): value is ImportJournal {
  return typeof value === 'object' && value !== null && typeof (value as ImportJournal).importId === 'string' && typeof (value as ImportJournal).state === 'string';
}

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

function lockManager(): LockManagerLike | undefined {
  return (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
}

/** Holds a Web Lock until the returned function is called (no-op where Web Locks do not exist). */
async function holdLock(name: string): Promise<() => void> {
  const locks = lockManager();
  if (!locks) return () => {};
  let release: () => void = () => {};
  await new Promise<void>((granted) => {
    void locks.request(name, () => new Promise<void>((resolve) => {
      release = resolve;
      granted();
    }));
  });
  return release;
}

async function heldLocks(): Promise<Set<string>> {
  const locks = lockManager();
  if (!locks) return new Set();
  const state = await locks.query();
  return new Set((state.held ?? []).map((l) => l.name ?? ''));
}
