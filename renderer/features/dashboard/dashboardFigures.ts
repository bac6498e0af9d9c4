// Today at a glance (docs/REQUIREMENTS.md §7 "Dashboard"). Every figure is read through an index range so
// the dashboard stays instant however long the logs grow: today's arrivals by `arrivedAt`, the people
// on site by `[status+arrivedAt]`, today's expected visitors by `[status+expectedAt]`, waiting complaints
// by `[status+createdAt]`, today's calls by `startedAt`. Nothing here walks a whole table.
import type { Call, Visit } from '@shared/domain';
import { answerStats, byDay, byHour, operatorAnswerStats, percentile, type Bucket, type OperatorAnswerStats } from '@shared/calls/answerStats';
import { DEFAULT_AGING_DAYS } from '@shared/parcels/parcelMachine';
import type { FrontDeskDatabase, ParcelFigures } from '../../db';
import { answerTargetMs, repositoriesOf } from '../../db';

export interface DashboardFigures {
  /** Visits that arrived today (any status now), and the people in them. */
  visitorsToday: { visits: number; people: number };
  onSiteNow: { visits: number; people: number };
  /** On site and past their expected departure. */
  overdueVisits: number;
  /** Expected today and not yet arrived (late arrivals included). */
  expectedToArrive: { visits: number; people: number };
  complaints: { open: number; overdue: number };
  /** Mail and parcels: received today, waiting, urgent waiting, overdue (after the site's aging days). */
  parcels: ParcelFigures;
  calls: {
    total: number;
    answered: number;
    /** Ring time to answer, milliseconds; undefined when nothing was answered today. */
    answerMedianMs: number | undefined;
    answerP90Ms: number | undefined;
    abandoned: number;
    missed: number;
    /** Answered within the desk's target (three rings, 18 s by default), share 0…1 of those answered. */
    withinTargetShare: number | undefined;
    targetMs: number;
  };
  messages: { open: number; overdue: number };
  faults: { open: number; candidates: number };
}

export interface CallSeries {
  today: Bucket[];
  week: Bucket[];
}

/** [start, end) of the local calendar day containing `now`. */
export function dayBounds(now: number): { start: number; end: number } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start: start.getTime(), end: end.getTime() };
}

/** Nearest-rank percentile, shared with the statistics of shared/calls/answerStats.ts. */
export { percentile };

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
  const [today, targetMs] = await Promise.all([repositoriesOf(db).calls.startedBetween(start, end), answerTargetMs(db, { fresh: true })]);
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
    withinTargetShare: answerStats(today, targetMs).withinTargetShare,
    targetMs,
  };
}

export interface OperatorFigures extends OperatorAnswerStats {
  /** The operator's name, undefined for calls recorded with nobody signed in (or an account since removed). */
  name: string | undefined;
}

/** Today's answer figures per operator (for a supervisor: the screen asks `viewOperatorFigures`). */
export async function operatorFigures(db: FrontDeskDatabase, now: number): Promise<{ rows: OperatorFigures[]; targetMs: number }> {
  const { start, end } = dayBounds(now);
  const repos = repositoriesOf(db);
  const [today, targetMs] = await Promise.all([repos.calls.startedBetween(start, end), answerTargetMs(db, { fresh: true })]);
  const rows = operatorAnswerStats(today, targetMs);
  const accounts = await repos.operators.byIds(rows.map((r) => r.operatorId).filter(Boolean), { includeDeleted: true });
  return { rows: rows.map((r) => ({ ...r, name: accounts.get(r.operatorId)?.name })), targetMs };
}

/** Calls and answer times by hour today and by day over the last 7 days (the chart). One range read. */
export async function callSeries(db: FrontDeskDatabase, now: number): Promise<CallSeries> {
  const { start, end } = dayBounds(now);
  const weekStart = new Date(start);
  weekStart.setDate(weekStart.getDate() - 6);
  const calls = await repositoriesOf(db).calls.startedBetween(weekStart.getTime(), end);
  return { today: byHour(calls, start), week: byDay(calls, start, 7) };
}

export async function dashboardFigures(db: FrontDeskDatabase, now: number): Promise<DashboardFigures> {
  const { start, end } = dayBounds(now);
  const repos = repositoriesOf(db);
  const [visits, calls, complaints, messages, faults, agingDays] = await Promise.all([
    visitFigures(db, now),
    callFigures(db, now),
    repos.complaints.waitingCounts(now),
    repos.messages.waitingCounts(now),
    repos.equipmentFaults.openFaults(),
    repos.settings.getValue<number>('parcels.agingDays', DEFAULT_AGING_DAYS),
  ]);
  const parcels = await repos.parcels.figures(now, start, end, agingDays);
  return { ...visits, calls, complaints, messages, faults: { open: faults.length, candidates: faults.filter((f) => f.candidate === 1).length }, parcels };
}
