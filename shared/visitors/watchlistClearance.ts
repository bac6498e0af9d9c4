// The clearance rule of the watchlist (可疑人员): a visitor who matches the watchlist may be checked in
// only when EVERY match has an acknowledged alert with the decision "admitted", raised for this same
// candidate (same name and ID number as what is being saved now). An alert for somebody else, an open
// alert, or a "refused"/"security called" decision clears nothing.
import type { WatchlistAlert } from '../domain/visitors';
import { candidateKey } from './registration';
import type { WatchlistCandidate, WatchlistMatch } from './watchlistMatch';

export type AlertFacts = Pick<WatchlistAlert, 'id' | 'watchlistId' | 'status' | 'decision' | 'candidateName' | 'candidateIdNumber'>;

export interface Clearance<A extends AlertFacts = AlertFacts> {
  /** True when nothing stands in the way (no match, or every match admitted). */
  cleared: boolean;
  /** Matches that still need an acknowledged, admitting alert. */
  uncleared: WatchlistMatch[];
  /** The alerts that admitted a match (to be linked to the visit). */
  admitting: A[];
}

/** Is this an acknowledged alert admitting this candidate for this entry? */
export function admits(alert: AlertFacts, match: Pick<WatchlistMatch, 'entryId'>, candidate: WatchlistCandidate): boolean {
  return (
    alert.watchlistId === match.entryId &&
    alert.status === 'acknowledged' &&
    alert.decision === 'admitted' &&
    candidateKey({ name: alert.candidateName, idNumber: alert.candidateIdNumber }) === candidateKey(candidate)
  );
}

export function watchlistClearance<A extends AlertFacts>(candidate: WatchlistCandidate, matches: readonly WatchlistMatch[], alerts: readonly A[]): Clearance<A> {
  const admitting: A[] = [];
  const uncleared = matches.filter((match) => {
    const alert = alerts.find((a) => admits(a, match, candidate));
    if (alert && !admitting.includes(alert)) admitting.push(alert);
    return !alert;
  });
  return { cleared: uncleared.length === 0, uncleared, admitting };
}
