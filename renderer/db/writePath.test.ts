import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { ULID_PATTERN } from '@shared/domain/record';
import { ValidationError } from './writeErrors';
import { ImportCancelledError, writePathOf, type WritePath } from './writePath';
import { freshDatabase } from '../test/testDatabase';

let db: FrontDeskDatabase;
let writes: WritePath;

beforeEach(async () => {
  ({ db } = await freshDatabase());
  writes = writePathOf(db);
});
afterEach(() => db.close());

const visitor = (name: string) => ({ name, searchKeys: [name], company: undefined });

describe('write path', () => {
  it('stamps id, createdAt, updatedAt and deskId, drops undefined, and audits with the desk as actor', async () => {
    const at = Date.UTC(2030, 0, 2, 9, 0);
    const record = await writes.create('visitors', visitor('王五'), { action: 'create', summary: 'created 王五' }, { at });
    expect(record.id).toMatch(ULID_PATTERN);
    expect(record).toMatchObject({ createdAt: at, updatedAt: at, deskId: db.desk.deskId, name: '王五' });
    expect('company' in record).toBe(false);
    const stored = await db.visitors.get(record.id);
    expect(stored).toEqual(record);
    expect('company' in stored!).toBe(false);
    const [entry] = await db.auditLog.toArray();
    expect(entry).toMatchObject({ action: 'create', entityTable: 'visitors', entityId: record.id, at, actorId: 'desk', deskId: db.desk.deskId, summary: 'created 王五' });
  });

  it('records the acting person it is given, else the desk context actor', async () => {
    const a = await writes.create('visitors', visitor('甲'), { action: 'create', summary: 'a' }, { actorId: 'operator-7' });
    db.desk.setActor('operator-9');
    const b = await writes.create('visitors', visitor('乙'), { action: 'create', summary: 'b' });
    await writes.patch('visitors', b, { company: 'ACME' }, { action: 'update', summary: 'c' }, { actorId: 'operator-3' });
    const actors = (await db.auditLog.orderBy('at').toArray()).map((e) => [e.entityId, e.actorId]);
    expect(actors).toEqual([[a.id, 'operator-7'], [b.id, 'operator-9'], [b.id, 'operator-3']]);
  });

  it('refuses an invalid row and writes nothing: no row, no audit entry', async () => {
    await expect(writes.create('visitors', { name: '', searchKeys: [] }, { action: 'create', summary: 'x' })).rejects.toBeInstanceOf(ValidationError);
    const good = await writes.create('visitors', visitor('张三'), null);
    await expect(writes.patch('visitors', good, { name: 'x'.repeat(500) }, { action: 'update', summary: 'y' })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.visitors.toArray()).toEqual([good]);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('writes the row and its audit entry in one transaction: a failure after the write rolls both back', async () => {
    await expect(
      writes.transaction(['visitors'], async () => {
        await writes.create('visitors', visitor('李四'), { action: 'create', summary: 'created' });
        expect(await db.visitors.count()).toBe(1); // written inside the transaction …
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await db.visitors.count()).toBe(0); // … and gone with its audit entry
    expect(await db.auditLog.count()).toBe(0);
  });

  it('rolls the row back when its audit entry cannot be written', async () => {
    const refuse = () => {
      throw new Error('audit log unavailable');
    };
    db.auditLog.hook('creating', refuse);
    await expect(writes.create('visitors', visitor('赵六'), { action: 'create', summary: 'created' })).rejects.toThrow('audit log unavailable');
    db.auditLog.hook('creating').unsubscribe(refuse);
    expect(await db.visitors.count()).toBe(0);
  });

  it('patches: keeps id and createdAt, never moves updatedAt back, keeps stored fields it does not know, clears undefined', async () => {
    const created = await writes.create('visitors', { ...visitor('周七'), company: 'ACME', phone: '1' }, null, { at: 5_000 });
    await db.transaction('rw', db.visitors, () => db.visitors.put({ ...created, updatedAt: 9_000_000_000_000, futureField: 'from a newer desk' } as typeof created));
    const stored = (await db.visitors.get(created.id))!;
    const patched = await writes.patch('visitors', stored, { company: undefined, phone: '2' }, { action: 'update', summary: 'changed' });
    expect(patched).toMatchObject({ id: created.id, createdAt: 5_000, updatedAt: 9_000_000_000_000, phone: '2', futureField: 'from a newer desk' });
    expect('company' in patched).toBe(false);
    expect(await db.visitors.get(created.id)).toEqual(patched);
  });

  it('soft-deletes with a tombstone and an audit entry', async () => {
    const created = await writes.create('visitors', visitor('吴八'), null);
    const deleted = await writes.softDelete('visitors', created, { action: 'delete', summary: 'deleted' });
    expect(deleted.deletedAt).toBeTypeOf('number');
    expect(await db.visitors.get(created.id)).toMatchObject({ deletedAt: deleted.deletedAt });
    expect((await db.auditLog.toArray()).map((e) => e.action)).toEqual(['delete']);
  });

  it('bulk-creates in bounded chunks, one transaction: a failure in a later chunk stores none', async () => {
    const chunks: number[] = [];
    const rows = ['一', '二', '三', '四', '五'].map(visitor);
    const written = await writes.bulkCreate('visitors', rows, { chunkSize: 2, onChunk: (n) => chunks.push(n), audit: (r) => ({ action: 'create', summary: `imported ${r.name}` }) });
    expect(chunks).toEqual([2, 4, 5]);
    expect(new Set(written.map((r) => r.id)).size).toBe(5);
    expect(await db.visitors.count()).toBe(5);
    expect(await db.auditLog.count()).toBe(5);

    const bad = [...rows, { name: '', searchKeys: [] }];
    await expect(writes.bulkCreate('visitors', bad, { chunkSize: 2 })).rejects.toBeInstanceOf(ValidationError);
    const cancelled = writes.bulkCreate('visitors', rows, { chunkSize: 2, onChunk: () => { throw new ImportCancelledError(); } });
    await expect(cancelled).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await db.visitors.count()).toBe(5);
    expect(await db.auditLog.count()).toBe(5);
  });

  it('writes an audit-only entry (an export) in its own transaction, with the acting person', async () => {
    const entry = await writes.audit({ action: 'export', entityTable: 'visits', entityId: 'rollcall', summary: 'exported' }, { actorId: 'operator-1' });
    expect(entry).toMatchObject({ action: 'export', actorId: 'operator-1' });
    expect(await db.auditLog.count()).toBe(1);
  });
});
