// Today at a glance (docs/REQUIREMENTS.md §7 "Dashboard"). Every figure is read through an index range so
// the dashboard stays instant however long the logs grow: today's arrivals by `arrivedAt`, the people
// on site by `[status+arrivedAt]`, today's expected visitors by `[status+expectedAt]`, waiting complaints
// by `[status+createdAt]`, today's calls by `startedAt`. Nothing here walks a whole table.
import type { Call, Visit } from '@shared/domain';
import type { FrontDeskDatabase } from '../../db';
import { repositoriesOf } from '../../db';

export interface DashboardFigures {
  /** Visits that arrived today (any status now), and the people in them. */
  visitorsToday: { visits: number; people: number };
  onSiteNow: { visits: number; people: number };
  /** On site and past their expected departure. */
  overdueVisits: number;
  /** Expected today and not yet arrived (late arrivals included). */
  expectedToArrive: { visits: number; people: number };
  complaints: { open: number; overdue: number };
  calls: {
    total: number;
    answered: number;
    /** Ring time to answer, milliseconds; undefined when nothing was answered today. */
    answerMedianMs: number | undefined;
    answerP90Ms: number | undefined;
    abandoned: number;
    missed: number;
  };
}

/** [start, end) of the local calendar day containing `now`. */
export function dayBounds(now: number): { start: number; end: number } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start: start.getTime(), end: end.getTime() };
}

/**
 * Percentile by the nearest-rank method: the smallest value with at least p% of the values at or below
 * it. It is always a measured ring time (no interpolation), which is what "90% of calls were answered
 * within N seconds" means to the desk.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

const ABANDONED: ReadonlySet<Call['disposition']> = new Set(['abandoned-ringing', 'abandoned-held']);

const people = (visits: readonly Visit[]) => visits.reduce((sum, v) => sum + v.partySize, 0);

export async function visitFigures(db: FrontDeskDatabase, now: number): Promise<Pick<DashboardFigures, 'visitorsToday' | 'onSiteNow' | 'overdueVisits' | 'expectedToArrive'>> {
  const { start, end } = dayBounds(now);
  const visits = repositoriesOf(db).visits;
  const [arrived, onSite, expected] = await Promise.all([visits.arrivedBetween(start, end), visits.onSite(), visits.expectedBetween(start, end)]);
  const arrivedToday = arrived.filter((v) => v.status !== 'cancelled');
  return {
    visitorsToday: { visits: arrivedToday.length, people: people(arrivedToday) },
    onSiteNow: { visits: onSite.length, people: people(onSite) },
    overdueVisits: onSite.filter((v) => v.expectedDepartureAt !== undefined && v.expectedDepartureAt < now).length,
    expectedToArrive: { visits: expected.length, people: people(expected) },
  };
}

export async function callFigures(db: FrontDeskDatabase, now: number): Promise<DashboardFigures['calls']> {
  const { start, end } = dayBounds(now);
  const today = await repositoriesOf(db).calls.startedBetween(start, end);
  // Answer speed is the desk's (接听不超过三声): inbound calls that were picked up, whatever happened next.
  const ringTimes = today
    .filter((c) => c.direction === 'inbound' && c.answeredAt !== undefined && c.ringMs !== undefined)
    .map((c) => c.ringMs!);
  return {
    total: today.length,
    answered: ringTimes.length,
    answerMedianMs: percentile(ringTimes, 50),
    answerP90Ms: percentile(ringTimes, 90),
    abandoned: today.filter((c) => ABANDONED.has(c.disposition)).length,
    missed: today.filter((c) => c.disposition === 'missed').length,
  };
}

export async function dashboardFigures(db: FrontDeskDatabase, now: number): Promise<DashboardFigures> {
  const [visits, calls, complaints] = await Promise.all([
    visitFigures(db, now),
    callFigures(db, now),
    repositoriesOf(db).complaints.waitingCounts(now),
  ]);
  return { ...visits, calls, complaints };
}
