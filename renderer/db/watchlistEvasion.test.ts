// The check-in path end to end (repository, not only the pure matcher): a name with invisible characters
// or given as initials is stopped like the listed name, and neither the entry nor the visitor is stored
// with the invisible characters.
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/testDatabase';

describe('watchlist at check-in, against evasion', () => {
  it('stores an entry without invisible characters, and stops every disguised spelling of it', async () => {
    const { db, repos } = await freshDatabase();
    const host = await repos.staff.create({ name: '李四', extension: '2301' });
    const entry = await repos.watchlist.create({ name: '张\u200B伟\u202E', organisation: '恒\u2060泰', reason: '曾冒充\u0000快递员' });
    expect(entry).toMatchObject({ name: '张伟', organisation: '恒泰', reason: '曾冒充快递员' });
    for (const name of ['张伟', '张\u200D伟', '\u202E张\u00AD伟', '张\uFE0F伟\u001B', 'zw', 'Z W']) {
      expect((await repos.visits.checkIn({ registration: { name, hostStaffId: host.id } })).kind, name).toBe('needs-clearance');
    }
    expect(await db.visits.count()).toBe(0);
    expect((await repos.visits.checkIn({ registration: { name: 'zl', hostStaffId: host.id } })).kind).toBe('checked-in');
  });

  it('stores a visitor\'s name without invisible characters', async () => {
    const { repos } = await freshDatabase();
    const host = await repos.staff.create({ name: '李四', extension: '2301' });
    await repos.visits.checkIn({ registration: { name: '王\u200B五\u202E', company: '恒\u2066泰', hostStaffId: host.id } });
    const [visitor] = await repos.visitors.list();
    expect(visitor).toMatchObject({ name: '王五', company: '恒泰' });
  });
});
