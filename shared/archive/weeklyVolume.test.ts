import { describe, expect, it } from 'vitest';
import { buildWeeklyVolume, formatIsoWeek, isoWeekOf, isoWeekRange, isoWeeksBetween, layoutVolume, NO_CATEGORY, parseIsoWeek, shiftIsoWeek, type VolumeCall } from './weeklyVolume';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

function call(id: string, startedAt: number, extra: Partial<VolumeCall> = {}): VolumeCall {
  return { id, startedAt, direction: 'inbound', remoteNumber: '13800138000', disposition: 'answered', answeredAt: startedAt + 5000, ringMs: 5000, ...extra };
}

describe('ISO weeks', () => {
  it('knows the weeks at the turn of a year', () => {
    // 2026-01-01 is a Thursday: week 1 of 2026 starts on Monday 2025-12-29.
    expect(isoWeekOf(local(2025, 12, 29))).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf(local(2025, 12, 28, 23, 59))).toEqual({ year: 2025, week: 52 });
    // 2021-01-03 (Sunday) still belongs to 2020's week 53.
    expect(isoWeekOf(local(2021, 1, 3, 12))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(local(2026, 11, 2, 9))).toEqual({ year: 2026, week: 45 });
  });

  it('gives a week as local Monday to Monday, and round-trips its name', () => {
    const range = isoWeekRange({ year: 2026, week: 1 });
    expect(range).toEqual({ from: local(2025, 12, 29), to: local(2026, 1, 5) });
    expect(formatIsoWeek({ year: 2026, week: 5 })).toBe('2026-W05');
    expect(parseIsoWeek('2026-W05')).toEqual({ year: 2026, week: 5 });
    expect(parseIsoWeek('2020-W53')).toEqual({ year: 2020, week: 53 });
    // A year has 53 weeks only when it starts on a Thursday (2026) or is a leap year starting on a Wednesday.
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('2025-W53')).toBeUndefined();
    expect(parseIsoWeek('2026-13')).toBeUndefined();
    expect(shiftIsoWeek({ year: 2026, week: 1 }, -1)).toEqual({ year: 2025, week: 52 });
    expect(shiftIsoWeek({ year: 2020, week: 53 }, 1)).toEqual({ year: 2021, week: 1 });
  });

  it('lists the weeks a range touches, across a year end', () => {
    expect(isoWeeksBetween(local(2025, 12, 20), local(2026, 1, 6)).map(formatIsoWeek)).toEqual(['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
    // The end is exclusive: a range ending at Monday 00:00 does not touch that week.
    expect(isoWeeksBetween(local(2025, 12, 29), local(2026, 1, 5)).map(formatIsoWeek)).toEqual(['2026-W01']);
    expect(isoWeeksBetween(local(2026, 1, 5), local(2026, 1, 5))).toEqual([]);
  });
});

describe('weekly volume', () => {
  const week = { year: 2026, week: 45 }; // Monday 2026-11-02 … Sunday 2026-11-08
  const calls: VolumeCall[] = [
    call('A1', local(2026, 11, 2, 9, 0), { category: 'enquiry', ringMs: 3000 }),
    call('A2', local(2026, 11, 2, 8, 30), { category: 'enquiry', ringMs: 9000 }),
    call('A3', local(2026, 11, 2, 10, 0), { category: 'business', ringMs: 12_000 }),
    call('A4', local(2026, 11, 2, 11, 0), { disposition: 'missed', answeredAt: undefined, ringMs: 30_000 }),
    call('B1', local(2026, 11, 4, 14, 0), { category: 'zz-custom', direction: 'outbound', ringMs: 4000 }),
    call('B2', local(2026, 11, 4, 15, 0), { category: 'enquiry', disposition: 'abandoned-ringing', answeredAt: undefined }),
    call('B3', local(2026, 11, 8, 23, 59), { category: 'enquiry', ringMs: 6000 }),
    // Outside the week: the Sunday before and the Monday after.
    call('X1', local(2026, 11, 1, 23, 59)),
    call('X2', local(2026, 11, 9, 0, 0)),
  ];
  const volume = buildWeeklyVolume(week, calls, ['enquiry', 'business']);

  it('groups the week by day, then by category in the desk\'s order, calls in time order', () => {
    expect(volume.days).toHaveLength(7);
    const monday = volume.days[0]!;
    expect(monday.start).toBe(local(2026, 11, 2));
    expect(monday.categories.map((c) => c.category)).toEqual(['enquiry', 'business', NO_CATEGORY]);
    expect(monday.categories[0]!.calls.map((c) => c.id)).toEqual(['A2', 'A1']);
    expect(volume.days[1]!.categories).toEqual([]);
    // A category not in the desk's list comes after the listed ones.
    expect(volume.days[2]!.categories.map((c) => c.category)).toEqual(['enquiry', 'zz-custom']);
    expect(volume.days[6]!.categories[0]!.calls.map((c) => c.id)).toEqual(['B3']);
  });

  it('counts calls, answered, missed and the answer-time percentiles at every level', () => {
    expect(volume.totals).toEqual({ calls: 7, answered: 5, missed: 2, p50Ms: 6000, p90Ms: 12_000 });
    expect(volume.days[0]!.totals).toEqual({ calls: 4, answered: 3, missed: 1, p50Ms: 9000, p90Ms: 12_000 });
    expect(volume.days[0]!.categories[0]!.totals).toEqual({ calls: 2, answered: 2, missed: 0, p50Ms: 3000, p90Ms: 9000 });
    // An outgoing call has no answer time.
    expect(volume.days[2]!.categories[1]!.totals).toEqual({ calls: 1, answered: 1, missed: 0, p50Ms: undefined, p90Ms: undefined });
    expect(volume.days[1]!.totals).toEqual({ calls: 0, answered: 0, missed: 0, p50Ms: undefined, p90Ms: undefined });
  });

  it('lays out a cover, a table of contents and one section per day, with page numbers that match', () => {
    const many = buildWeeklyVolume(week, Array.from({ length: 45 }, (_, i) => call(`M${String(i).padStart(2, '0')}`, local(2026, 11, 3, 8, i), { category: 'enquiry' })), ['enquiry']);
    const layout = layoutVolume(many, 20, 34);
    expect(layout.pages[0]).toEqual({ kind: 'cover', number: 1 });
    expect(layout.pages[1]!.kind).toBe('toc');
    expect(layout.pages.map((p) => p.number)).toEqual(layout.pages.map((_, i) => i + 1));
    expect(layout.pageCount).toBe(layout.pages.length);
    // Tuesday's 45 calls need three pages of 20 lines; the other six days one page each.
    const tuesday = layout.pages.filter((p) => p.kind === 'day' && p.day === 1);
    expect(tuesday).toHaveLength(3);
    expect(layout.pageCount).toBe(1 + 1 + 6 + 3);
    // Every entry of the contents points at the page its section starts on.
    for (const entry of layout.toc) {
      const page = layout.pages[entry.page - 1]!;
      expect(page.kind).toBe('day');
      if (page.kind !== 'day') continue;
      expect(page.day).toBe(entry.day);
      if (entry.kind === 'category') expect(page.lines).toContainEqual({ kind: 'categoryHeading', day: entry.day, category: entry.category, continued: false });
    }
    // Every call is printed exactly once, and no page is longer than allowed.
    const printed = layout.pages.flatMap((p) => (p.kind === 'day' ? p.lines : [])).filter((l) => l.kind === 'call').map((l) => (l.kind === 'call' ? l.call.id : ''));
    expect(printed).toHaveLength(45);
    expect(new Set(printed).size).toBe(45);
    for (const page of layout.pages) if (page.kind === 'day') expect(page.lines.length).toBeLessThanOrEqual(20);
    // A continued page repeats its headings.
    expect(tuesday[1]!.kind === 'day' && tuesday[1]!.lines.slice(0, 2)).toEqual([{ kind: 'dayHeading', day: 1, continued: true }, { kind: 'categoryHeading', day: 1, category: 0, continued: true }]);
  });

  it('a week without calls still has its seven days, each saying so', () => {
    const empty = layoutVolume(buildWeeklyVolume(week, []));
    expect(empty.pageCount).toBe(9);
    expect(empty.pages.filter((p) => p.kind === 'day').every((p) => p.kind === 'day' && p.lines.some((l) => l.kind === 'noCalls'))).toBe(true);
  });
});
