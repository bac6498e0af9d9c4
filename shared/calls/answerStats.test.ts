import { describe, expect, it } from 'vitest';
import { answerStats, byDay, byHour, operatorAnswerStats, percentile, statsByOperator, type CallForStats } from './answerStats';

const base = new Date(2026, 2, 10, 0, 0, 0, 0).getTime();
const at = (h: number, m = 0) => base + h * 3600_000 + m * 60_000;
const answered = (startedAt: number, ringMs: number, handledBy = 'desk'): CallForStats => ({ direction: 'inbound', startedAt, answeredAt: startedAt + ringMs, ringMs, disposition: 'answered', handledBy });

describe('percentile (nearest rank)', () => {
  it('is a measured value', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(percentile([7000], 90)).toBe(7000);
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => s * 1000);
    expect(percentile(ten, 50)).toBe(5000);
    expect(percentile(ten, 90)).toBe(9000);
    expect(percentile(ten, 100)).toBe(10000);
    expect(percentile([3000, 1000, 2000], 50)).toBe(2000);
  });
});

describe('answer statistics', () => {
  it('measures answer time from ring time of inbound answered calls only', () => {
    const calls: CallForStats[] = [
      answered(at(9), 3000),
      answered(at(9, 5), 12_000),
      answered(at(9, 10), 18_000),
      answered(at(9, 20), 25_000),
      { direction: 'inbound', startedAt: at(10), ringMs: 30_000, disposition: 'missed' },
      { direction: 'inbound', startedAt: at(10, 1), ringMs: 9000, disposition: 'abandoned-ringing' },
      { direction: 'outbound', startedAt: at(11), answeredAt: at(11) + 2000, ringMs: 2000, disposition: 'answered' },
    ];
    const s = answerStats(calls);
    expect(s).toMatchObject({ total: 7, inbound: 6, answered: 4, p50Ms: 12_000, p90Ms: 25_000, withinTarget: 3, missed: 1, abandoned: 1 });
    expect(s.withinTargetShare).toBeCloseTo(0.75);
    // The target is configurable: three rings at 5 s each is 15 s.
    expect(answerStats(calls, 15_000).withinTarget).toBe(2);
    expect(answerStats([]).withinTargetShare).toBeUndefined();
  });

  it('buckets by local hour and by local day', () => {
    const calls = [answered(at(9), 2000), answered(at(9, 59), 6000), answered(at(14), 20_000), answered(base - 3600_000, 1000), answered(at(25), 1000)];
    const hours = byHour(calls, base);
    expect(hours).toHaveLength(24);
    expect(hours[9]).toMatchObject({ calls: 2, answered: 2, p50Ms: 2000, p90Ms: 6000 });
    expect(hours[14]).toMatchObject({ calls: 1, p90Ms: 20_000 });
    expect(hours.reduce((n, b) => n + b.calls, 0)).toBe(3);
    const days = byDay(calls, base, 7);
    expect(days).toHaveLength(7);
    expect(days[6]).toMatchObject({ start: base, calls: 3 });
    expect(days[5]).toMatchObject({ calls: 1 });
  });

  it('gives the same figures per operator', () => {
    const per = statsByOperator([answered(at(9), 2000, 'op-a'), answered(at(9), 30_000, 'op-b'), answered(at(10), 4000, 'op-a')]);
    expect(per.get('op-a')).toMatchObject({ answered: 2, withinTarget: 2, p90Ms: 4000 });
    expect(per.get('op-b')).toMatchObject({ answered: 1, withinTarget: 0 });
  });

  it("gives each operator's calls answered, median and p90 answer time, most answered first", () => {
    const missed = (startedAt: number, handledBy?: string): CallForStats => ({ direction: 'inbound', startedAt, disposition: 'missed', ...(handledBy ? { handledBy } : {}) });
    const calls = [
      // op-a: 1, 2, …, 10 s → median 5 s, p90 9 s, 8 of 10 within 8 s.
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => answered(at(9), s * 1000, 'op-a')),
      answered(at(10), 12_000, 'op-b'),
      answered(at(10), 20_000, 'op-b'),
      missed(at(11), 'op-b'),
      { direction: 'outbound' as const, startedAt: at(11), answeredAt: at(11) + 5000, ringMs: 5000, disposition: 'answered', handledBy: 'op-c' },
      missed(at(12)),
    ];
    const rows = operatorAnswerStats(calls, 8000);
    expect(rows.map((r) => r.operatorId)).toEqual(['op-a', 'op-b', '', 'op-c']);
    expect(rows[0]).toMatchObject({ answered: 10, p50Ms: 5000, p90Ms: 9000, withinTarget: 8, withinTargetShare: 0.8, missed: 0 });
    expect(rows[1]).toMatchObject({ total: 3, answered: 2, p50Ms: 12_000, p90Ms: 20_000, withinTarget: 0, missed: 1 });
    // Nobody signed in: the missed call is counted, under no operator.
    expect(rows[2]).toMatchObject({ answered: 0, missed: 1, p50Ms: undefined, withinTargetShare: undefined });
    // An outbound call is no answer time.
    expect(rows[3]).toMatchObject({ total: 1, answered: 0, p90Ms: undefined });
    expect(operatorAnswerStats([])).toEqual([]);
  });
});
