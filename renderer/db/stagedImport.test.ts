// Staged imports against a real (fake-indexeddb) database: hidden while staging, shown together, removed
// on a rollback, and an import a reload interrupted is rolled back (or finished) at the next start.
import { describe, expect, it } from 'vitest';
import { journalKey, type ImportJournal } from '@shared/imports/staging';
import { freshDatabase } from '../test/testDatabase';
import { SettingsRepository } from './settingsRepository';
import { recoverStagedImports, runStagedImport } from './stagedImport';
import { staffFields } from './staffRepository';
import { visitorFields } from './visitorRepository';
import { writePathOf } from './writePath';

const person = (name: string, extension: string) => staffFields({ name, extension, title: undefined, mobile: undefined, email: undefined, location: undefined, notes: undefined }, undefined);

describe('staged imports', () => {
  it('staged rows are on no screen until the import is published', async () => {
    const { db, repos } = await freshDatabase();
    const seen: Record<string, number> = {};
    await runStagedImport(db, 'directory', ['staff'], async (stager) => {
      await stager.chunk(['staff'], () => stager.stage('staff', [person('欧阳明', '8801'), person('吕小雨', '8802')]));
      seen.search = (await repos.staff.search('ouyang')).length;
      seen.byExtension = (await repos.staff.extensionHolder('8801')) ? 1 : 0;
      seen.hosts = (await repos.staff.hostLookup()).byExtension.size;
      seen.page = (await repos.staff.listPage({ limit: 50 })).items.length;
      seen.count = await repos.staff.count();
      seen.stored = await db.staff.count();
    }, () => ({ action: 'import', entityTable: 'staff', summary: 'imported 2 people' }));
    expect(seen).toEqual({ search: 0, byExtension: 0, hosts: 0, page: 0, count: 0, stored: 2 });
    expect(await repos.staff.count()).toBe(2);
    expect((await repos.staff.search('ouyang')).map((p) => p.name)).toEqual(['欧阳明']);
    expect(await db.staff.where('stagedImportId').above('').count()).toBe(0);
    // The journal is gone once the import is done.
    expect(await new SettingsRepository(db).find(journalKey('x'))).toBeUndefined();
    expect((await db.settings.toArray()).filter((s) => s.deletedAt === undefined && s.key.startsWith('import.journal.'))).toHaveLength(0);
  });

  it('a failure part-way removes what was staged and audits the rollback', async () => {
    const { db } = await freshDatabase();
    await expect(runStagedImport(db, 'directory', ['staff'], async (stager) => {
      await stager.chunk(['staff'], () => stager.stage('staff', [person('甲', '1001')]));
      throw new Error('disk full');
    }, () => ({ action: 'import', entityTable: 'staff', summary: 'never' }))).rejects.toThrow('disk full');
    expect(await db.staff.count()).toBe(0);
    const summaries = (await db.auditLog.where('action').equals('import').toArray()).map((e) => e.summary);
    expect(summaries).toEqual(['directory import failed (disk full): 1 staged rows rolled back, nothing imported']);
  });

  it('at start, an import a reload interrupted while staging is rolled back; a live row is never touched', async () => {
    const { db, repos } = await freshDatabase();
    const live = await repos.staff.create({ name: '在职的人', extension: '2001' });
    await leaveInterruptedImport(db, 'IMPORT1', 'staging');
    expect(await db.staff.count()).toBe(3);
    expect(await recoverStagedImports(db)).toEqual({ rolledBack: ['IMPORT1'], published: [] });
    expect((await db.staff.toArray()).map((p) => p.id)).toEqual([live.id]);
    expect(await db.visits.count()).toBe(0);
    const audit = (await db.auditLog.where('entityTable').equals('imports').toArray()).map((e) => e.summary);
    expect(audit).toEqual(['directory import interrupted (window closed or reloaded): 3 staged rows rolled back at start, nothing imported']);
    // Nothing left to do the next time.
    expect(await recoverStagedImports(db)).toEqual({ rolledBack: [], published: [] });
  });

  it('at start, an import interrupted while publishing is finished (half-visible does not stay)', async () => {
    const { db, repos } = await freshDatabase();
    await leaveInterruptedImport(db, 'IMPORT2', 'publishing');
    // Half-way: one of the two people was already made visible.
    const [first] = await db.staff.where('stagedImportId').equals('IMPORT2').primaryKeys();
    await writePathOf(db).publishStaged('staff', 'IMPORT2', [first as string]);
    expect(await recoverStagedImports(db)).toEqual({ rolledBack: [], published: ['IMPORT2'] });
    expect((await repos.staff.search('zhang')).map((p) => p.name).sort()).toEqual(['张一', '张二'].sort());
    expect(await db.visits.filter((v) => v.deletedAt === undefined).count()).toBe(1);
  });

  it('at start, an import still running (in this window) is left alone', async () => {
    const { db } = await freshDatabase();
    let recovered: Awaited<ReturnType<typeof recoverStagedImports>> | undefined;
    await runStagedImport(db, 'directory', ['staff'], async (stager) => {
      await stager.chunk(['staff'], () => stager.stage('staff', [person('乙', '1002')]));
      recovered = await recoverStagedImports(db);
    }, () => ({ action: 'import', entityTable: 'staff', summary: 'imported 1 person' }));
    expect(recovered).toEqual({ rolledBack: [], published: [] });
    expect(await db.staff.filter((p) => p.deletedAt === undefined).count()).toBe(1);
  });
});

/** What a window closed mid-import leaves: a journal row and staged rows (2 people; a visitor with a visit). */
async function leaveInterruptedImport(db: Awaited<ReturnType<typeof freshDatabase>>['db'], importId: string, state: ImportJournal['state']): Promise<void> {
  const writes = writePathOf(db);
  const journal: ImportJournal = { importId, kind: 'directory', state, tables: ['staff', 'visitors', 'visits'], startedAt: Date.now() };
  await new SettingsRepository(db).setValue(journalKey(importId), journal);
  await writes.bulkCreate('staff', [person('张一', '3001'), person('张二', '3002')], { stagedBy: importId });
  if (state === 'publishing') {
    const [visitor] = await writes.bulkCreate('visitors', [visitorFields({ name: '来访者' })], { stagedBy: importId });
    await writes.bulkCreate('visits', [{ visitorId: visitor!.id, status: 'expected', expectedAt: Date.now(), partySize: 1 }], { stagedBy: importId });
  } else {
    const [visitor] = await writes.bulkCreate('visitors', [visitorFields({ name: '来访者' })], { stagedBy: importId });
    void visitor;
  }
}
