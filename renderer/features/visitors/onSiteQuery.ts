// Everybody on site with their visitor and host, joined once per change for the board, the check-out
// box and the end-of-day list (VisitRepository.onSiteWithPeople: the [status+arrivedAt] index serves it,
// a few hundred rows, never the log).
import { useLiveQuery } from 'dexie-react-hooks';
import { repositoriesOf, type FrontDeskDatabase, type VisitWithPeople } from '../../db';

export type OnSiteRow = VisitWithPeople;

export function loadOnSite(db: FrontDeskDatabase): Promise<OnSiteRow[]> {
  return repositoriesOf(db).visits.onSiteWithPeople();
}

export function useOnSite(db: FrontDeskDatabase): OnSiteRow[] | undefined {
  return useLiveQuery(() => loadOnSite(db), [db]);
}
