// Retention: how long each kind of record is kept, and what happens to a row once its period is over. Pure
// rules, one line per table, so what the desk destroys can be read at a glance. Destruction itself
// (renderer/db/archive/retention.ts) only ever removes a row that a verified archive bundle holds exactly as
// stored, and audits it; these rules only say which rows are past their period.
export const RETENTION_KINDS = ['calls', 'visits', 'idNumbers', 'complaints', 'auditLog'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Days each kind is kept; null keeps it for ever (the audit log, unless a supervisor sets a period). */
export type RetentionPeriods = Record<RetentionKind, number | null>;

export const DEFAULT_RETENTION: RetentionPeriods = {
  calls: 730, // two years, with their notes
  visits: 365, // one year, with the visitor once their last visit is that old
  idNumbers: 90, // an ID number goes before the rest of the visit: removed 90 days after the last visit
  complaints: 730, // closed ones only
  auditLog: null,
};

const DAY = 86_400_000;

export type RetentionAction = { action: 'keep' } | { action: 'destroy'; kind: RetentionKind } | { action: 'redactIdNumber'; kind: 'idNumbers' };

type Row = Record<string, unknown>;
const time = (...values: unknown[]): number | undefined => values.find((v): v is number => typeof v === 'number');

function past(periods: RetentionPeriods, kind: RetentionKind, at: number | undefined, now: number): boolean {
  const days = periods[kind];
  return days !== null && at !== undefined && at < now - days * DAY;
}

/** What retention does with one stored row of `table` at `now`. Tables without a rule are kept. */
export function retentionAction(table: string, row: Row, periods: RetentionPeriods, now: number): RetentionAction {
  const destroyIf = (kind: RetentionKind, at: number | undefined): RetentionAction => (past(periods, kind, at, now) ? { action: 'destroy', kind } : { action: 'keep' });
  switch (table) {
    case 'calls':
      return destroyIf('calls', time(row.endedAt, row.startedAt, row.createdAt));
    case 'callNotes':
      return destroyIf('calls', time(row.createdAt));
    case 'visits':
      // A visit still expected or on site is never expired, however old.
      if (row.status === 'onSite' || row.status === 'expected') return { action: 'keep' };
      return destroyIf('visits', time(row.leftAt, row.arrivedAt, row.expectedAt, row.createdAt));
    case 'visitors': {
      const last = time(row.lastVisitAt, row.createdAt);
      if (past(periods, 'visits', last, now)) return { action: 'destroy', kind: 'visits' };
      if (typeof row.idNumber === 'string' && past(periods, 'idNumbers', last, now)) return { action: 'redactIdNumber', kind: 'idNumbers' };
      return { action: 'keep' };
    }
    case 'complaints':
      return row.status === 'closed' ? destroyIf('complaints', time(row.updatedAt)) : { action: 'keep' };
    case 'auditLog':
      return destroyIf('auditLog', time(row.at, row.createdAt));
    default:
      return { action: 'keep' };
  }
}

/** The tables a retention run looks at. */
export const RETENTION_TABLES = ['calls', 'callNotes', 'visits', 'visitors', 'complaints', 'auditLog'] as const;

/** Periods read from settings: a missing or bad value falls back to the default, never to "destroy now". */
export function retentionPeriods(stored: Partial<Record<string, unknown>> | undefined): RetentionPeriods {
  const out = { ...DEFAULT_RETENTION };
  for (const kind of RETENTION_KINDS) {
    const value = stored?.[kind];
    if (value === null) out[kind] = null;
    else if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 36_500) out[kind] = value;
  }
  return out;
}
