// The generic repository every table's repository builds on. It owns the rules that hold for every
// record (ARCHITECTURE.md, "Storage"): ULID keys made on the desk, createdAt/updatedAt/deskId on every
// write, soft deletes hidden from reads, and an audit entry in the same transaction as the change.
import type { Table } from 'dexie';
import { z } from 'zod';
import type { NewRecord } from '@shared/domain/record';
import { matchesAllTokens, normaliseQuery } from '@shared/search/searchKeys';
import type { FrontDeskDatabase, FrontDeskTables, TableName } from './FrontDeskDatabase';
import { appendAudit } from './auditLog';
import { newId } from './ids';
import { keyPage, type Page, type PageRequest } from './paging';

/** A write refused because of what the person entered; `fields` maps field names to error codes. */
export class ValidationError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(`Invalid fields: ${Object.entries(fields).map(([f, c]) => `${f} (${c})`).join(', ')}`);
    this.name = 'ValidationError';
  }

  static fromZod(error: z.ZodError): ValidationError {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? '_');
      fields[field] ??= issue.message;
    }
    return new ValidationError(fields);
  }
}

export class RecordNotFoundError extends Error {
  constructor(readonly table: string, readonly id: string) {
    super(`No ${table} record ${id}`);
    this.name = 'RecordNotFoundError';
  }
}

export interface WriteOptions {
  /** Replaces the default audit summary. */
  summary?: string;
}

export interface SearchOptions {
  limit?: number;
}

/** Drops keys whose value is undefined so stored rows carry only what is set. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export class RecordRepository<N extends TableName, TInput = NewRecord<FrontDeskTables[N]>> {
  /** Tables the write transaction needs besides this one and the audit log (for derived fields). */
  protected readonly relatedTables: TableName[] = [];

  constructor(
    protected readonly db: FrontDeskDatabase,
    readonly tableName: N,
    protected readonly schema: z.ZodType<FrontDeskTables[N]>,
  ) {}

  protected get table(): Table<FrontDeskTables[N], string> {
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

  protected transaction<R>(work: () => Promise<R>): Promise<R> {
    return this.db.transaction('rw', [this.tableName, 'auditLog', ...this.relatedTables], work);
  }

  protected validate(record: unknown): FrontDeskTables[N] {
    const parsed = this.schema.safeParse(record);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    return withoutUndefined(parsed.data);
  }

  async create(input: TInput, options: WriteOptions = {}): Promise<FrontDeskTables[N]> {
    return this.transaction(async () => {
      const fields = await this.toFields(input, undefined);
      const now = Date.now();
      const record = this.validate({ ...fields, id: newId(now), createdAt: now, updatedAt: now, deskId: this.db.desk.deskId });
      await this.table.add(record);
      await this.afterWrite(record, undefined);
      await appendAudit(this.db, { action: 'create', entityTable: this.tableName, entityId: record.id, at: now, summary: options.summary ?? `created ${this.describe(record)}` });
      return record;
    });
  }

  /** Applies changes; a key present with the value undefined clears that field. */
  async update(id: string, changes: Partial<TInput>, options: WriteOptions = {}): Promise<FrontDeskTables[N]> {
    return this.transaction(async () => {
      const existing = await this.table.get(id);
      if (!existing || existing.deletedAt !== undefined) throw new RecordNotFoundError(this.tableName, id);
      const fields = await this.toFields({ ...(existing as unknown as TInput), ...changes }, existing);
      const now = Math.max(Date.now(), existing.updatedAt);
      const record = this.validate({ ...fields, id, createdAt: existing.createdAt, updatedAt: now, deskId: this.db.desk.deskId });
      await this.table.put(record);
      await this.afterWrite(record, existing);
      const changed = changedFields(existing, record);
      await appendAudit(this.db, { action: 'update', entityTable: this.tableName, entityId: id, at: now, summary: options.summary ?? `updated ${this.describe(record)}: ${changed.join(', ') || 'no change'}` });
      return record;
    });
  }

  /** Ordinary delete: a tombstone, hidden from every screen, kept for replication and audit. */
  async softDelete(id: string, options: WriteOptions = {}): Promise<void> {
    await this.transaction(async () => {
      const existing = await this.table.get(id);
      if (!existing || existing.deletedAt !== undefined) throw new RecordNotFoundError(this.tableName, id);
      await this.beforeDelete(existing);
      const now = Math.max(Date.now(), existing.updatedAt);
      await this.table.put({ ...existing, deletedAt: now, updatedAt: now, deskId: this.db.desk.deskId });
      await appendAudit(this.db, { action: 'delete', entityTable: this.tableName, entityId: id, at: now, summary: options.summary ?? `deleted ${this.describe(existing)}` });
    });
  }

  async get(id: string, options: { includeDeleted?: boolean } = {}): Promise<FrontDeskTables[N] | undefined> {
    const record = await this.table.get(id);
    return record && (options.includeDeleted || record.deletedAt === undefined) ? record : undefined;
  }

  /** Every live record, in id (= creation) order. For small tables; large ones page. */
  list(options: { limit?: number } = {}): Promise<FrontDeskTables[N][]> {
    let collection = this.table.toCollection().filter((r) => r.deletedAt === undefined);
    if (options.limit !== undefined) collection = collection.limit(options.limit);
    return collection.toArray();
  }

  page(request: PageRequest): Promise<Page<FrontDeskTables[N]>> {
    return keyPage(this.table, request);
  }

  count(): Promise<number> {
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

