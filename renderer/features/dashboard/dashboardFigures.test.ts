import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrontDeskDatabase, Repositories } from '../../db';
import { freshDatabase } from '../../test/testDatabase';
import { addCall, addVisit, addVisitor } from '../../test/visitFixtures';
import { callFigures, dashboardFigures, dayBounds, percentile, visitFigures } from './dashboardFigures';

let db: FrontDeskDatabase;
let repos: Repositories;
// 2025-03-05 14:00 local time; the tests build every instant from it, so they hold in any time zone.
const now = new Date(2025, 2, 5, 14, 0).getTime();
const hour = 3_600_000;
const { start } = dayBounds(now);

beforeEach(async () => {
  ({ db, repos } = await freshDatabase());
});
afterEach(() => db.close());

describe('percentile (nearest rank)', () => {
  it('is a measured value, undefined with nothing measured', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(percentile([4000], 90)).toBe(4000);
    expect(percentile([1000, 3000, 2000, 4000], 50)).toBe(2000);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });
});

describe('dashboard figures', () => {
  it('counts visitors today, on site (people and visits), overdue and still expected', async () => {
    const v = await addVisitor(db, '张三', 'ACME');
    await addVisit(db, v, { status: 'onSite', arrivedAt: now - 2 * hour, partySize: 3, expectedDepartureAt: now - hour }); // overdue
    await addVisit(db, v, { status: 'onSite', arrivedAt: now - hour, partySize: 1, expectedDepartureAt: now + hour });
    await addVisit(db, v, { status: 'onSite', arrivedAt: start - 20 * hour, partySize: 2 }); // arrived yesterday, still here
    await addVisit(db, v, { status: 'left', arrivedAt: now - 3 * hour, leftAt: now - 2 * hour, partySize: 1 });
    await addVisit(db, v, { status: 'left', arrivedAt: start - 5 * hour, leftAt: start - 4 * hour, partySize: 1 }); // yesterday
    await addVisit(db, v, { status: 'expected', expectedAt: now + 2 * hour, partySize: 4 });
    await addVisit(db, v, { status: 'expected', expectedAt: now - hour, partySize: 1 }); // late, still expected today
    await addVisit(db, v, { status: 'expected', expectedAt: start + 30 * hour, partySize: 1 }); // tomorrow
    await addVisit(db, v, { status: 'noShow', expectedAt: now - 3 * hour, partySize: 1 });
    const deleted = await addVisit(db, v, { status: 'onSite', arrivedAt: now - hour, partySize: 5 });
    await repos.visits.softDelete(deleted.id);

    expect(await visitFigures(db, now)).toEqual({
      visitorsToday: { visits: 3, people: 5 },
      onSiteNow: { visits: 3, people: 6 },
      overdueVisits: 1,
      expectedToArrive: { visits: 2, people: 5 },
    });
  });

  it('computes calls today, answer-time median and p90 of answered inbound calls, abandoned and missed', async () => {
    const answered = [2000, 4000, 6000, 8000, 10_000, 12_000, 14_000, 16_000, 18_000, 20_000];
    for (const [i, ringMs] of answered.entries()) {
      await addCall(db, { startedAt: start + (i + 1) * hour, answeredAt: start + (i + 1) * hour + ringMs, ringMs, disposition: i === 0 ? 'transferred-blind' : 'answered' });
    }
    await addCall(db, { startedAt: now - hour, ringMs: 30_000, disposition: 'abandoned-ringing' });
    await addCall(db, { startedAt: now - hour, answeredAt: now - hour + 1000, ringMs: 1000, disposition: 'abandoned-held' });
    await addCall(db, { startedAt: now - 2 * hour, ringMs: 40_000, disposition: 'missed' });
    // Outbound ring time is the far end's, not the desk's answer speed.
    await addCall(db, { startedAt: now - 2 * hour, direction: 'outbound', answeredAt: now - 2 * hour + 50_000, ringMs: 50_000, disposition: 'answered' });
    await addCall(db, { startedAt: start - hour, answeredAt: start - hour + 90_000, ringMs: 90_000, disposition: 'answered' }); // yesterday

    const calls = await callFigures(db, now);
    // 11 answered inbound ring times: 1000 (abandoned while held, but answered), 2000 … 20000.
    expect(calls).toMatchObject({ total: 14, answered: 11, answerMedianMs: 10_000, answerP90Ms: 18_000, abandoned: 2, missed: 1, targetMs: 18_000 });
    // p90 is 18 s, so at least 90% were answered within three rings (18 s).
    expect(calls.withinTargetShare).toBeGreaterThanOrEqual(0.9);
  });

  it('says undefined answer times on a quiet day, and joins the complaint counts', async () => {
    await repos.complaints.create({ kind: 'complaint', content: 'late', dueAt: now - hour });
    await repos.complaints.create({ kind: 'suggestion', content: 'fine' });
    const figures = await dashboardFigures(db, Date.now());
    expect(figures.calls).toEqual({ total: 0, answered: 0, answerMedianMs: undefined, answerP90Ms: undefined, abandoned: 0, missed: 0, withinTargetShare: undefined, targetMs: 18_000 });
    expect(figures.messages).toEqual({ open: 0, overdue: 0 });
    expect(figures.complaints).toEqual({ open: 2, overdue: 1 });
  });

  it('reads through index ranges, never a whole-table scan', async () => {
    const scans: string[] = [];
    for (const table of [db.visits, db.calls, db.complaints] as unknown as Array<Record<'toCollection' | 'toArray' | 'name', unknown>>) {
      for (const method of ['toCollection', 'toArray'] as const) {
        const original = (table[method] as () => unknown).bind(table);
        table[method] = () => {
          scans.push(`${String(table.name)}.${method}`);
          return original();
        };
      }
    }
    await dashboardFigures(db, now);
    expect(scans).toEqual([]);
  });
});
