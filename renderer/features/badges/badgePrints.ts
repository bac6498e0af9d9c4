// What a badge shows, read from the visit, its visitor and its host; and the print counter. A badge is a
// pass into the building, so a second copy matters: every print counts, and a reprint is recorded in the
// audit log in the same transaction as the count (REQUIREMENTS.md §1 and §6).
import type { Staff, Visit, Visitor } from '@shared/domain';
import { visitSchema } from '@shared/domain/visitors';
import type { FrontDeskDatabase } from '../../db';
import { appendAudit, RecordNotFoundError, ValidationError } from '../../db';

export interface BadgeFacts {
  visit: Visit;
  visitor: Visitor | undefined;
  host: Staff | undefined;
}

export async function loadBadgeFacts(db: FrontDeskDatabase, visitId: string): Promise<BadgeFacts | undefined> {
  const visit = await db.visits.get(visitId);
  if (!visit || visit.deletedAt !== undefined) return undefined;
  const [visitor, host] = await Promise.all([
    db.visitors.get(visit.visitorId),
    visit.hostStaffId ? db.staff.get(visit.hostStaffId) : Promise.resolve(undefined),
  ]);
  return { visit, visitor, host };
}

/**
 * Counts one printed copy and returns the new count. Read-modify-write in one transaction, so two desks'
 * prints (or a double click) never lose a count; the first print and every reprint are audited with it.
 */
export async function recordBadgePrint(db: FrontDeskDatabase, visitId: string): Promise<number> {
  return db.transaction('rw', db.visits, db.auditLog, async () => {
    const visit = await db.visits.get(visitId);
    if (!visit || visit.deletedAt !== undefined) throw new RecordNotFoundError('visits', visitId);
    const previous = visit.badgePrintCount ?? 0;
    const count = previous + 1;
    const now = Math.max(Date.now(), visit.updatedAt);
    // Spread over the stored row (not the parsed one): fields this file does not know survive untouched.
    const updated: Visit = { ...visit, badgePrintCount: count, updatedAt: now, deskId: db.desk.deskId };
    const checked = visitSchema.safeParse(updated);
    if (!checked.success) throw ValidationError.fromZod(checked.error);
    await db.visits.put(updated);
    await appendAudit(db, {
      action: 'update',
      entityTable: 'visits',
      entityId: visitId,
      at: now,
      summary: previous === 0 ? 'badge printed' : `badge reprinted: copy ${count}, already printed ${previous} times before`,
    });
    return count;
  });
}
