// The audit trail (docs/REQUIREMENTS.md §6). Entries are appended by the write path (writePath.ts) inside the
// transaction of the change they record, so a change and its audit entry are stored together or not at all.
import type { AuditEntry } from '@shared/domain/desk';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { keyPage, type Page, type PageRequest } from './paging';
import { writePathOf, type WriteContext } from './writePath';

/** The audit log: read, and entries for what changes no row (it is never edited or soft-deleted). */
export class AuditLogRepository {
  constructor(private readonly db: FrontDeskDatabase) {}

  /** Personal data left the desk (printed, exported): recorded like any change (§6). */
  recordExport(entityTable: string, entityId: string, summary: string, context: WriteContext = {}): Promise<AuditEntry> {
    return writePathOf(this.db).audit({ action: 'export', entityTable, entityId, summary }, context);
  }

  forEntity(entityTable: string, entityId: string): Promise<AuditEntry[]> {
    return this.db.auditLog.where('[entityTable+entityId]').equals([entityTable, entityId]).sortBy('at');
  }

  /** Newest first, paged by key. */
  page(request: Omit<PageRequest, 'index'> = { limit: 100 }): Promise<Page<AuditEntry>> {
    return keyPage(this.db.auditLog, { reverse: true, ...request, index: 'at', includeDeleted: true });
  }

  count(): Promise<number> {
    return this.db.auditLog.count();
  }
}
