// The audit trail (REQUIREMENTS.md §6). Entries are appended inside the caller's write transaction, so
// a change and its audit entry are stored together or not at all.
import Dexie from 'dexie';
import type { AuditAction, AuditEntry } from '@shared/domain/desk';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { newId } from './ids';
import { keyPage, type Page, type PageRequest } from './paging';

export interface AuditFacts {
  action: AuditAction;
  entityTable: string;
  entityId: string;
  summary: string;
  at?: number;
}

/** Appends one entry; call it inside the write transaction of the change it records. */
export async function appendAudit(db: FrontDeskDatabase, facts: AuditFacts): Promise<AuditEntry> {
  if (!Dexie.currentTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const at = facts.at ?? Date.now();
  const entry: AuditEntry = {
    id: newId(at),
    createdAt: at,
    updatedAt: at,
    deskId: db.desk.deskId,
    at,
    actorId: db.desk.actorId,
    action: facts.action,
    entityTable: facts.entityTable,
    entityId: facts.entityId,
    summary: facts.summary.slice(0, 2000),
  };
  await db.auditLog.add(entry);
  return entry;
}

/** Read side of the audit log; it is never edited or soft-deleted. */
export class AuditLogRepository {
  constructor(private readonly db: FrontDeskDatabase) {}

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
