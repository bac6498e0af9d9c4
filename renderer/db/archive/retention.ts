// Destroys records past their retention period (shared/archive/retention.ts), but only those a verified
// archive bundle holds exactly as they are stored: the bundle the supervisor chooses is streamed, every row
// in it that is past its period and identical to the stored row is planned; expired rows the bundle lacks (or
// holds in an older version) are kept and counted. The plan is a dry run; applying it removes the rows (and
// removes ID numbers from visitors past that shorter period) in one transaction with one audit entry naming
// the counts and the bundle's manifest checksum.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '@shared/archive/canonicalJson';
import type { BundleManifest } from '@shared/archive/bundleFormat';
import { RETENTION_TABLES, retentionAction, type RetentionKind, type RetentionPeriods } from '@shared/archive/retention';
import type { FrontDeskDatabase, TableName } from '../FrontDeskDatabase';
import { writePathOf, type WriteContext } from '../writePath';
import { BundleRowsError, streamBundleRows } from './bundleRows';
import type { BundleSource, ReadOptions } from './readBundle';

type RetentionTable = (typeof RETENTION_TABLES)[number];

export interface RetentionPlan {
  /** Rows to remove, by table: past their period and held by the bundle exactly as stored. */
  destroy: Partial<Record<RetentionTable, string[]>>;
  /** Visitors whose ID number goes (held by the bundle with it). */
  redactIdNumbers: string[];
  /** Per kind: rows past their period, of which in the bundle (to go) and kept (not in the bundle as stored). */
  byKind: Record<RetentionKind, { expired: number; archived: number; kept: number }>;
  /** updatedAt of each planned row (`table:id`) when planned: a row changed since is left alone. */
  versions: Map<string, number>;
  /** SHA-256 of the bundle's manifest.json text: names the bundle in the audit entry. */
  manifestSha256: string;
  now: number;
}

export type RetentionPlanOutcome = { status: 'planned'; plan: RetentionPlan } | { status: 'refused'; problem: BundleRowsError['problem']; table?: string; line?: number };

const emptyKinds = (): RetentionPlan['byKind'] => ({
  calls: { expired: 0, archived: 0, kept: 0 },
  visits: { expired: 0, archived: 0, kept: 0 },
  idNumbers: { expired: 0, archived: 0, kept: 0 },
  complaints: { expired: 0, archived: 0, kept: 0 },
  auditLog: { expired: 0, archived: 0, kept: 0 },
});

/** The dry run: what retention would remove at `now` with this bundle as the archive. Writes nothing. */
export async function planRetention(
  db: FrontDeskDatabase,
  source: BundleSource,
  manifest: BundleManifest,
  periods: RetentionPeriods,
  options: ReadOptions & { now?: number } = {},
): Promise<RetentionPlanOutcome> {
  const now = options.now ?? Date.now();
  const destroy: RetentionPlan['destroy'] = {};
  const redact: string[] = [];
  const archived = new Set<string>();
  const versions = new Map<string, number>();
  try {
    await streamBundleRows(
      source,
      manifest,
      async (table, batch) => {
        if (!(RETENTION_TABLES as readonly string[]).includes(table) || batch.length === 0) return;
        const stored = (await db.table(table).bulkGet(batch.map((b) => String(b.row.id)))) as (Record<string, unknown> | undefined)[];
        batch.forEach(({ row }, i) => {
          const current = stored[i];
          // Only what the bundle holds exactly as stored: a row changed since the export is not archived.
          if (!current || canonicalJson(current) !== canonicalJson(row)) return;
          const action = retentionAction(table, current, periods, now);
          if (action.action === 'destroy') (destroy[table as RetentionTable] ??= []).push(String(row.id));
          else if (action.action === 'redactIdNumber') redact.push(String(row.id));
          else return;
          archived.add(`${table}:${String(row.id)}`);
          versions.set(`${table}:${String(row.id)}`, Number(current.updatedAt));
        });
      },
      options,
    );
  } catch (error) {
    if (error instanceof BundleRowsError) return { status: 'refused', problem: error.problem, table: error.table, line: error.line };
    throw error;
  }

  // Every stored row past its period, to count what the bundle does not hold (kept).
  const byKind = emptyKinds();
  for (const table of RETENTION_TABLES) {
    await db.table(table).each((row: Record<string, unknown>) => {
      const action = retentionAction(table, row, periods, now);
      if (action.action === 'keep') return;
      const counts = byKind[action.kind];
      counts.expired += 1;
      if (archived.has(`${table}:${String(row.id)}`)) counts.archived += 1;
      else counts.kept += 1;
    });
  }
  const manifestSha256 = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(manifest))));
  return { status: 'planned', plan: { destroy, redactIdNumbers: redact, byKind, versions, manifestSha256, now } };
}

export interface RetentionApplied {
  destroyed: number;
  redacted: number;
}

/** Carries out a plan in one transaction (rows changed since the plan are left alone); one audit entry for the run. */
export async function applyRetention(db: FrontDeskDatabase, plan: RetentionPlan, bundleLabel: string, context: WriteContext = {}): Promise<RetentionApplied> {
  const writes = writePathOf(db);
  const tables: TableName[] = [...RETENTION_TABLES];
  return writes.transaction(tables, async () => {
    let destroyed = 0;
    const counts: string[] = [];
    const unchanged = (table: string, row: { id: string; updatedAt: number } | undefined) => row !== undefined && plan.versions.get(`${table}:${row.id}`) === row.updatedAt;
    for (const table of RETENTION_TABLES) {
      const planned = plan.destroy[table] ?? [];
      if (planned.length === 0) continue;
      const current = (await db.table(table).bulkGet(planned)) as ({ id: string; updatedAt: number } | undefined)[];
      const ids = current.filter((row) => unchanged(table, row)).map((row) => row!.id);
      if (ids.length === 0) continue;
      await writes.destroy(table, ids, context);
      destroyed += ids.length;
      counts.push(`${table}=${ids.length}`);
    }
    let redacted = 0;
    const visitors = (await db.visitors.bulkGet(plan.redactIdNumbers)).filter((v): v is NonNullable<typeof v> => v !== undefined && unchanged('visitors', v));
    for (const visitor of visitors) {
      if (visitor.idNumber === undefined) continue;
      await writes.patch('visitors', visitor, { idNumber: undefined } as never, null, context);
      redacted += 1;
    }
    if (redacted) counts.push(`visitor ID numbers=${redacted}`);
    await writes.audit(
      { action: 'destroy', summary: `retention: destroyed ${counts.join(', ') || 'nothing'}; archived in ${bundleLabel} (manifest sha256 ${plan.manifestSha256})`, entityTable: 'archive', entityId: plan.manifestSha256.slice(0, 26) },
      context,
    );
    return { destroyed, redacted };
  });
}
