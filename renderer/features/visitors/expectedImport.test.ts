import { describe, expect, it } from 'vitest';
import { parseExpectedCsv, type HostLookup } from '@shared/visitors/expectedCsv';
import { freshDatabase } from '../../test/testDatabase';
import { loadRollCall } from '../rollcall/rollCall';
import { ImportCancelledError, importExpectedRows } from './expectedImport';

async function setup() {
  const fresh = await freshDatabase();
  const host = await fresh.repos.staff.create({ name: '张三', extension: '2301' });
  return { ...fresh, host };
}

const THREE = 'name,host,time\n李四,2301,10:00\n王五,2301,11:00\n赵六,2301,12:00\n';

function manyRows(count: number): string {
  const lines = ['name,host,time'];
  for (let i = 0; i < count; i += 1) lines.push(`访客${i},2301,${String(9 + (i % 9)).padStart(2, '0')}:00`);
  return lines.join('\n');
}

describe('importExpectedRows', () => {
  it('writes every good row, reports progress per chunk and audits the import once', async () => {
    const { db } = await setup();
    const parsed = parseExpectedCsv(THREE, await hostsOf(db), new Date());
    const progress: number[] = [];
    expect(await importExpectedRows(db, parsed.rows, { onProgress: (done) => progress.push(done) })).toBe(3);
    expect(progress).toEqual([3]);
    const visits = await db.visits.toArray();
    expect(visits.map((v) => v.status)).toEqual(['expected', 'expected', 'expected']);
    // Visible: no staging marks left, and the rows say which import brought them in.
    expect(visits.every((v) => v.deletedAt === undefined && !('stagedImportId' in v))).toBe(true);
    const audit = await db.auditLog.where('action').equals('import').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityTable: 'visits', entityId: (visits[0] as { importId?: string }).importId });
    expect(audit[0]!.summary).toMatch(/^pre-registered 3 expected visitors \(CSV import [0-9A-Z]{26}\)$/);
    expect((await db.visitors.toArray()).map((v) => v.name).sort()).toEqual(['李四', '王五', '赵六'].sort());
  });

  it('cancelled midway stores nothing at all (counted with tombstones)', async () => {
    const { db } = await setup();
    const parsed = parseExpectedCsv(manyRows(400), await hostsOf(db), new Date());
    const controller = new AbortController();
    const progress: number[] = [];
    await expect(
      importExpectedRows(db, parsed.rows, { signal: controller.signal, onProgress: (done) => { progress.push(done); if (done >= 250) controller.abort(); } }),
    ).rejects.toBeInstanceOf(ImportCancelledError);
    expect(progress.at(-1)).toBeLessThan(400);
    expect(await db.visits.count()).toBe(0);
    expect(await db.visitors.count()).toBe(0);
    expect(await db.auditLog.where('entityTable').anyOf('visits', 'visitors').count()).toBe(0);
    expect((await db.auditLog.where('entityTable').equals('imports').toArray()).map((e) => e.summary)).toEqual(['expected import cancelled: 500 staged rows rolled back, nothing imported']);
  }, 60_000);

  it('never blocks the roll call: it reads between two chunks and sees the people on site, not the staged rows', async () => {
    const { db, repos, host } = await setup();
    const onSite = await repos.visits.checkIn({ registration: { name: '在场的人', hostStaffId: host.id } });
    if (onSite.kind !== 'checked-in') throw new Error('check-in needs clearance');
    const parsed = parseExpectedCsv(manyRows(1_000), await hostsOf(db), new Date());
    const events: string[] = [];
    let rollCall: Promise<void> | undefined;
    const imported = importExpectedRows(db, parsed.rows, {
      onProgress: (done, total) => {
        events.push(`progress ${done}/${total}`);
        // Asked for after the first chunk: with one long transaction it would come back after the last.
        rollCall ??= loadRollCall(db).then(async (rc) => {
          events.push(`roll call ${rc.rows.map((r) => r.visitorName).join(',')}`);
          events.push(`expected visible ${(await repos.visits.expectedBetween(0, Number.MAX_SAFE_INTEGER)).length}`);
        });
      },
    });
    expect(await imported).toBe(1_000);
    await rollCall;
    const answered = events.findIndex((e) => e.startsWith('roll call'));
    expect(events[answered]).toBe('roll call 在场的人');
    // The roll call came back while the import still had chunks to write …
    expect(events.slice(answered).some((e) => e.startsWith('progress'))).toBe(true);
    // … and none of the rows staged so far was on the expected list meanwhile.
    const visible = events.findIndex((e) => e.startsWith('expected visible'));
    expect(events[visible]).toBe('expected visible 0');
    expect(visible).toBeLessThan(events.length - 1);
    expect(events.at(-1)).toBe('progress 1000/1000');
    expect(await repos.visits.expectedBetween(0, Number.MAX_SAFE_INTEGER)).toHaveLength(1_000);
  }, 120_000);
});

async function hostsOf(db: Awaited<ReturnType<typeof freshDatabase>>['db']): Promise<HostLookup> {
  const staff = await db.staff.toArray();
  return {
    byExtension: new Map(staff.filter((p) => p.extension).map((p) => [p.extension!, { id: p.id, name: p.name }])),
    byName: new Map(staff.map((p) => [p.name, [{ id: p.id, name: p.name }]])),
  };
}
