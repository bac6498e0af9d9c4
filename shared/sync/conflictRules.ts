// Several desks, one log (issue 14): which tables replicate, what leaves a desk, and how two versions of
// the same row written at two desks while they could not see each other become one.
//
// The rules are pure and symmetric: mergeVersions(table, a, b) and mergeVersions(table, b, a) give the same
// merged row, so every desk that sees both versions, in any order, converges on the same result. Nothing is
// lost silently: when a field's value from one version does not survive the merge, that version is returned
// among the losers, for a supervisor's list.
//
// - Append-only tables (the audit log, parcel events) are written once and never edited: two different
//   versions of one id are not a conflict to resolve but damage to report.
// - State machines merge forward: the status only moves forward along its table's order, whichever edit came
//   later, and the fields that belong to a state (leftAt with "left", collectedBy with "collected") come from
//   the version that reached that state. A visit that has left never returns on site because another desk
//   edited a stale copy; a collected parcel stays collected.
// - Every other field takes the later updatedAt, with the desk id as the tie-break.
// - Lists that only grow (follow-ups, deliveries, reminders) are the union of both versions.

import { isReplicatedTable, type ReplicatedTable } from './replicatedTables';

export { isReplicatedTable, REPLICATED_TABLES, type ReplicatedTable } from './replicatedTables';

export type SyncRow = Record<string, unknown> & { id: string; updatedAt: number; deskId: string };

interface StateMachinePolicy {
  kind: 'stateMachine';
  /** How far along each status is; equal ranks (two different endings) fall back to the later write. */
  rank: Readonly<Record<string, number>>;
  /** Fields that go with a state and come from the version whose status wins. */
  stateFields: readonly string[];
  /** Lists of entries that only grow: merged as the union of both versions. */
  growingLists?: readonly string[];
  /** Timestamps and counters where the larger value is the fact (the last time someone was told). */
  maxFields?: readonly string[];
}

interface LastWriterPolicy {
  kind: 'lastWriterWins';
  growingLists?: readonly string[];
  maxFields?: readonly string[];
}

export type SyncPolicy = { kind: 'appendOnly' } | StateMachinePolicy | LastWriterPolicy;

const VISIT_POLICY: StateMachinePolicy = {
  kind: 'stateMachine',
  rank: { expected: 0, onSite: 1, left: 2, cancelled: 2, noShow: 2 },
  stateFields: ['status', 'arrivedAt', 'expectedDepartureAt', 'leftAt', 'checkedOutBy', 'checkOutMethod'],
  maxFields: ['hostNotifiedAt', 'badgePrintCount'],
};

const PARCEL_POLICY: StateMachinePolicy = {
  kind: 'stateMachine',
  rank: { received: 0, notified: 1, collected: 2, returned: 2, refused: 2, sent: 2 },
  stateFields: ['status', 'collectedAt', 'collectedBy', 'delegateName', 'reason'],
  maxFields: ['notifiedAt', 'lastReminderAt'],
};

const MESSAGE_POLICY: StateMachinePolicy = {
  kind: 'stateMachine',
  rank: { open: 0, delivered: 1, acknowledged: 2, closed: 3 },
  stateFields: ['status', 'deliveredAt', 'acknowledgedAt', 'acknowledgedBy', 'acknowledgement', 'closedAt', 'closedBy', 'closeReason'],
  growingLists: ['deliveries', 'remindedAt', 'followUps'],
};

const COMPLAINT_POLICY: StateMachinePolicy = {
  kind: 'stateMachine',
  rank: { open: 0, inProgress: 1, answered: 2, closed: 3 },
  stateFields: ['status', 'reply', 'repliedAt'],
  growingLists: ['followUps'],
};

const FAULT_POLICY: StateMachinePolicy = {
  kind: 'stateMachine',
  rank: { open: 0, inRepair: 1, fixed: 2 },
  stateFields: ['status', 'fixedAt'],
};

const ACKNOWLEDGED_POLICY: StateMachinePolicy = {
  kind: 'stateMachine',
  rank: { open: 0, acknowledged: 1 },
  stateFields: ['status', 'acknowledgedAt', 'acknowledgedBy', 'decision', 'note'],
};

const LAST_WRITER: LastWriterPolicy = { kind: 'lastWriterWins' };

/** Every table that replicates, with its rule. A table missing here never leaves the desk. */
export const SYNC_POLICIES = {
  departments: LAST_WRITER,
  staff: LAST_WRITER,
  visitors: { kind: 'lastWriterWins', maxFields: ['lastVisitAt'] },
  visits: VISIT_POLICY,
  watchlist: LAST_WRITER,
  watchlistAlerts: ACKNOWLEDGED_POLICY,
  complaints: COMPLAINT_POLICY,
  parcels: PARCEL_POLICY,
  parcelEvents: { kind: 'appendOnly' },
  calls: LAST_WRITER,
  callNotes: LAST_WRITER,
  messages: MESSAGE_POLICY,
  equipmentFaults: FAULT_POLICY,
  auditLog: { kind: 'appendOnly' },
  operators: LAST_WRITER,
  settings: LAST_WRITER,
} as const satisfies Record<ReplicatedTable, SyncPolicy>;

/**
 * Tables that stay on the desk whatever is configured: the staging of a restore, and the shift handover,
 * which is one desk's note from the person leaving it to the person taking it over.
 */
export const LOCAL_ONLY_TABLES = ['restoreStaging', 'handovers'] as const;


/** A person's sign-in secret and lockout stay on the desk unless the supervisor chose site-wide accounts. */
const DESK_ONLY_OPERATOR_FIELDS = ['pinHash', 'failedAttempts', 'lockedUntil'] as const;

export interface OutboundOptions {
  /** Site-wide accounts: one PIN for a person at every desk (the supervisor's choice in Settings → Sync). */
  siteWideAccounts: boolean;
}

/**
 * What of a stored row leaves the desk, or null when nothing does: per-desk settings never, an operator
 * without their PIN hash and lockout unless accounts are site-wide, every other replicated row as it is.
 */
export function outboundRow(table: string, row: SyncRow, options: OutboundOptions): SyncRow | null {
  if (!isReplicatedTable(table)) return null;
  if (table === 'settings' && row.scope !== 'site') return null;
  if (table === 'operators' && !options.siteWideAccounts) {
    const copy: SyncRow = { ...row };
    for (const field of DESK_ONLY_OPERATOR_FIELDS) delete copy[field];
    return copy;
  }
  return row;
}

/**
 * An incoming operator row merged with the desk's own: without site-wide accounts, the desk keeps its own
 * PIN hash and lockout (the other desk never sent them).
 */
export function inboundRow(table: string, incoming: SyncRow, stored: SyncRow | undefined, options: OutboundOptions): SyncRow {
  if (table !== 'operators' || options.siteWideAccounts) return incoming;
  const copy: SyncRow = { ...incoming };
  for (const field of DESK_ONLY_OPERATOR_FIELDS) {
    if (stored && stored[field] !== undefined) copy[field] = stored[field];
    else delete copy[field];
  }
  return copy;
}

export type MergeRule = 'identical' | 'appendOnly' | 'stateForward' | 'laterWrite';

export interface MergeResult {
  merged: SyncRow;
  /**
   * The versions whose values did not all survive, kept for a supervisor's list (empty when nothing was
   * lost). Usually the earlier write; both when the status came from one and other fields from the other.
   */
  losers: SyncRow[];
  /** The fields whose loser value was overwritten (bookkeeping fields left out). */
  lostFields: string[];
  rule: MergeRule;
  /** Append-only rows that differ: not merged, reported as damage. */
  damaged?: boolean;
}

/** A total order on values, so equal timestamps and desks still pick the same winner everywhere. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'u';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** Later updatedAt wins; then the greater desk id; then the greater canonical form (identical rows tie). */
export function laterVersion(a: SyncRow, b: SyncRow): [winner: SyncRow, other: SyncRow] {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? [a, b] : [b, a];
  if (a.deskId !== b.deskId) return a.deskId > b.deskId ? [a, b] : [b, a];
  return canonical(a) >= canonical(b) ? [a, b] : [b, a];
}

const BOOKKEEPING = new Set(['updatedAt', 'deskId']);

function unionList(a: unknown, b: unknown): unknown[] | undefined {
  const left = Array.isArray(a) ? a : [];
  const right = Array.isArray(b) ? b : [];
  if (!Array.isArray(a) && !Array.isArray(b)) return undefined;
  const byKey = new Map<string, unknown>();
  for (const entry of [...left, ...right]) byKey.set(canonical(entry), entry);
  return [...byKey.entries()]
    .sort(([ka, ea], [kb, eb]) => entryTime(ea) - entryTime(eb) || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, entry]) => entry);
}

function entryTime(entry: unknown): number {
  if (typeof entry === 'number') return entry;
  if (entry && typeof entry === 'object' && typeof (entry as { at?: unknown }).at === 'number') return (entry as { at: number }).at;
  return 0;
}

function setField(row: SyncRow, field: string, value: unknown): void {
  if (value === undefined) delete row[field];
  else row[field] = value;
}

/** The two versions of one row, merged by the table's rule (see the top of this file). */
export function mergeVersions(table: ReplicatedTable, a: SyncRow, b: SyncRow): MergeResult {
  if (canonical(a) === canonical(b)) return { merged: a, losers: [], lostFields: [], rule: 'identical' };
  const policy: SyncPolicy = SYNC_POLICIES[table];
  const [later, earlier] = laterVersion(a, b);

  if (policy.kind === 'appendOnly') {
    // Never edited after it was written, so two versions mean damage; the first-written stays, the other is kept.
    const [kept, other] = a.createdAt !== b.createdAt
      ? ((a.createdAt as number) < (b.createdAt as number) ? [a, b] : [b, a])
      : [earlier, later];
    return { merged: kept, losers: [other], lostFields: differingFields(kept, other), rule: 'appendOnly', damaged: true };
  }

  const merged: SyncRow = { ...later };
  let rule: MergeRule = 'laterWrite';

  if (policy.kind === 'stateMachine') {
    const rankOf = (row: SyncRow) => policy.rank[String(row.status)] ?? -1;
    if (rankOf(earlier) > rankOf(later)) {
      for (const field of policy.stateFields) setField(merged, field, earlier[field]);
      rule = 'stateForward';
    }
  }
  for (const field of policy.growingLists ?? []) setField(merged, field, unionList(a[field], b[field]));
  for (const field of policy.maxFields ?? []) {
    const values = [a[field], b[field]].filter((v): v is number => typeof v === 'number');
    setField(merged, field, values.length ? Math.max(...values) : undefined);
  }
  merged.updatedAt = later.updatedAt;
  merged.deskId = later.deskId;

  // A larger timestamp or count replacing a smaller one loses nothing; nor does the stale status of the
  // write that was overtaken by a later state.
  const ignored = new Set<string>(policy.maxFields ?? []);
  const lostFromEarlier = lostFields(merged, earlier, ignored);
  const lostFromLater = lostFields(merged, later, rule === 'stateForward' ? new Set([...ignored, 'status']) : ignored);
  const losers = [...(lostFromEarlier.length ? [earlier] : []), ...(lostFromLater.length ? [later] : [])];
  const lost = [...new Set([...lostFromEarlier, ...lostFromLater])].sort();
  return { merged, losers, lostFields: lost, rule };
}

function lostFields(merged: SyncRow, version: SyncRow, ignored: ReadonlySet<string>): string[] {
  return Object.keys(version)
    .filter((field) => !BOOKKEEPING.has(field) && !ignored.has(field))
    .filter((field) => version[field] !== undefined && canonical(merged[field]) !== canonical(version[field]))
    .filter((field) => !isSubsetList(version[field], merged[field]));
}

function isSubsetList(part: unknown, whole: unknown): boolean {
  if (!Array.isArray(part) || !Array.isArray(whole)) return false;
  const keys = new Set(whole.map(canonical));
  return part.every((entry) => keys.has(canonical(entry)));
}

function differingFields(a: SyncRow, b: SyncRow): string[] {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...fields].filter((f) => canonical(a[f]) !== canonical(b[f])).sort();
}
