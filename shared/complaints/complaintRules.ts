// Rules of visitors' suggestions and complaints (意见/投诉, docs/REQUIREMENTS.md §1): when an answer is due,
// when an item is overdue, and what saving a reply or a follow-up does to its status. Plain functions of
// the record and the clock, shared by the repository that enforces them and the screens that show them.
import type { Complaint } from '../domain/visitors';

/** Working days a complaint may wait for its answer by default (the service promise at the desk). */
export const DEFAULT_ANSWER_WORKING_DAYS = 3;

/** Statuses still waiting for the desk: only these can be overdue. */
export const WAITING_STATUSES: readonly Complaint['status'][] = ['open', 'inProgress'];

function isWeekend(date: Date): boolean {
  const day = date.getDay();
  return day === 0 || day === 6;
}

/** The end (23:59:59.999, local time) of the day `days` working days (Mon–Fri) after `from`. */
export function endOfWorkingDaysAfter(from: number, days: number): number {
  const date = new Date(from);
  let left = days;
  while (left > 0) {
    date.setDate(date.getDate() + 1);
    if (!isWeekend(date)) left -= 1;
  }
  date.setHours(23, 59, 59, 999);
  return date.getTime();
}

/**
 * Default due date: the end of the third working day after the complaint was logged. Public holidays
 * are not known to the console (they differ by year and region), so only weekends are skipped.
 */
export function defaultDueAt(createdAt: number): number {
  return endOfWorkingDaysAfter(createdAt, DEFAULT_ANSWER_WORKING_DAYS);
}

/** The end of a local calendar day given as yyyy-mm-dd (what a date field holds). */
export function endOfLocalDay(isoDate: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  return Number.isNaN(date.getTime()) ? undefined : date.getTime();
}

/** yyyy-mm-dd of an instant in local time (for a date field). */
export function localIsoDate(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Overdue: still waiting (open or in progress) and past its due date. Answered or closed never are. */
export function isOverdue(complaint: Pick<Complaint, 'status' | 'dueAt'>, now: number): boolean {
  return WAITING_STATUSES.includes(complaint.status) && complaint.dueAt !== undefined && now > complaint.dueAt;
}

/**
 * The status after an edit. Saving a (new or changed) reply answers the item; the first follow-up on an
 * open item means somebody is on it; otherwise the status the person chose stands.
 */
export function nextStatus(
  before: Pick<Complaint, 'status' | 'reply' | 'followUps'> | undefined,
  after: Pick<Complaint, 'status' | 'reply' | 'followUps'>,
): Complaint['status'] {
  const reply = after.reply?.trim();
  const replyChanged = Boolean(reply) && reply !== before?.reply?.trim();
  if (replyChanged && after.status !== 'closed') return 'answered';
  const followedUp = after.followUps.length > (before?.followUps.length ?? 0);
  if (followedUp && after.status === 'open') return 'inProgress';
  return after.status;
}
