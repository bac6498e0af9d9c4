// Staged imports (docs/ARCHITECTURE.md, "Imports"): a CSV import writes its rows in short chunked
// transactions, hidden, and makes them visible only when every row is in. The emergency roll call (and every
// other screen) reads between two chunks instead of waiting behind one long transaction, and a cancel, a
// failure or a reload still leaves nothing half-imported. These are the rules; renderer/db/stagedImport.ts
// applies them.
//
// A staged row is hidden the way every screen already hides rows: it carries a tombstone (`deletedAt`), so
// each read that skips deleted rows skips it too, plus `stagedImportId`, the import it waits for (indexed: the
// rows of one import are found without scanning a table). Publishing removes both marks; discarding removes
// the rows, which no screen ever showed. `importId` stays on a published row: which import brought it in.

/** The tables an import may stage rows in. */
export const STAGED_TABLES = ['departments', 'staff', 'visitors', 'visits'] as const;
export type StagedTable = (typeof STAGED_TABLES)[number];

/** Rows written (or made visible) per short transaction: the longest a reader can wait behind an import. */
export const STAGE_CHUNK_ROWS = 250;

export interface StagingMarks {
  importId: string;
  stagedImportId: string;
  deletedAt: number;
}

/** The marks of a row written hidden by import `importId` at `at`. */
export function stagedMarks(importId: string, at: number): StagingMarks {
  return { importId, stagedImportId: importId, deletedAt: at };
}

/**
 * A row as it is staged: marked, and its search keys parked under `stagedSearchKeys`, so the multi-entry
 * `*searchKeys` index (a few dozen entries a row, the costly part of writing a row) is built once, when the
 * row is published, not twice; and no search can find a staged row even by its keys.
 */
export function stagedRow<T extends object>(row: T, importId: string, at: number): T & StagingMarks {
  const { searchKeys, ...rest } = row as T & { searchKeys?: unknown };
  return { ...(rest as T), ...stagedMarks(importId, at), ...(searchKeys !== undefined ? { stagedSearchKeys: searchKeys } : {}) };
}

export function isStaged(row: { stagedImportId?: unknown }): boolean {
  return typeof row.stagedImportId === 'string' && row.stagedImportId.length > 0;
}

/**
 * The row made visible: both marks gone, `importId` kept, updatedAt at the publishing instant. A row that is
 * not staged (or staged by another import) is returned unchanged; null means "leave it".
 */
export function publishedRow<T extends { stagedImportId?: unknown; deletedAt?: unknown; updatedAt: number }>(row: T, importId: string, at: number): T | null {
  if (row.stagedImportId !== importId) return null;
  const { stagedImportId: _staged, deletedAt: _deleted, stagedSearchKeys, ...rest } = row as T & { stagedSearchKeys?: unknown };
  return { ...rest, ...(stagedSearchKeys !== undefined ? { searchKeys: stagedSearchKeys } : {}), updatedAt: Math.max(at, row.updatedAt) } as unknown as T;
}

/** Only a row still staged by this very import may be discarded: a live row is never removed by a rollback. */
export function mayDiscard(row: { stagedImportId?: unknown } | undefined, importId: string): boolean {
  return row !== undefined && row.stagedImportId === importId;
}

/** The journal of one import (a settings row): staging rows, then publishing them. */
export type ImportJournalState = 'staging' | 'publishing';

export interface ImportJournal {
  importId: string;
  kind: 'directory' | 'expected';
  state: ImportJournalState;
  tables: StagedTable[];
  startedAt: number;
  /** Rows staged so far (for the audit entry of a rollback). */
  staged?: number;
}

export const IMPORT_JOURNAL_PREFIX = 'import.journal.';

export function journalKey(importId: string): string {
  return `${IMPORT_JOURNAL_PREFIX}${importId}`;
}

/**
 * What to do, at start, with an import found unfinished and not running in any window: one still staging
 * never became visible, so it is rolled back; one that was publishing had every row in and had begun making
 * them visible, so it is finished (half-visible must not stay).
 */
export function recoveryOf(journal: Pick<ImportJournal, 'state'> | undefined): 'discard' | 'publish' {
  return journal?.state === 'publishing' ? 'publish' : 'discard';
}

/** The Web Lock an import holds while it runs: another window starting meanwhile must not roll it back. */
export function importLockName(importId: string): string {
  return `frontdesk-import-${importId}`;
}
