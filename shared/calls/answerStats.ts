// Answer-time statistics of the switchboard (接听不超过三声, issue 10 "Dashboard tiles"). Pure: the
// dashboard reads the calls of a range through the startedAt index and hands them here.
// Answer time is the ring time of an inbound call that was picked up (ringMs), whatever happened next.

export interface CallForStats {
  direction: 'inbound' | 'outbound' | 'internal';
  startedAt: number;
  answeredAt?: number | undefined;
  ringMs?: number | undefined;
  disposition: string;
  handledBy?: string | undefined;
}

/** Three rings: the regulations' limit, 18 s by default (configurable per desk). */
export const DEFAULT_ANSWER_TARGET_MS = 18_000;

/**
 * Percentile by the nearest-rank method: the smallest value with at least p% of the values at or below it.
 * Always a measured ring time (no interpolation), which is what "90% were answered within N s" means.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

const ABANDONED = new Set(['abandoned-ringing', 'abandoned-held']);

export function answerTimes(calls: readonly CallForStats[]): number[] {
  return calls.filter((c) => c.direction === 'inbound' && c.answeredAt !== undefined && c.ringMs !== undefined && c.ringMs >= 0).map((c) => c.ringMs!);
}

export interface AnswerStats {
  total: number;
  inbound: number;
  answered: number;
  p50Ms: number | undefined;
  p90Ms: number | undefined;
  /** Answered within the target, as a share (0…1) of the inbound calls answered; undefined when none. */
  withinTargetShare: number | undefined;
  withinTarget: number;
  missed: number;
  abandoned: number;
}

export function answerStats(calls: readonly CallForStats[], targetMs = DEFAULT_ANSWER_TARGET_MS): AnswerStats {
  const times = answerTimes(calls);
  const within = times.filter((ms) => ms <= targetMs).length;
  return {
    total: calls.length,
    inbound: calls.filter((c) => c.direction === 'inbound').length,
    answered: times.length,
    p50Ms: percentile(times, 50),
    p90Ms: percentile(times, 90),
    withinTarget: within,
    withinTargetShare: times.length ? within / times.length : undefined,
    missed: calls.filter((c) => c.disposition === 'missed').length,
    abandoned: calls.filter((c) => ABANDONED.has(c.disposition)).length,
  };
}

export interface Bucket {
  /** Start of the bucket (local hour or local day), epoch ms. */
  start: number;
  calls: number;
  answered: number;
  p50Ms: number | undefined;
  p90Ms: number | undefined;
}

function bucketsOf(calls: readonly CallForStats[], starts: number[]): Bucket[] {
  const groups = starts.map(() => [] as CallForStats[]);
  for (const call of calls) {
    // The last start at or before the call's start (starts ascend; local days/hours are not equal lengths).
    let lo = 0;
    let hi = starts.length - 1;
    if (call.startedAt < starts[0]!) continue;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= call.startedAt) lo = mid;
      else hi = mid - 1;
    }
    groups[lo]!.push(call);
  }
  return starts.map((start, i) => {
    const times = answerTimes(groups[i]!);
    return { start, calls: groups[i]!.length, answered: times.length, p50Ms: percentile(times, 50), p90Ms: percentile(times, 90) };
  });
}

/** 24 buckets, one per local hour of the day starting at `dayStart` (local midnight). Calls outside are ignored. */
export function byHour(calls: readonly CallForStats[], dayStart: number): Bucket[] {
  const starts: number[] = [];
  for (let h = 0; h < 24; h++) {
    const d = new Date(dayStart);
    d.setHours(h, 0, 0, 0);
    starts.push(d.getTime());
  }
  const end = new Date(dayStart);
  end.setDate(end.getDate() + 1);
  return bucketsOf(calls.filter((c) => c.startedAt < end.getTime()), starts);
}

/** `days` buckets of local days ending with the day that starts at `lastDayStart`. */
export function byDay(calls: readonly CallForStats[], lastDayStart: number, days = 7): Bucket[] {
  const starts: number[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(lastDayStart);
    d.setDate(d.getDate() - i);
    d.setHours(0, 0, 0, 0);
    starts.push(d.getTime());
  }
  const end = new Date(lastDayStart);
  end.setDate(end.getDate() + 1);
  return bucketsOf(calls.filter((c) => c.startedAt < end.getTime()), starts);
}

/** The same figures per operator (handledBy), for a supervisor. */
export function statsByOperator(calls: readonly CallForStats[], targetMs = DEFAULT_ANSWER_TARGET_MS): Map<string, AnswerStats> {
  const groups = new Map<string, CallForStats[]>();
  for (const c of calls) {
    const key = c.handledBy ?? '';
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(c);
  }
  return new Map([...groups].map(([k, list]) => [k, answerStats(list, targetMs)]));
}

export interface OperatorAnswerStats extends AnswerStats {
  /** handledBy of the calls: the operator signed in when the call was recorded ('' when nobody was). */
  operatorId: string;
}

/**
 * The supervisor's table: one row per operator with their calls answered and answer times (p50, p90,
 * share within target), most calls answered first, then by operator id so the order is stable.
 */
export function operatorAnswerStats(calls: readonly CallForStats[], targetMs = DEFAULT_ANSWER_TARGET_MS): OperatorAnswerStats[] {
  return [...statsByOperator(calls, targetMs)]
    .map(([operatorId, stats]) => ({ operatorId, ...stats }))
    .sort((a, b) => b.answered - a.answered || b.total - a.total || (a.operatorId < b.operatorId ? -1 : a.operatorId > b.operatorId ? 1 : 0));
}
