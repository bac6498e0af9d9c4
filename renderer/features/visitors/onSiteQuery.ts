// Everybody on site with their visitor and host, joined once per change for the board, the check-out
// box and the end-of-day list. The [status+arrivedAt] index serves it: a few hundred rows, never the log.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Staff } from '@shared/domain/directory';
import type { Visit, Visitor } from '@shared/domain/visitors';
import { repositoriesOf, type FrontDeskDatabase } from '../../db';

export interface OnSiteRow {
  visit: Visit;
  visitor: Visitor | undefined;
  host: Staff | undefined;
}

export async function loadOnSite(db: FrontDeskDatabase): Promise<OnSiteRow[]> {
  const visits = await repositoriesOf(db).visits.onSite();
  const visitors = await db.visitors.bulkGet([...new Set(visits.map((v) => v.visitorId))]);
  const hostIds = [...new Set(visits.map((v) => v.hostStaffId).filter((id): id is string => Boolean(id)))];
  const hosts = await db.staff.bulkGet(hostIds);
  const visitorById = new Map(visitors.filter((v): v is Visitor => v !== undefined).map((v) => [v.id, v]));
  const hostById = new Map(hosts.filter((h): h is Staff => h !== undefined).map((h) => [h.id, h]));
  // Newest arrival first: the person the desk just let in is at the top.
  return visits
    .map((visit) => ({ visit, visitor: visitorById.get(visit.visitorId), host: visit.hostStaffId ? hostById.get(visit.hostStaffId) : undefined }))
    .sort((a, b) => (b.visit.arrivedAt ?? 0) - (a.visit.arrivedAt ?? 0));
}

export function useOnSite(db: FrontDeskDatabase): OnSiteRow[] | undefined {
  return useLiveQuery(() => loadOnSite(db), [db]);
}
