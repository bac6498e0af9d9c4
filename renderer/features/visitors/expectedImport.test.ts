import { describe, expect, it } from 'vitest';
import { parseExpectedCsv, type HostLookup } from '@shared/visitors/expectedCsv';
import { freshDatabase } from '../../test/testDatabase';
import { ImportCancelledError, importExpectedRows } from './expectedImport';

async function setup() {
  const fresh = await freshDatabase();
  const host = await fresh.repos.staff.create({ name: '张三', extension: '2301' });
  return { ...fresh, host };
}

describe('importExpectedRows', () => {
  it('writes every good row and reports progress', async () => {
    const { db } = await setup();
    const parsed = parseExpectedCsv('name,host,time\n李四,2301,10:00\n王五,2301,11:00\n赵六,2301,12:00\n', await hostsOf(db), new Date());
    const progress: number[] = [];
    expect(await importExpectedRows(db, parsed.rows, { onProgress: (done) => progress.push(done) })).toBe(3);
    expect(progress).toEqual([1, 2, 3]);
    expect((await db.visits.toArray()).map((v) => v.status)).toEqual(['expected', 'expected', 'expected']);
  });

  it('cancelled midway writes nothing at all', async () => {
    const { db } = await setup();
    const parsed = parseExpectedCsv('name,host,time\n李四,2301,10:00\n王五,2301,11:00\n赵六,2301,12:00\n', await hostsOf(db), new Date());
    const controller = new AbortController();
    await expect(
      importExpectedRows(db, parsed.rows, { signal: controller.signal, onProgress: (done) => done === 2 && controller.abort() }),
    ).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await db.visits.count()).toBe(0);
    expect(await db.visitors.count()).toBe(0);
    expect(await db.auditLog.where('entityTable').anyOf('visits', 'visitors').count()).toBe(0);
  });
});

async function hostsOf(db: Awaited<ReturnType<typeof freshDatabase>>['db']): Promise<HostLookup> {
  const staff = await db.staff.toArray();
  return {
    byExtension: new Map(staff.filter((p) => p.extension).map((p) => [p.extension!, { id: p.id, name: p.name }])),
    byName: new Map(staff.map((p) => [p.name, [{ id: p.id, name: p.name }]])),
  };
}
