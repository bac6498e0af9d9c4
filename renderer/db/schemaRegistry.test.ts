// The write path's schemas (and zod with them) load lazily (renderer/db/schemaRegistry.ts): reads never
// load them, the first write does, before its transaction, and a write still refuses a row its table's
// schema rejects. Each test imports the db modules afresh, so it starts with the schemas not loaded.
import { describe, expect, it, vi } from 'vitest';

async function freshDb(name: string) {
  vi.resetModules();
  const registry = await import('./schemaRegistry');
  const database = await import('./database');
  const { ValidationError } = await import('./writeErrors');
  const db = await database.openFrontDeskDatabase(`${name}-${Date.now()}`, { storage: null });
  return { registry, repos: database.getRepositories(db), db, ValidationError };
}

describe('lazily loaded record schemas', () => {
  it('reads without loading them', async () => {
    const { registry, repos, db } = await freshDb('schemas-read');
    expect(await repos.visits.onSite()).toEqual([]);
    expect(await repos.complaints.list()).toEqual([]);
    expect(await repos.staff.search('zs')).toEqual([]);
    expect(registry.schemasLoaded()).toBe(false);
    expect(() => registry.schemas()).toThrow(/loadSchemas/);
    db.close();
  });

  it('refuses an invalid row on the very first write, with the schemas not loaded before it: nothing stored, nothing audited', async () => {
    const { registry, repos, db, ValidationError } = await freshDb('schemas-first-write');
    expect(registry.schemasLoaded()).toBe(false);
    // A department name over 64 characters: the input schema refuses it (tooLong) before any row exists.
    const refused = repos.departments.create({ name: '部'.repeat(65) });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ fields: { name: 'tooLong' } });
    expect(registry.schemasLoaded()).toBe(true);
    expect(await db.departments.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });

  it('refuses a row its table schema rejects even when the repository lets it through', async () => {
    const { registry, db, ValidationError } = await freshDb('schemas-row');
    const { writePathOf } = await import('./writePath');
    expect(registry.schemasLoaded()).toBe(false);
    // partySize 0 is no visit (the visit schema asks for 1 to 999); the write path is the last line.
    const write = writePathOf(db).create('visits', { visitorId: '01J0000000000000000000000A', status: 'expected', partySize: 0 }, null);
    await expect(write).rejects.toBeInstanceOf(ValidationError);
    await expect(write).rejects.toMatchObject({ fields: { partySize: expect.any(String) } });
    expect(await db.visits.count()).toBe(0);
    db.close();
  });

  it('stores a valid row once they are loaded, validated (undefined fields dropped) and audited in one go', async () => {
    const { registry, repos, db } = await freshDb('schemas-valid');
    const department = await repos.departments.create({ name: '行政部', location: undefined });
    expect(registry.schemasLoaded()).toBe(true);
    const stored = await db.departments.get(department.id);
    expect(stored).toMatchObject({ name: '行政部' });
    expect('location' in stored!).toBe(false);
    expect((await db.auditLog.toArray()).map((entry) => [entry.entityTable, entry.entityId])).toEqual([['departments', department.id]]);
    db.close();
  });
});
