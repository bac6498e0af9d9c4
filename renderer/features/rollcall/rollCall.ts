// The emergency roll call (紧急点名, docs/REQUIREMENTS.md §1): everybody on site now, with who they visit and
// since when. It reads only the local IndexedDB (no network, no server), so it works when everything else
// is down; on-site visits come from the `[status+arrivedAt]` index, the names from primary-key lookups.
import { repositoriesOf, type FrontDeskDatabase } from '../../db';

export interface RollCallRow {
  visitId: string;
  visitorName: string;
  organisation?: string;
  hostName?: string;
  hostExtension?: string;
  departmentName?: string;
  arrivedAt?: number;
  partySize: number;
  badgeNumber?: string;
}

export type RollCallOrder = 'department' | 'name';

export interface RollCall {
  rows: RollCallRow[];
  visits: number;
  /** Head count: the sum of the party sizes (a visit may register several people). */
  people: number;
  generatedAt: number;
}

const collator = new Intl.Collator('zh-Hans-u-co-pinyin', { sensitivity: 'base', numeric: true });

function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1; // visits without a host (or department) go last: they are the ones to ask about
  if (b === undefined) return -1;
  return collator.compare(a, b);
}

/** By host department (then host, then visitor) for the wardens of each floor, or by visitor name. */
export function sortRollCall(rows: readonly RollCallRow[], order: RollCallOrder): RollCallRow[] {
  const byName = (a: RollCallRow, b: RollCallRow) => collator.compare(a.visitorName, b.visitorName) || a.visitId.localeCompare(b.visitId);
  return [...rows].sort(
    order === 'name'
      ? byName
      : (a, b) => compareOptional(a.departmentName, b.departmentName) || compareOptional(a.hostName, b.hostName) || byName(a, b),
  );
}

export async function loadRollCall(db: FrontDeskDatabase, now: number = Date.now()): Promise<RollCall> {
  const repos = repositoriesOf(db);
  // One read transaction: during an import it waits for the chunk being written, then reads everything.
  return repos.visits.readTogether(() => readRollCall(repos, now));
}

async function readRollCall(repos: ReturnType<typeof repositoriesOf>, now: number): Promise<RollCall> {
  const visits = await repos.visits.onSite();
  // Rows of visitors and hosts are taken even if since deleted: everybody on site must be on the list.
  const visitors = await repos.visitors.byIds(visits.map((v) => v.visitorId), { includeDeleted: true });
  const hosts = await repos.staff.byIds(visits.map((v) => v.hostStaffId), { includeDeleted: true });
  const departments = await repos.departments.byIds([...hosts.values()].map((h) => h.departmentId), { includeDeleted: true });
  const rows = visits.map((visit): RollCallRow => {
    const visitor = visitors.get(visit.visitorId);
    const host = visit.hostStaffId ? hosts.get(visit.hostStaffId) : undefined;
    return {
      visitId: visit.id,
      // A visit whose visitor row is missing is still somebody on site: never drop them from the list.
      visitorName: visitor?.name ?? '?',
      organisation: visitor?.company,
      hostName: host?.name,
      hostExtension: host?.extension,
      departmentName: host?.departmentId ? departments.get(host.departmentId)?.name : undefined,
      arrivedAt: visit.arrivedAt,
      partySize: visit.partySize,
      badgeNumber: visit.badgeNumber,
    };
  });
  return { rows, visits: rows.length, people: rows.reduce((sum, r) => sum + r.partySize, 0), generatedAt: now };
}

/** Printing or exporting the roll call takes visitors' personal data off the desk: it is audited (§6). */
export async function auditRollCall(db: FrontDeskDatabase, how: 'printed' | 'exported', rollCall: Pick<RollCall, 'visits' | 'people'>, detail = ''): Promise<void> {
  await repositoriesOf(db).auditLog.recordExport('visits', 'rollcall', `emergency roll call ${how}: ${rollCall.people} people in ${rollCall.visits} visits${detail ? ` (${detail})` : ''}`);
}
