// The one write path of the renderer. Every change to a Dexie table goes through this file, so the
// rules that hold for every record (docs/ARCHITECTURE.md "Storage" in the project's design) are written once:
// a ULID key and createdAt/updatedAt/deskId stamped on the desk, the row checked against its table's zod
// schema (recordSchemas.ts, loaded with the first write: schemaRegistry.ts),
// keys whose value is undefined dropped, and the audit entry appended in the SAME transaction as the row
// (a change and its audit entry are stored together or not at all).
//
// Hook points, all in `commit()` below, the single place a row is written:
// - sign-in: `commit()` (and bulkCreate's chunks, and audit-only entries) ask `db.access`
//   (renderer/db/accessControl.ts, the matrix in shared/auth/permissions.ts) before anything is written; a
//   refusal throws PermissionDeniedError (renderer/db/writeErrors.ts): nothing is written, nothing audited.
//   The signed-in person is the actor of every audit entry. Only the sign-in bookkeeping itself (wrong
//   attempts, the lock-out, the first supervisor) passes `authority: AUTHENTICATION`, from renderer/db only.
// - replication to other desks (renderer/db/sync/): while the desk replicates, every written row of a replicated
//   table (shared/sync/conflictRules.ts) gets its outbox entry in `recordChanges()`, inside the same
//   transaction (`WRITE_TABLES` puts the outbox in every write transaction), so a change is either stored and
//   queued or neither. Rows arriving from other desks come in through `applyReplicated()`.
// With nobody signed in (unit tests, open mode) the actor is the desk.
import Dexie, { type Table } from 'dexie';
import type { AuditAction, AuditEntry } from '@shared/domain/desk';
import type { NewRecord, RecordBase } from '@shared/domain/record';
import type { FrontDeskDatabase, FrontDeskTables, TableName } from './FrontDeskDatabase';
import { ImportCancelledError } from '@shared/errors/importCancelled';
import { mayDiscard, publishedRow, stagedRow } from '@shared/imports/staging';
import { isReplicatedTable } from '@shared/sync/replicatedTables';
import { newId } from './ids';
import { loadSchemas, schemas, schemasLoaded } from './schemaRegistry';
import type { SyncConflict, SyncStateRow, SyncTableName } from './sync/syncTables';
import { loadTextKeys, textKeysLoaded } from './textKeys';
import { PermissionDeniedError, ValidationError, withoutUndefined } from './writeErrors';

/** Tables every write transaction includes besides the ones written: the audit log and the sync outbox. */
const WRITE_TABLES: readonly string[] = ['auditLog', 'syncOutbox'];

/** Who is acting: an operator id after sign-in, 'desk' before sign-in exists. */
export type Actor = string;

/**
 * Marks the sign-in bookkeeping (renderer/db/operatorRepository.ts): recording a wrong attempt or a lock-out
 * happens before anybody is signed in. Not exported from renderer/db's index.
 */
export const AUTHENTICATION: unique symbol = Symbol('authentication');

export interface WriteContext {
  /** The acting person; defaults to the signed-in person, else `db.desk.actorId` (the desk). */
  actorId?: Actor;
  /** Only renderer/db's sign-in code: skips the permission check (see AUTHENTICATION). */
  authority?: typeof AUTHENTICATION;
  /** The instant to stamp (imports and fixtures); defaults to now. */
  at?: number;
}

export interface CreateContext extends WriteContext {
  /** A key made elsewhere on the desk (a phone line's ULID is its call record's key); else a new ULID. */
  id?: string;
}

/** What the audit entry of a change says; the table and entity default to the row written. */
export interface AuditNote {
  action: AuditAction;
  summary: string;
  entityTable?: string;
  entityId?: string;
}

/** The audit entry of a change, or a function of the row written (its summary names what changed). */
export type AuditFor<T> = AuditNote | ((record: T) => AuditNote) | null;

export type ChangeKind = 'create' | 'update' | 'delete';

export interface BulkCreateOptions<T> extends WriteContext {
  /** Rows validated and written per bulkAdd (bounded memory for large imports). */
  chunkSize?: number;
  /** An audit entry per row (none when absent; the caller usually audits the import as a whole). */
  audit?: (record: T) => AuditNote;
  /** Called after each chunk with rows written so far; throwing aborts the transaction. */
  onChunk?: (written: number) => void;
  /** Write the rows hidden, staged by this import (shared/imports/staging.ts); publishStaged shows them. */
  stagedBy?: string;
  /** The id of each new row, when it must be the same at every desk (the sample directory); else a new ULID. */
  idOf?: (fields: Omit<T, keyof RecordBase>) => string;
  /** The desk id stamped on every row instead of this desk's, with `idOf`, so the rows are identical at every desk. */
  deskId?: string;
}

export { ImportCancelledError };

type Row<N extends TableName> = FrontDeskTables[N];

export class WritePath {
  constructor(private readonly db: FrontDeskDatabase) {}

  /**
   * One read-write transaction over the tables (and the audit log). Nested calls join the caller's
   * transaction, so a repository method may be part of a larger unit of work (an import).
   * Writes compute search keys with lazily loaded libraries (textKeys.ts) and validate with lazily loaded
   * schemas (schemaRegistry.ts): both are loaded BEFORE the transaction opens, never awaited inside it
   * (that would let IndexedDB commit it half-done).
   */
  transaction<R>(tables: readonly (TableName | SyncTableName)[], work: () => Promise<R>): Promise<R> {
    const run = () => this.db.transaction('rw', [...new Set([...tables, ...WRITE_TABLES])], work);
    if ((textKeysLoaded() && schemasLoaded()) || Dexie.currentTransaction) return run();
    return Promise.all([loadTextKeys(), loadSchemas()]).then(run);
  }

  /** A new row: stamped, validated, written and audited. */
  create<N extends TableName>(table: N, fields: NewRecord<Row<N>>, audit: AuditFor<Row<N>>, context: CreateContext = {}): Promise<Row<N>> {
    return this.transaction([table], async () => {
      const at = context.at ?? Date.now();
      const record = validate(table, { ...fields, id: context.id ?? newId(at), createdAt: at, updatedAt: at, deskId: this.db.desk.deskId });
      await this.commit(table, 'create', record, audit, at, context);
      return record;
    });
  }

  /**
   * Many new rows in one transaction (imports), validated and written in chunks of `chunkSize`. A row
   * that fails validation throws before its chunk is written and rolls back the whole import.
   */
  bulkCreate<N extends TableName>(table: N, rows: readonly NewRecord<Row<N>>[], options: BulkCreateOptions<Row<N>> = {}): Promise<Row<N>[]> {
    const chunkSize = Math.max(1, options.chunkSize ?? 250);
    return this.transaction([table], async () => {
      const at = options.at ?? Date.now();
      const deskId = options.deskId ?? this.db.desk.deskId;
      const written: Row<N>[] = [];
      for (let start = 0; start < rows.length; start += chunkSize) {
        const stagedBy = options.stagedBy;
        const chunk = rows.slice(start, start + chunkSize).map((fields) => {
          const record = validate(table, { ...fields, id: options.idOf?.(fields) ?? newId(at), createdAt: at, updatedAt: at, deskId });
          return stagedBy ? stagedRow(record, stagedBy, at) : record;
        });
        this.authorize(table, 'create', chunk, options);
        if (chunk.length > 0) await this.tableOf(table).bulkAdd(chunk);
        // Staged rows are hidden until published; they are queued for other desks when publishStaged shows them.
        if (!stagedBy) await this.recordChanges(table, chunk.map((record) => record.id), at);
        if (options.audit) {
          const entries = chunk.map((record) => this.auditEntry(table, record.id, options.audit!(record), at, options));
          await this.db.auditLog.bulkAdd(entries);
          await this.recordChanges('auditLog', entries.map((entry) => entry.id), at);
        }
        written.push(...chunk);
        options.onChunk?.(written.length);
      }
      return written;
    });
  }

  /**
   * Replaces the stored fields of a live row with `fields` (a field absent from `fields` is cleared);
   * id and createdAt stay, updatedAt never goes backwards.
   */
  update<N extends TableName>(table: N, existing: Row<N>, fields: NewRecord<Row<N>>, audit: AuditFor<Row<N>>, context: WriteContext = {}): Promise<Row<N>> {
    return this.transaction([table], async () => {
      const at = Math.max(context.at ?? Date.now(), existing.updatedAt);
      const record = validate(table, { ...fields, id: existing.id, createdAt: existing.createdAt, updatedAt: at, deskId: this.db.desk.deskId });
      await this.commit(table, 'update', record, audit, at, context);
      return record;
    });
  }

  /**
   * Changes some fields of a stored row (check-out, acknowledge, a print count …). Fields of the stored
   * row this schema does not know survive (a newer desk may have written them); a key given as
   * undefined clears that field.
   */
  patch<N extends TableName>(table: N, existing: Row<N>, changes: Partial<Row<N>>, audit: AuditFor<Row<N>>, context: WriteContext = {}): Promise<Row<N>> {
    return this.transaction([table], async () => {
      const at = Math.max(context.at ?? Date.now(), existing.updatedAt);
      const candidate = { ...existing, ...changes, id: existing.id, createdAt: existing.createdAt, updatedAt: at, deskId: this.db.desk.deskId };
      const parsed = validate(table, candidate);
      const record = withoutUndefined({ ...candidate, ...parsed }) as Row<N>;
      await this.commit(table, 'update', record, audit, at, context);
      return record;
    });
  }

  /** Ordinary delete: a tombstone (deletedAt), hidden from screens, kept for replication and audit. */
  softDelete<N extends TableName>(table: N, existing: Row<N>, audit: AuditFor<Row<N>>, context: WriteContext = {}): Promise<Row<N>> {
    return this.transaction([table], async () => {
      const at = Math.max(context.at ?? Date.now(), existing.updatedAt);
      const record = { ...existing, deletedAt: at, updatedAt: at, deskId: this.db.desk.deskId } as Row<N>;
      await this.commit(table, 'delete', record, audit, at, context);
      return record;
    });
  }

  /**
   * Rows exactly as another copy of this database stored them (a restore from an archive bundle): each is
   * checked against its schema but keeps its own id and stamps, so a restored row is identical to the
   * archived one. No audit per row: the caller audits the restore as a whole, in the same transaction.
   */
  putVerbatim<N extends TableName>(table: N, rows: readonly Row<N>[], context: WriteContext = {}): Promise<void> {
    return this.transaction([table], async () => {
      for (const row of rows) validate(table, row);
      this.authorize(table, 'create', rows as unknown as RecordBase[], context);
      if (rows.length > 0) await this.tableOf(table).bulkPut(rows as Row<N>[]);
      await this.recordChanges(table, rows.map((row) => row.id), context.at ?? Date.now());
      });
    }

  /**
   * Rows that arrived from other desks (renderer/db/sync/syncEngine.ts), already merged with the stored
   * versions by the rules in shared/sync/conflictRules.ts. Each is checked against its schema and written as
   * it is (its own id, stamps and desk); it is not audited again (its audit entries replicate with it) and
   * no permission is asked (the desk that wrote it asked). Ids in `requeue` are rows the merge changed: they
   * go back into the outbox, so the other desks get the merged version.
   */
  applyReplicated<N extends TableName>(table: N, rows: readonly Row<N>[], requeue: readonly string[], at: number): Promise<void> {
    return this.transaction([table], async () => {
      const valid = rows.map((row) => validate(table, row));
      if (valid.length > 0) await this.tableOf(table).bulkPut(valid);
      await this.recordChanges(table, requeue, at);
    });
  }

  /** Replication bookkeeping (conflicts kept for a supervisor, the checkpoint) in the caller's transaction. */
  async recordSyncBookkeeping(conflicts: readonly SyncConflict[], state: readonly SyncStateRow[]): Promise<void> {
    return this.transaction(['syncConflicts', 'syncState'], async () => {
      if (conflicts.length > 0) await this.db.syncConflicts.bulkPut([...conflicts]);
      if (state.length > 0) await this.db.syncState.bulkPut([...state]);
    });
  }

  /**
   * Makes rows staged by import `importId` visible (shared/imports/staging.ts): one short transaction per
   * call, the caller passes a bounded batch of ids. Rows not staged by that import are left alone.
   */
  publishStaged<N extends TableName>(table: N, importId: string, ids: readonly string[], context: WriteContext = {}): Promise<number> {
    return this.transaction([table], async () => {
      const at = context.at ?? Date.now();
      const rows = (await this.tableOf(table).bulkGet([...ids])).flatMap((row) => {
        const published = row ? publishedRow(row, importId, at) : null;
        return published ? [{ ...published, deskId: this.db.desk.deskId } as Row<N>] : [];
      });
      this.authorize(table, 'update', rows, context);
      await this.tableOf(table).bulkPut(rows);
      await this.recordChanges(table, rows.map((row) => row.id), at);
      return rows.length;
    });
  }

  /**
   * Removes rows for good. Only two callers: the staging rows of a restore (renderer/db/archive/) and the
   * destruction of records past retention that a verified bundle holds; every other delete is a tombstone.
   */
  destroy<N extends TableName>(table: N, ids: readonly string[], context: WriteContext = {}): Promise<void> {
    return this.transaction([table], async () => {
      this.authorize(table, 'delete', [], context);
      if (ids.length > 0) await this.tableOf(table).bulkDelete(ids as string[]);
      });
    }

  /**
   * Removes rows still staged by import `importId` (a cancelled, failed or abandoned import): they were
   * never shown, so nothing is left to replicate; the caller audits the rollback once. Live rows are never
   * removed here.
   */
  discardStaged<N extends TableName>(table: N, importId: string, ids: readonly string[], context: WriteContext = {}): Promise<number> {
    return this.transaction([table], async () => {
      const rows = (await this.tableOf(table).bulkGet([...ids])).filter((row): row is Row<N> => mayDiscard(row as { stagedImportId?: unknown } | undefined, importId));
      this.authorize(table, 'delete', rows, context);
      await this.tableOf(table).bulkDelete(rows.map((row) => row.id));
      return rows.length;
    });
  }

  /** An audit entry without a row change: somebody viewed, printed or exported something. */
  audit(note: AuditNote & { entityTable: string; entityId: string }, context: WriteContext = {}): Promise<AuditEntry> {
    return this.transaction([], () => {
      if (context.authority !== AUTHENTICATION && this.db.access.state.get().enforced && !this.db.access.principal) {
        this.db.access.assertWrite('auditLog', 'create');
      }
      return this.appendAudit(note.entityTable, note.entityId, note, context.at ?? Date.now(), context);
    });
  }

  /** The single place a row is written. See the hook points at the top of this file. */
  private async commit<N extends TableName>(table: N, kind: ChangeKind, record: Row<N>, audit: AuditFor<Row<N>>, at: number, context: WriteContext): Promise<void> {
    this.authorize(table, kind, [record], context);
    if (kind === 'create') await this.tableOf(table).add(record);
    else await this.tableOf(table).put(record);
    await this.recordChanges(table, [record.id], at);
    if (audit) await this.appendAudit(table, record.id, typeof audit === 'function' ? audit(record) : audit, at, context);
  }

  /**
   * The outbox entries of written rows (renderer/db/sync/): only while this desk replicates, only for tables
   * that replicate, always inside the transaction of the write itself.
   */
  private async recordChanges(table: string, ids: readonly string[], at: number): Promise<void> {
    if (!this.db.sync.recording || ids.length === 0 || !isReplicatedTable(table)) return;
    if (!Dexie.currentTransaction) throw new Error('An outbox entry must be written in the transaction of its change');
    await this.db.syncOutbox.bulkAdd(ids.map((rowId) => ({ table, rowId, at })));
  }

  /** Sign-in hook: the signed-in person's roles must allow this kind of write to this table. */
  private authorize(table: TableName, kind: ChangeKind, _records: readonly RecordBase[], context: WriteContext): void {
    // The audit log is append-only: no write changes or deletes an entry. Besides appendAudit, only a restore
    // (a supervisor's, `restore`) adds entries: those of the archive bundle, verbatim.
    if (table === 'auditLog') {
      if (kind !== 'create') throw new PermissionDeniedError('auditLog:' + kind, this.db.access.principal?.operatorId ?? null);
      this.db.access.assertAction('restore');
      return;
    }
    if (context.authority === AUTHENTICATION) return;
    this.db.access.assertWrite(table, kind);
  }

  private async appendAudit(table: string, recordId: string, note: AuditNote, at: number, context: WriteContext): Promise<AuditEntry> {
    const entry = this.auditEntry(table, recordId, note, at, context);
    await this.db.auditLog.add(entry);
    await this.recordChanges('auditLog', [entry.id], at);
    return entry;
  }

  private auditEntry(table: string, recordId: string, note: AuditNote, at: number, context: WriteContext): AuditEntry {
    if (!Dexie.currentTransaction) throw new Error('An audit entry must be written in the transaction of the change it records');
    return {
      id: newId(at),
      createdAt: at,
      updatedAt: at,
      deskId: this.db.desk.deskId,
      at,
      // The signed-in person is the actor; a caller's actorId counts only with nobody signed in (tests, imports).
      actorId: (context.authority === AUTHENTICATION ? context.actorId : undefined) ?? this.db.access.principal?.operatorId ?? context.actorId ?? this.db.desk.actorId,
      action: note.action,
      entityTable: note.entityTable ?? table,
      entityId: note.entityId ?? recordId,
      summary: note.summary.slice(0, 2000),
    };
  }

  private tableOf<N extends TableName>(table: N): Table<Row<N>, string> {
    return this.db.typedTable(table);
  }
}

/** The row checked against its table's schema (recordSchemas.ts), undefined keys dropped; ValidationError if it fails. */
function validate<N extends TableName>(table: N, candidate: unknown): Row<N> {
  const parsed = schemas().RECORD_SCHEMAS[table].safeParse(candidate);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return withoutUndefined(parsed.data);
}

const writePaths = new WeakMap<FrontDeskDatabase, WritePath>();

/** The write path of a database (one per database instance). Only repositories in db/ use it. */
export function writePathOf(db: FrontDeskDatabase): WritePath {
  let writes = writePaths.get(db);
  if (!writes) {
    writes = new WritePath(db);
    writePaths.set(db, writes);
  }
  return writes;
}
