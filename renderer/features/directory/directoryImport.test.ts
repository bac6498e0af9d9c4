import { describe, expect, it } from 'vitest';
import { parseDirectoryCsv } from '@shared/directory/directoryCsv';
import { freshDatabase } from '../../test/testDatabase';
import { ImportCancelledError, importDirectoryRows } from './directoryImport';

const csv = [
  'name,department,title,extension,mobile',
  '张三,销售部,经理,2301,13800138000',
  '李四,销售部,代表,2302,',
  '王五,财务部,会计,2401,',
  '赵六,,司机,,',
  '钱七,技术部,工程师,2601,',
].join('\n');

describe('importDirectoryRows', () => {
  it('writes good rows, creating departments as needed, with one import audit entry', async () => {
    const { db, repos } = await freshDatabase();
    await repos.departments.create({ name: '销售部' });
    const parsed = parseDirectoryCsv(csv);
    const progress: number[] = [];
    const outcome = await importDirectoryRows(db, parsed.rows, { chunkSize: 2, onProgress: (done) => progress.push(done), source: 'staff.csv' });
    expect(outcome).toEqual({ imported: 5, departmentsCreated: 2, skippedRows: [] });
    expect(progress).toEqual([2, 4, 5]);
    expect((await repos.departments.listSorted()).map((d) => d.name).sort()).toEqual(['财务部', '技术部', '销售部'].sort());
    const zhang = (await repos.staff.search('zs'))[0]!;
    expect(zhang).toMatchObject({ name: '张三', extension: '2301', deskId: db.desk.deskId, nameKey: 'zhang san' });
    expect(await repos.departments.get(zhang.departmentId!)).toMatchObject({ name: '销售部' });
    expect((await repos.staff.search('财务')).map((p) => p.name)).toEqual(['王五']);
    const audit = await db.auditLog.where('action').equals('import').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('imported 5 people from staff.csv');
  });

  it('writes nothing when it fails part-way', async () => {
    const { db } = await freshDatabase();
    const parsed = parseDirectoryCsv(csv);
    await expect(
      importDirectoryRows(db, parsed.rows, {
        chunkSize: 2,
        onProgress: (done) => {
          if (done >= 4) throw new Error('simulated failure after 4 rows');
        },
      }),
    ).rejects.toThrow('simulated failure');
    // Counted with tombstones: the staged rows are gone, not merely hidden.
    expect(await db.staff.count()).toBe(0);
    expect(await db.departments.count()).toBe(0);
    expect(await db.auditLog.where('entityTable').anyOf('staff', 'departments').count()).toBe(0);
    const [rollback] = await db.auditLog.where('entityTable').equals('imports').toArray();
    expect(rollback!.summary).toMatch(/^directory import failed \(simulated failure after 4 rows\): \d+ staged rows rolled back, nothing imported$/);
  });

  it('writes nothing when cancelled part-way', async () => {
    const { db } = await freshDatabase();
    const controller = new AbortController();
    const parsed = parseDirectoryCsv(csv);
    await expect(
      importDirectoryRows(db, parsed.rows, { chunkSize: 2, signal: controller.signal, onProgress: () => controller.abort() }),
    ).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await db.staff.count()).toBe(0);
    expect(await db.departments.count()).toBe(0);
    expect((await db.auditLog.where('entityTable').equals('imports').toArray()).map((e) => e.summary)).toEqual([expect.stringMatching(/^directory import cancelled: [1-9]\d* staged rows rolled back, nothing imported$/)]);
  });

  it('skips rows whose extension was taken after the preview', async () => {
    const { db, repos } = await freshDatabase();
    const parsed = parseDirectoryCsv(csv);
    await repos.staff.create({ name: '先到者', extension: '2302' });
    const outcome = await importDirectoryRows(db, parsed.rows);
    expect(outcome).toMatchObject({ imported: 4, skippedRows: [3] });
    expect(await repos.staff.count()).toBe(5);
  });
});
