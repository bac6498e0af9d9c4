import { beforeAll, describe, expect, it } from 'vitest';
import sampleCsv from '../../../resources/sample-directory.csv?raw';
import { parseDirectoryCsv } from '@shared/directory/directoryCsv';
import { loadTextKeys, openFrontDeskDatabase } from '../../db';

// The search-key libraries load lazily on the first write (renderer/db/textKeys.ts); load them here, so the
// first test's time limit does not pay for transforming pinyin-pro and friends.
beforeAll(async () => {
  await loadTextKeys();
}, 60_000);
import { freshDatabase } from '../../test/testDatabase';
import { ensureSampleDirectory } from './sampleDirectory';

describe('sample directory', () => {
  it('is a valid file: about 40 people in 8 departments, extensions 2xxx–8xxx', () => {
    const parsed = parseDirectoryCsv(sampleCsv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.length).toBeGreaterThanOrEqual(35);
    expect(new Set(parsed.rows.map((r) => r.department)).size).toBe(8);
    for (const row of parsed.rows) expect(row.extension).toMatch(/^[2-8]\d{3}$/);
  });

  it('loads once on first run, even when called twice at the same time', async () => {
    const { db, repos } = await freshDatabase();
    const expected = parseDirectoryCsv(sampleCsv).rows.length;
    const [a, b] = await Promise.all([ensureSampleDirectory(db), ensureSampleDirectory(db)]);
    expect([a, b]).toEqual([expected, expected]);
    expect(await repos.staff.count()).toBe(expected);
    expect((await repos.staff.search('zs')).map((p) => p.name)).toContain('张三');
    // Not again, even once everybody is gone.
    for (const p of await repos.staff.list()) await repos.staff.softDelete(p.id);
    expect(await ensureSampleDirectory(db)).toBe(0);
    expect(await repos.staff.count()).toBe(0);
  });

  it('loads once when two windows (two connections) start together', async () => {
    const { db, name, repos } = await freshDatabase();
    const other = await openFrontDeskDatabase(name, { storage: null });
    const loaded = await Promise.all([ensureSampleDirectory(db), ensureSampleDirectory(other)]);
    expect(loaded.filter((n) => n > 0)).toHaveLength(1);
    expect(await repos.staff.count()).toBe(Math.max(...loaded));
    other.close();
  });

  it('does not load into a directory that already has people', async () => {
    const { db, repos } = await freshDatabase();
    await repos.staff.create({ name: '已有人员' });
    expect(await ensureSampleDirectory(db)).toBe(0);
    expect(await repos.staff.count()).toBe(1);
  });
});
