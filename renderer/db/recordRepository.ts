// The generic repository every table's repository builds on. It owns the rules that hold for every
// record (docs/ARCHITECTURE.md, "Storage"): ULID keys made on the desk, createdAt/updatedAt/deskId on every
// write, soft deletes hidden from reads, and an audit entry in the same transaction as the change.
import type { Table } from 'dexie';
import type { NewRecord } from '@shared/domain/record';
import { matchesAllTokens, normaliseQuery } from '@shared/search/textNormalise';
import type { FrontDeskDatabase, FrontDeskTables, TableName } from './FrontDeskDatabase';
import { keyPage, type Page, type PageRequest } from './paging';
import { RecordNotFoundError, ValidationError, withoutUndefined } from './writeErrors';
import { writePathOf, type WritePath, type WriteContext } from './writePath';

export { RecordNotFoundError, ValidationError, withoutUndefined };

export interface WriteOptions extends WriteContext {
  /** Replaces the default audit summary. */
  summary?: string;
}

export interface SearchOptions {
  limit?: number;
}

export class RecordRepository<N extends TableName, TInput = NewRecord<FrontDeskTables[N]>> {
  /** Tables the write transaction needs besides this one and the audit log (for derived fields). */
  protected readonly relatedTables: TableName[] = [];

  constructor(
    protected readonly db: FrontDeskDatabase,
    readonly tableName: N,
  ) {}

  /**
   * The table, for reading. The read path's permission check: a person whose roles may not read this table
   * (a concierge and call notes) gets PermissionDeniedError instead of rows (shared/auth/permissions.ts).
   */
  protected get table(): Table<FrontDeskTables[N], string> {
    this.db.access.assertRead(this.tableName);
    return this.db.typedTable(this.tableName);
  }

  /** Turns caller input into the stored fields: validation and derived fields. Runs inside the write transaction. */
  protected async toFields(input: TInput, _existing: FrontDeskTables[N] | undefined): Promise<NewRecord<FrontDeskTables[N]>> {
    return input as unknown as NewRecord<FrontDeskTables[N]>;
  }

  /** Short description for audit summaries. */
  protected describe(record: FrontDeskTables[N]): string {
    return record.id;
  }

  /** Checks run inside the delete transaction (e.g. a department still has people). */
  protected async beforeDelete(_record: FrontDeskTables[N]): Promise<void> {}

  /** Runs inside the write transaction after a row changed (e.g. keep dependants' search keys current). */
  protected async afterWrite(_record: FrontDeskTables[N], _previous: FrontDeskTables[N] | undefined): Promise<void> {}

  /** The one write path (stamping, validation, audit in the same transaction). */
  protected get writes(): WritePath {
    return writePathOf(this.db);
  }

  protected transaction<R>(work: () => Promise<R>): Promise<R> {
    return this.writes.transaction([this.tableName, ...this.relatedTables], work);
  }

  async create(input: TInput, options: WriteOptions = {}): Promise<FrontDeskTables[N]> {
    return this.transaction(async () => {
      const fields = await this.toFields(input, undefined);
      const record = await this.writes.create(this.tableName, fields, (r) => ({ action: 'create', summary: options.summary ?? `created ${this.describe(r)}` }), options);
      await this.afterWrite(record, undefined);
      return record;
    });
  }

  /** Applies changes; a key present with the value undefined clears that field. */
  async update(id: string, changes: Partial<TInput>, options: WriteOptions = {}): Promise<FrontDeskTables[N]> {
    return this.transaction(async () => {
      const existing = await this.live(id);
      const fields = await this.toFields({ ...(existing as unknown as TInput), ...changes }, existing);
      const record = await this.writes.update(this.tableName, existing, fields, (r) => ({
        action: 'update', summary: options.summary ?? `updated ${this.describe(r)}: ${changedFields(existing, r).join(', ') || 'no change'}`,
      }), options);
      await this.afterWrite(record, existing);
      return record;
    });
  }

  /** Ordinary delete: a tombstone, hidden from every screen, kept for replication and audit. */
  async softDelete(id: string, options: WriteOptions = {}): Promise<void> {
    await this.transaction(async () => {
      const existing = await this.live(id);
      await this.beforeDelete(existing);
      await this.writes.softDelete(this.tableName, existing, { action: 'delete', summary: options.summary ?? `deleted ${this.describe(existing)}` }, options);
    });
  }

  /** The live row with this id, or RecordNotFoundError. */
  protected async live(id: string): Promise<FrontDeskTables[N]> {
    const existing = await this.table.get(id);
    if (!existing || existing.deletedAt !== undefined) throw new RecordNotFoundError(this.tableName, id);
    return existing;
  }

  async get(id: string, options: { includeDeleted?: boolean } = {}): Promise<FrontDeskTables[N] | undefined> {
    const record = await this.table.get(id);
    return record && (options.includeDeleted || record.deletedAt === undefined) ? record : undefined;
  }

  /** The records with these ids that exist, by id (duplicates and unknown ids ignored). */
  async byIds(ids: Iterable<string | undefined>, options: { includeDeleted?: boolean } = {}): Promise<Map<string, FrontDeskTables[N]>> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== undefined))];
    const found = await this.table.bulkGet(wanted);
    const live = found.filter((r): r is FrontDeskTables[N] => r !== undefined && (options.includeDeleted === true || r.deletedAt === undefined));
    return new Map(live.map((r) => [r.id, r]));
  }

  /** Every live record, in id (= creation) order. For small tables; large ones page. */
  async list(options: { limit?: number } = {}): Promise<FrontDeskTables[N][]> {
    let collection = this.table.toCollection().filter((r) => r.deletedAt === undefined);
    if (options.limit !== undefined) collection = collection.limit(options.limit);
    return collection.toArray();
  }

  async page(request: PageRequest): Promise<Page<FrontDeskTables[N]>> {
    return keyPage(this.table, request);
  }

  async count(): Promise<number> {
    return this.table.filter((r) => r.deletedAt === undefined).count();
  }

  /**
   * Prefix search over the precomputed `*searchKeys` index: the first query token walks the index, the
   * others must match too. Only for tables that declare searchKeys.
   */
  async search(query: string, options: SearchOptions = {}): Promise<FrontDeskTables[N][]> {
    const tokens = normaliseQuery(query);
    if (tokens.length === 0) return [];
    const [first, ...rest] = tokens;
    return this.table
      .where('searchKeys')
      .startsWith(first!)
      .distinct()
      .filter((r) => r.deletedAt === undefined && matchesAllTokens(searchKeysOf(r), rest))
      .limit(options.limit ?? 50)
      .toArray();
  }
}

function searchKeysOf(record: object): string[] {
  const keys = (record as { searchKeys?: unknown }).searchKeys;
  return Array.isArray(keys) ? (keys as string[]) : [];
}

const BOOKKEEPING = new Set(['updatedAt', 'deskId', 'searchKeys', 'nameKey']);

function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !BOOKKEEPING.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

