// The search-key libraries (pinyin-pro, opencc-js, libphonenumber-js/max) load lazily
// (renderer/db/textKeys.ts): reads never load them, the write path loads them before its transaction,
// and a schema upgrade that derives keys loads them itself when nothing preloaded them. Each test
// imports the db modules afresh, so it starts with the libraries not loaded.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_HISTORY } from './schemaHistory';

async function freshDb() {
  vi.resetModules();
  const textKeys = await import('./textKeys');
  const database = await import('./database');
  const { newId } = await import('./ids');
  return { textKeys, database, newId };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('lazily loaded search keys', () => {
  it('opens the database and reads without loading them; the first write loads them and stores the keys', async () => {
    const { textKeys, database } = await freshDb();
    const db = await database.openFrontDeskDatabase(`text-keys-read-${Date.now()}`, { storage: null });
    const repos = database.getRepositories(db);
    expect(await repos.visits.onSite()).toEqual([]);
    expect(await repos.staff.search('zs')).toEqual([]);
    expect(await repos.complaints.list()).toEqual([]);
    expect(textKeys.textKeysLoaded()).toBe(false);
    expect(() => textKeys.textKeys()).toThrow(/loadTextKeys/);

    const person = await repos.staff.create({ name: '张三', extension: '2301', mobile: '138 0013 8000' });
    expect(textKeys.textKeysLoaded()).toBe(true);
    expect(person.nameKey).toBe('zhang san');
    expect(person.mobileDigits).toBe('+8613800138000');
    expect(person.searchKeys).toEqual(expect.arrayContaining(['zs', 'zhangsan', '2301', '8000']));
    expect((await repos.staff.search('zs')).map((p) => p.id)).toEqual([person.id]);
    // Stored with its audit entry, in the one transaction.
    expect((await db.auditLog.where('[entityTable+entityId]').equals(['staff', person.id]).toArray()).map((a) => a.action)).toEqual(['create']);
    db.close();
  });

  it('checks the watchlist (a read that compares keys) after loading them', async () => {
    const { textKeys, database } = await freshDb();
    const db = await database.openFrontDeskDatabase(`text-keys-watchlist-${Date.now()}`, { storage: null });
    const repos = database.getRepositories(db);
    expect(await repos.watchlist.matches({ name: '陳偉' })).toEqual([]);
    expect(textKeys.textKeysLoaded()).toBe(true);
    db.close();
  });

  it('upgrades an old database when nothing preloaded them (the upgrade waits for them inside its transaction)', async () => {
    const { textKeys, database, newId } = await freshDb();
    const name = `text-keys-upgrade-${Date.now()}`;
    const old = await database.openFrontDeskDatabase(name, { storage: null, history: SCHEMA_HISTORY.filter((v) => v.version <= 1) });
    const now = Date.now();
    const id = newId(now);
    await old.table('staff').add({ id, createdAt: now, updatedAt: now, deskId: old.desk.deskId, name: '吕芳', mobile: '13800138000', mobileDigits: '13800138000', searchKeys: ['吕芳'] });
    old.close();
    expect(textKeys.textKeysLoaded()).toBe(false);

    // The browser says there is no stored database, so the preload does not start: the upgrade loads them.
    vi.spyOn(indexedDB, 'databases').mockResolvedValue([]);
    const db = await database.openFrontDeskDatabase(name, { storage: null });
    expect(db.verno).toBe(SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version);
    const person = await db.staff.get(id);
    expect(person?.nameKey).toBe('lv fang');
    expect(person?.mobileDigits).toBe('+8613800138000');
    expect(person?.searchKeys).toEqual(expect.arrayContaining(['lf', 'lvfang', 'lufang', '8000']));
    db.close();
  });

  it('preloads them when the stored database is older than the code, and only then', async () => {
    const { textKeys, database } = await freshDb();
    const name = `text-keys-preload-${Date.now()}`;
    const old = await database.openFrontDeskDatabase(name, { storage: null, history: SCHEMA_HISTORY.filter((v) => v.version <= 2) });
    old.close();
    expect(await textKeys.upgradePending(name, 2)).toBe(false);
    expect(await textKeys.upgradePending(`${name}-missing`, 3)).toBe(false);
    expect(await textKeys.upgradePending(name, 3)).toBe(true);
    expect(textKeys.textKeysLoaded()).toBe(false);
    textKeys.preloadForUpgrade(name, 3);
    await expect.poll(() => textKeys.textKeysLoaded()).toBe(true);
  });
});
