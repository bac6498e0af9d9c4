// The weekly phone-record volume (issue 12 item 2; REQUIREMENTS §4 "每周将电话记录按日期、类别整理，装订成册"):
// the calls of one ISO week grouped by local day and by the category of their note, with totals per category,
// per day and for the week (calls, answered, missed, answer-time p50/p90), and the volume laid out in pages
// (a cover, a table of contents, then one section per day, each starting on a new page) so the table of
// contents and the "n / N" page numbers are computed here, not left to the print engine.
// Pure: the renderer reads the week's calls and notes and hands them here; the print document is built from
// the pages (renderer/features/archive/volumeDocument.ts).
// Days are the desk's local days (the Date's local time, as the dashboard's byDay in shared/calls/answerStats.ts).
import { answerTimes, percentile } from '../calls/answerStats';

/** One call of the volume, with what its note says. */
export interface VolumeCall {
  id: string;
  startedAt: number;
  direction: 'inbound' | 'outbound' | 'internal';
  remoteNumber: string;
  remoteName?: string | undefined;
  disposition: string;
  answeredAt?: number | undefined;
  ringMs?: number | undefined;
  talkMs?: number | undefined;
  /** From the call's note: its category; undefined for a call without a note. */
  category?: string | undefined;
  callerName?: string | undefined;
  company?: string | undefined;
}

export interface VolumeTotals {
  calls: number;
  /** Calls someone picked up (answeredAt set), in either direction. */
  answered: number;
  /** Incoming calls that ended without being picked up (missed, abandoned while ringing, unanswered). */
  missed: number;
  /** Answer time (ring time of an incoming call that was picked up), nearest rank; undefined without one. */
  p50Ms: number | undefined;
  p90Ms: number | undefined;
}

/** The category of calls that have no note. */
export const NO_CATEGORY = '';

export interface VolumeCategory {
  category: string;
  calls: VolumeCall[];
  totals: VolumeTotals;
}

export interface VolumeDay {
  /** Local midnight of the day, epoch ms. */
  start: number;
  categories: VolumeCategory[];
  totals: VolumeTotals;
}

export interface IsoWeek {
  year: number;
  week: number;
}

export interface WeeklyVolume {
  week: IsoWeek;
  /** Local Monday 00:00 and the following Monday 00:00 (the range is [from, to)). */
  from: number;
  to: number;
  /** Seven days, Monday first, also the days without a call. */
  days: VolumeDay[];
  totals: VolumeTotals;
}

const UNANSWERED_INBOUND = new Set(['missed', 'abandoned-ringing', 'unanswered']);

export function volumeTotals(calls: readonly VolumeCall[]): VolumeTotals {
  const times = answerTimes(calls);
  return {
    calls: calls.length,
    answered: calls.filter((c) => c.answeredAt !== undefined).length,
    missed: calls.filter((c) => c.direction === 'inbound' && c.answeredAt === undefined && UNANSWERED_INBOUND.has(c.disposition)).length,
    p50Ms: percentile(times, 50),
    p90Ms: percentile(times, 90),
  };
}

// ---- ISO weeks (ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday) ----

/** The ISO week a local instant falls in. */
export function isoWeekOf(at: number): IsoWeek {
  const d = new Date(at);
  // The Thursday of this week decides the year.
  const day = (d.getDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - day + 3);
  const year = thursday.getFullYear();
  const firstThursday = new Date(year, 0, 4);
  const firstMonday = new Date(year, 0, 4 - ((firstThursday.getDay() + 6) % 7));
  const week = 1 + Math.round((new Date(thursday.getFullYear(), thursday.getMonth(), thursday.getDate() - 3).getTime() - firstMonday.getTime()) / (7 * 86_400_000));
  return { year, week };
}

/** Local Monday 00:00 of an ISO week and of the week after. */
export function isoWeekRange(week: IsoWeek): { from: number; to: number } {
  const jan4 = new Date(week.year, 0, 4);
  const mondayOfWeek1 = 4 - ((jan4.getDay() + 6) % 7);
  const from = new Date(week.year, 0, mondayOfWeek1 + (week.week - 1) * 7);
  const to = new Date(week.year, 0, mondayOfWeek1 + week.week * 7);
  return { from: from.getTime(), to: to.getTime() };
}

/** "2026-W05" */
export function formatIsoWeek(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

/** Reads "2026-W05" (also "2026W5"); undefined for anything else or a week the year does not have. */
export function parseIsoWeek(text: string): IsoWeek | undefined {
  const m = /^\s*(\d{4})-?W(\d{1,2})\s*$/i.exec(text);
  if (!m) return undefined;
  const week = { year: Number(m[1]), week: Number(m[2]) };
  if (week.week < 1 || week.week > 53) return undefined;
  const { from } = isoWeekRange(week);
  const back = isoWeekOf(from);
  return back.year === week.year && back.week === week.week ? week : undefined;
}

/** The week before (-1) or after (+1). */
export function shiftIsoWeek(week: IsoWeek, by: number): IsoWeek {
  const { from } = isoWeekRange(week);
  const d = new Date(from);
  return isoWeekOf(new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7 * by + 3).getTime());
}

// ---- grouping ----

function byTime(a: VolumeCall, b: VolumeCall): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The volume of `week`: calls outside the week are left out. Categories come in `categoryOrder` (the desk's
 * list), then any other category in alphabetical order, then the calls without a note.
 */
export function buildWeeklyVolume(week: IsoWeek, calls: readonly VolumeCall[], categoryOrder: readonly string[] = []): WeeklyVolume {
  const { from, to } = isoWeekRange(week);
  const inWeek = calls.filter((c) => c.startedAt >= from && c.startedAt < to);
  const days: VolumeDay[] = [];
  const rank = (category: string) => {
    const i = categoryOrder.indexOf(category);
    return i >= 0 ? i : category === NO_CATEGORY ? Number.MAX_SAFE_INTEGER : categoryOrder.length;
  };
  for (let i = 0; i < 7; i += 1) {
    const f = new Date(from);
    const start = new Date(f.getFullYear(), f.getMonth(), f.getDate() + i).getTime();
    const end = new Date(f.getFullYear(), f.getMonth(), f.getDate() + i + 1).getTime();
    const ofDay = inWeek.filter((c) => c.startedAt >= start && c.startedAt < end);
    const groups = new Map<string, VolumeCall[]>();
    for (const call of ofDay) {
      const category = call.category ?? NO_CATEGORY;
      if (!groups.has(category)) groups.set(category, []);
      groups.get(category)!.push(call);
    }
    const categories = [...groups.entries()]
      .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([category, list]) => {
        const sorted = [...list].sort(byTime);
        return { category, calls: sorted, totals: volumeTotals(sorted) };
      });
    days.push({ start, categories, totals: volumeTotals(ofDay) });
  }
  return { week, from, to, days, totals: volumeTotals(inWeek) };
}

// ---- pages ----

/** One line of a day section: every line has the same height, so a page holds a fixed number of them. */
export type VolumeLine =
  | { kind: 'dayHeading'; day: number; continued: boolean }
  | { kind: 'categoryHeading'; day: number; category: number; continued: boolean }
  | { kind: 'columns' }
  | { kind: 'call'; call: VolumeCall }
  | { kind: 'categoryTotals'; day: number; category: number }
  | { kind: 'dayTotals'; day: number }
  | { kind: 'noCalls' };

export interface TocEntry {
  kind: 'day' | 'category';
  day: number;
  category?: number;
  /** 1-based page number. */
  page: number;
}

export type VolumePage =
  | { kind: 'cover'; number: number }
  | { kind: 'toc'; number: number; entries: TocEntry[] }
  | { kind: 'day'; number: number; day: number; lines: VolumeLine[] };

export interface VolumeLayout {
  pages: VolumePage[];
  pageCount: number;
  toc: TocEntry[];
}

export const DEFAULT_LINES_PER_PAGE = 34;
export const DEFAULT_TOC_LINES_PER_PAGE = 34;

/**
 * Lays the volume out: page 1 is the cover, then the table of contents (as many pages as its entries need),
 * then each day from a new page. A category's heading never ends a page on its own, and a section continued
 * on the next page repeats its day (and category) heading marked as continued.
 */
export function layoutVolume(volume: WeeklyVolume, linesPerPage = DEFAULT_LINES_PER_PAGE, tocLinesPerPage = DEFAULT_TOC_LINES_PER_PAGE): VolumeLayout {
  const perPage = Math.max(6, linesPerPage);
  // Day sections first (their page numbers depend only on where they start).
  const dayPages: { day: number; lines: VolumeLine[] }[][] = [];
  const tocDraft: Omit<TocEntry, 'page'>[] = [];
  const tocPageOffset: number[] = []; // page index within the day pages, per TOC entry
  let pageIndex = 0;
  volume.days.forEach((day, d) => {
    const pages: { day: number; lines: VolumeLine[] }[] = [];
    let current: VolumeLine[] = [];
    const newPage = (continuedCategory?: number) => {
      pages.push({ day: d, lines: current });
      current = [{ kind: 'dayHeading', day: d, continued: true }];
      if (continuedCategory !== undefined) current.push({ kind: 'categoryHeading', day: d, category: continuedCategory, continued: true }, { kind: 'columns' });
    };
    const room = () => perPage - current.length;
    current.push({ kind: 'dayHeading', day: d, continued: false });
    tocDraft.push({ kind: 'day', day: d });
    tocPageOffset.push(pageIndex);
    if (day.categories.length === 0) current.push({ kind: 'noCalls' });
    day.categories.forEach((category, c) => {
      // A heading, the column names and at least one call stay together.
      if (room() < 3) newPage();
      tocDraft.push({ kind: 'category', day: d, category: c });
      tocPageOffset.push(pageIndex + pages.length);
      current.push({ kind: 'categoryHeading', day: d, category: c, continued: false }, { kind: 'columns' });
      for (const call of category.calls) {
        if (room() < 1) newPage(c);
        current.push({ kind: 'call', call });
      }
      if (room() < 1) newPage();
      current.push({ kind: 'categoryTotals', day: d, category: c });
    });
    if (room() < 1) newPage();
    current.push({ kind: 'dayTotals', day: d });
    pages.push({ day: d, lines: current });
    dayPages.push(pages);
    pageIndex += pages.length;
  });
  const tocPages = Math.max(1, Math.ceil(tocDraft.length / Math.max(1, tocLinesPerPage)));
  const firstDayPage = 1 + tocPages + 1;
  const toc: TocEntry[] = tocDraft.map((entry, i) => ({ ...entry, page: firstDayPage + tocPageOffset[i]! }));
  const pages: VolumePage[] = [{ kind: 'cover', number: 1 }];
  for (let i = 0; i < tocPages; i += 1) pages.push({ kind: 'toc', number: 2 + i, entries: toc.slice(i * tocLinesPerPage, (i + 1) * tocLinesPerPage) });
  for (const page of dayPages.flat()) pages.push({ kind: 'day', number: pages.length + 1, day: page.day, lines: page.lines });
  return { pages, pageCount: pages.length, toc };
}

/** The ISO weeks that [from, to) touches, oldest first (at most `limit`, the newest kept). */
export function isoWeeksBetween(from: number, to: number, limit = 520): IsoWeek[] {
  if (!(to > from)) return [];
  const last = isoWeekOf(to - 1);
  const weeks: IsoWeek[] = [];
  let week = isoWeekOf(from);
  for (;;) {
    weeks.push(week);
    if ((week.year === last.year && week.week === last.week) || weeks.length > 5_000) break;
    week = shiftIsoWeek(week, 1);
  }
  return weeks.slice(-limit);
}
