// The audit trail (docs/REQUIREMENTS.md §6). Entries are appended by the write path (writePath.ts) inside the
// transaction of the change they record, so a change and its audit entry are stored together or not at all.
// This repository has no method that edits or deletes an entry, and the write path refuses every ordinary
// write to the auditLog table: entries are appended, never changed.
import { cmp, type IndexableType } from 'dexie';
import type { AuditAction, AuditEntry } from '@shared/domain/desk';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { keyPage, type Page, type PageCursor, type PageRequest } from './paging';
import { writePathOf, type WriteContext } from './writePath';

/** What the supervisor's audit view filters on; every field optional. Times are inclusive. */
export interface AuditQuery {
  actorId?: string;
  action?: AuditAction;
  entityTable?: string;
  from?: number;
  to?: number;
  limit: number;
  after?: PageCursor;
}

/** The audit log: read, and entries for what changes no row (it is never edited or soft-deleted). */
export class AuditLogRepository {
  constructor(private readonly db: FrontDeskDatabase) {}

  /** Personal data left the desk (printed, exported): recorded like any change (§6). */
  recordExport(entityTable: string, entityId: string, summary: string, context: WriteContext = {}): Promise<AuditEntry> {
    return writePathOf(this.db).audit({ action: 'export', entityTable, entityId, summary }, context);
  }

  /** Anything else worth a line that changes no row: a reveal, a lock, a view. */
  record(action: AuditAction, entityTable: string, entityId: string, summary: string, context: WriteContext = {}): Promise<AuditEntry> {
    return writePathOf(this.db).audit({ action, entityTable, entityId, summary }, context);
  }

  forEntity(entityTable: string, entityId: string): Promise<AuditEntry[]> {
    return this.db.auditLog.where('[entityTable+entityId]').equals([entityTable, entityId]).sortBy('at');
  }

  /** Newest first, paged by key. */
  async page(request: Omit<PageRequest, 'index'> = { limit: 100 }): Promise<Page<AuditEntry>> {
    this.db.access.assertAction('viewAudit');
    return keyPage(this.db.auditLog, { reverse: true, ...request, index: 'at', includeDeleted: true });
  }

  /**
   * The supervisor's view (viewAudit): newest first, filtered, paged by key. The most selective filter picks
   * the index ([actorId+at], [action+at], [entityTable+at] or at) and bounds the time range in it, so a page
   * reads about `limit` rows whatever the log's size; the other filters are checked row by row.
   */
  async query(request: AuditQuery): Promise<Page<AuditEntry>> {
    this.db.access.assertAction('viewAudit');
    const from = request.from ?? 0;
    const to = request.to ?? Number.MAX_SAFE_INTEGER;
    const [index, prefix]: [string, string | undefined] = request.actorId !== undefined
      ? ['[actorId+at]', request.actorId]
      : request.action !== undefined
        ? ['[action+at]', request.action]
        : request.entityTable !== undefined ? ['[entityTable+at]', request.entityTable] : ['at', undefined];
    const key = (at: number): IndexableType => (prefix === undefined ? at : [prefix, at]);
    const after = request.after;
    const upper = after ? after.key : key(to);
    const rows = await this.db.auditLog
      .where(index)
      .between(key(from), upper, true, true)
      .reverse()
      .filter((e) => {
        if (request.actorId !== undefined && e.actorId !== request.actorId) return false;
        if (request.action !== undefined && e.action !== request.action) return false;
        if (request.entityTable !== undefined && e.entityTable !== request.entityTable) return false;
        if (e.at > to || e.at < from) return false;
        if (after && cmp(key(e.at), after.key) === 0) return e.id < after.id;
        return true;
      })
      .limit(request.limit + 1)
      .toArray();
    const items = rows.slice(0, request.limit);
    const last = items[items.length - 1];
    return rows.length > request.limit && last ? { items, next: { key: key(last.at), id: last.id } } : { items };
  }

  /** Every entry the filters select, newest first, in pages (the CSV export). */
  async *all(request: Omit<AuditQuery, 'limit' | 'after'>, pageSize = 2000): AsyncGenerator<AuditEntry[]> {
    this.db.access.assertAction('export');
    let after: PageCursor | undefined;
    do {
      const page = await this.query({ ...request, limit: pageSize, ...(after ? { after } : {}) });
      yield page.items;
      after = page.next;
    } while (after);
  }

  count(): Promise<number> {
    return this.db.auditLog.count();
  }
}
