import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import { openFrontDeskDatabase } from './database';
import { repositoriesOf } from './repositories';
import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY } from './schemaHistory';

describe('schema history', () => {
  it('is append-only: versions strictly increase and version 1 declares every table', () => {
    const versions = SCHEMA_HISTORY.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(Object.keys(SCHEMA_HISTORY[0]!.stores).sort()).toEqual([
      'auditLog', 'callNotes', 'calls', 'complaints', 'departments', 'equipmentFaults', 'messages', 'operators',
      'parcelEvents', 'parcels', 'settings', 'staff', 'visitors', 'visits', 'watchlist', 'watchlistAlerts',
    ]);
    for (const spec of Object.values(SCHEMA_HISTORY[0]!.stores)) expect(spec?.startsWith('id,')).toBe(true);
  });

  it('upgrades a version-1 database without losing data', async () => {
    const name = `upgrade-${Date.now()}`;
    // A desk that last ran version 1: built from the first history entry only, written with v1's row shape.
    const old = await openFrontDeskDatabase(name, { storage: null, history: SCHEMA_HISTORY.slice(0, 1) });
    expect(old.verno).toBe(1);
    const deskId = old.desk.deskId;
    const now = Date.now();
    const base = () => ({ id: newId(now), createdAt: now, updatedAt: now, deskId });
    const sales = { ...base(), name: '销售部', nameKey: '销售部', searchKeys: ['销售部'] };
    const people = [
      { ...base(), name: '张三', departmentId: sales.id, extension: '2301', searchKeys: ['张三', 'zs'] },
      { ...base(), name: '吕芳', extension: '2302', mobile: '13900000001', mobileDigits: '13900000001', searchKeys: ['吕芳'] },
      { ...base(), name: '已离职', extension: '2303', searchKeys: [], deletedAt: now },
    ];
    const visit = { ...base(), visitorId: newId(now), status: 'onSite', partySize: 2, arrivedAt: now };
    await old.table('departments').add(sales);
    await old.table('staff').bulkAdd(people);
    await old.table('visits').add(visit);
    await old.table('auditLog').add({ ...base(), at: now, actorId: 'desk', action: 'create', entityTable: 'staff', entityId: people[0]!.id, summary: 'created' });
    old.close();

    const db = await openFrontDeskDatabase(name, { storage: null });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.desk.deskId).toBe(deskId);
    expect(await db.staff.count()).toBe(3);
    expect(await db.visits.get(visit.id)).toEqual(visit);
    expect(await db.auditLog.count()).toBe(1);
    const zhang = await db.staff.get(people[0]!.id);
    expect(zhang).toMatchObject({ name: '张三', nameKey: 'zhang san', extension: '2301', updatedAt: now });
    expect(zhang!.searchKeys).toEqual(expect.arrayContaining(['zhangsan', 'zs', 'san', '销售部', 'xsb', '2301']));
    expect((await db.staff.get(people[1]!.id))!.searchKeys).toEqual(expect.arrayContaining(['lvfang', 'lufang', '13900000001']));
    expect((await db.staff.get(people[2]!.id))!.deletedAt).toBe(now);
    // The new indexes work on the migrated rows.
    const inSales = await db.staff.where('[departmentId+nameKey]').between([sales.id, Dexie.minKey], [sales.id, Dexie.maxKey]).toArray();
    expect(inSales.map((p) => p.name)).toEqual(['张三']);
    const ordered = await repositoriesOf(db).staff.listPage({ limit: 10 });
    expect(ordered.items.map((p) => p.name)).toEqual(['吕芳', '张三']);
    db.close();
  });
});
