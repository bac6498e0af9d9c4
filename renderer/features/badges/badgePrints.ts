// What a badge shows, read from the visit, its visitor and its host; and the print counter. A badge is a
// pass into the building, so a second copy matters: every print counts, and a reprint is recorded in the
// audit log in the same transaction as the count (docs/REQUIREMENTS.md §1 and §6; VisitRepository.recordBadgePrint).
import type { Staff, Visit, Visitor } from '@shared/domain';
import { repositoriesOf, type FrontDeskDatabase } from '../../db';

export interface BadgeFacts {
  visit: Visit;
  visitor: Visitor | undefined;
  host: Staff | undefined;
}

export function loadBadgeFacts(db: FrontDeskDatabase, visitId: string): Promise<BadgeFacts | undefined> {
  return repositoriesOf(db).visits.withVisitorAndHost(visitId);
}

/** Counts one printed copy and returns the new count (two desks' prints never lose a count). */
export function recordBadgePrint(db: FrontDeskDatabase, visitId: string): Promise<number> {
  return repositoriesOf(db).visits.recordBadgePrint(visitId);
}
