// The sync engine between Dexie and a PouchDB replica, with two and three desks and a "server" that are
// PouchDB databases in memory (the replication protocol itself is PouchDB's: the browser e2e runs it over
// HTTP against a CouchDB-protocol server). Each desk is its own Dexie database with its own desk id.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import sampleCsv from '../../../resources/sample-directory.csv?raw';
import { parseDirectoryCsv } from '@shared/directory/directoryCsv';
import { SAMPLE_DIRECTORY_AT, SAMPLE_DIRECTORY_DESK } from '@shared/directory/sampleIds';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { departmentSchema } from '@shared/domain/directory';
import type { Visit } from '@shared/domain/visitors';
import { canonical } from '@shared/sync/conflictRules';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { writePathOf } from '../writePath';
import { repositoriesOf } from '../repositories';
import { loadTextKeys } from '../textKeys';
import { RECORD_SCHEMAS } from '../recordSchemas';
import { freshDatabase } from '../../test/testDatabase';
import { docId, SyncEngine, type Replica } from './syncEngine';

PouchDB.plugin(memoryAdapter).plugin(replication);

let counter = 0;
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

interface Desk {
  db: FrontDeskDatabase;
  replica: PouchDB.Database;
  engine: SyncEngine;
}

async function desk(options: { siteWideAccounts?: boolean } = {}): Promise<Desk> {
  const { db } = await freshDatabase();
  counter += 1;
  const replica = new PouchDB(`replica-${Date.now()}-${counter}`, { adapter: 'memory' });
  open.push(db, replica);
  const engine = new SyncEngine({ db, local: replica as unknown as Replica, siteWideAccounts: options.siteWideAccounts ?? false });
  await engine.enableRecording();
  return { db, replica, engine };
}

function server(): PouchDB.Database {
  counter += 1;
  const s = new PouchDB(`server-${Date.now()}-${counter}`, { adapter: 'memory' });
  open.push(s);
  return s;
}

/** One round of what the live replication does: the desk's queued changes up, the server's down, applied. */
async function syncRound(d: Desk, s: PouchDB.Database): Promise<void> {
  await d.engine.drainOutbox();
  await PouchDB.sync(d.replica, s);
  await d.engine.pull();
}

async function converge(desks: Desk[], s: PouchDB.Database): Promise<void> {
  // Merges made at one desk go back out; two rounds let every desk see every merge.
  for (let round = 0; round < 3; round += 1) for (const d of desks) await syncRound(d, s);
}

async function tableRows(db: FrontDeskDatabase, table: string): Promise<string[]> {
  return ((await db.table(table).toArray()) as object[]).map(canonical).sort();
}

const visitorFields = (name: string) => ({ name, searchKeys: [name] });

describe('sync engine', () => {
  it('a visitor checked in at desk A is stored at desk B exactly as A stored it, with its audit entry', async () => {
    const [a, b, s] = [await desk(), await desk(), server()];
    const writes = writePathOf(a.db);
    const visitor = await writes.create('visitors', visitorFields('陈静'), { action: 'create', summary: 'registered 陈静' });
    const visit = await writes.create('visits', { visitorId: visitor.id, status: 'onSite', partySize: 1, arrivedAt: Date.now() }, { action: 'checkIn', summary: 'checked in' });

    expect(await a.db.syncOutbox.count()).toBe(4); // two rows and their two audit entries
    await syncRound(a, s);
    expect(await a.db.syncOutbox.count()).toBe(0);
    await syncRound(b, s);

    expect(await b.db.visits.get(visit.id)).toEqual(visit);
    expect(await b.db.visitors.get(visitor.id)).toEqual(visitor);
    expect((await b.db.auditLog.toArray()).map((e) => e.summary).sort()).toEqual(['checked in', 'registered 陈静']);
    // Applying another desk's rows queues nothing at B: they are not B's changes.
    expect(await b.db.syncOutbox.count()).toBe(0);
    expect(b.db.desk.deskId).not.toBe(a.db.desk.deskId);
  });

  it('records nothing while the desk does not replicate', async () => {
    const { db } = await freshDatabase();
    open.push(db);
    await writePathOf(db).create('departments', { name: '行政部', nameKey: '行政部', searchKeys: [] }, null);
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('the same visit checked out at A and edited at B while cut keeps both facts, at both desks', async () => {
    const [a, b, s] = [await desk(), await desk(), server()];
    const writesA = writePathOf(a.db);
    const visitor = await writesA.create('visitors', visitorFields('刘洋'), null);
    const visit = await writesA.create('visits', { visitorId: visitor.id, status: 'onSite', partySize: 1, arrivedAt: 1_000 }, null, { at: 1_000 });
    await converge([a, b], s);

    // Cut: no rounds. A checks the visitor out; B, later, adds a note to its stale copy.
    await writesA.patch('visits', (await a.db.visits.get(visit.id))!, { status: 'left', leftAt: 5_000, checkedOutBy: 'op-a' }, null, { at: 5_000 });
    await writePathOf(b.db).patch('visits', (await b.db.visits.get(visit.id))!, { notes: '访客车辆 京A12345' }, null, { at: 6_000 });

    await converge([a, b], s);
    const atA = (await a.db.visits.get(visit.id)) as Visit;
    const atB = (await b.db.visits.get(visit.id)) as Visit;
    expect(atA).toMatchObject({ status: 'left', leftAt: 5_000, checkedOutBy: 'op-a', notes: '访客车辆 京A12345' });
    expect(canonical(atB)).toBe(canonical(atA));
    // The replica holds one version again: the conflict was resolved, not left for PouchDB to pick.
    const doc = await b.replica.get(docId('visits', visit.id), { conflicts: true });
    expect(doc._conflicts ?? []).toEqual([]);
  });

  it('an edit that overwrites another desk\'s value lists the losing version for a supervisor', async () => {
    const [a, b, s] = [await desk(), await desk(), server()];
    const dept = await writePathOf(a.db).create('departments', { name: '行政部', nameKey: '行政部', searchKeys: [] }, null, { at: 1_000 });
    await converge([a, b], s);
    await writePathOf(a.db).patch('departments', (await a.db.departments.get(dept.id))!, { name: '综合办公室', nameKey: '综合办公室' }, null, { at: 2_000 });
    await writePathOf(b.db).patch('departments', (await b.db.departments.get(dept.id))!, { name: '行政管理部', nameKey: '行政管理部' }, null, { at: 3_000 });
    await converge([a, b], s);

    expect((await a.db.departments.get(dept.id))!.name).toBe('行政管理部');
    expect((await b.db.departments.get(dept.id))!.name).toBe('行政管理部');
    const listed = [...(await a.db.syncConflicts.toArray()), ...(await b.db.syncConflicts.toArray())];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.flatMap((c) => c.losers.map((l) => l.name))).toContain('综合办公室');
    expect(listed.every((c) => c.status === 'open' && c.lostFields.includes('name'))).toBe(true);
  });

  it('three desks that each worked while cut converge row by row, in every table', async () => {
    const desks = [await desk(), await desk(), await desk()];
    const s = server();
    for (const [i, d] of desks.entries()) {
      const writes = writePathOf(d.db);
      for (let n = 0; n < 5; n += 1) {
        const v = await writes.create('visitors', visitorFields(`访客${i}-${n}`), { action: 'create', summary: `v${i}-${n}` });
        await writes.create('visits', { visitorId: v.id, status: 'onSite', partySize: 1, arrivedAt: 1_000 + n }, { action: 'checkIn', summary: `c${i}-${n}` });
      }
    }
    await converge(desks, s);
    for (const table of ['visitors', 'visits', 'auditLog']) {
      const [first, ...rest] = await Promise.all(desks.map((d) => tableRows(d.db, table)));
      expect(first!.length).toBe(table === 'auditLog' ? 30 : 15);
      for (const other of rest) expect(other).toEqual(first);
    }
  });

  it('a row the replica refused stays queued and is sent on the next round', async () => {
    const [a, s] = [await desk(), server()];
    const dept = await writePathOf(a.db).create('departments', { name: '财务部', nameKey: '财务部', searchKeys: [] }, null);
    // The replica moved on between the engine's read and its write (a pulled version landed): CouchDB's 409.
    let refuse = true;
    const racing: Replica = {
      ...(a.replica as unknown as Replica),
      allDocs: (o) => (a.replica as unknown as Replica).allDocs(o),
      get: (id, o) => (a.replica as unknown as Replica).get(id, o),
      changes: (o) => (a.replica as unknown as Replica).changes(o),
      info: () => a.replica.info() as never,
      bulkDocs: async (docs) => {
        if (refuse) {
          refuse = false;
          return docs.map((d) => ({ id: d._id, error: 'conflict', status: 409 }));
        }
        return (a.replica as unknown as Replica).bulkDocs(docs);
      },
    };
    const engine = new SyncEngine({ db: a.db, local: racing, siteWideAccounts: false });
    await engine.drainOutbox();
    expect((await a.db.syncOutbox.toArray()).map((e) => e.rowId)).toEqual([dept.id]);
    await engine.drainOutbox();
    expect(await a.db.syncOutbox.count()).toBe(0);
    await PouchDB.sync(a.replica, s);
    const onServer = (await s.get(docId('departments', dept.id))) as unknown as { row: { name: string } };
    expect(onServer.row.name).toBe('财务部');
  });

  it('a version another desk sent that this desk has not applied yet is merged, not overwritten, when the desk pushes', async () => {
    const [a, b, s] = [await desk(), await desk(), server()];
    const writesA = writePathOf(a.db);
    const visitor = await writesA.create('visitors', visitorFields('赵敏'), null);
    const visit = await writesA.create('visits', { visitorId: visitor.id, status: 'onSite', partySize: 1, arrivedAt: 1_000 }, null, { at: 1_000 });
    await converge([a, b], s);
    // B checks the visitor out and it reaches A's replica, but A has not applied it when A edits its stale copy.
    await writePathOf(b.db).patch('visits', (await b.db.visits.get(visit.id))!, { status: 'left', leftAt: 5_000 }, null, { at: 5_000 });
    await b.engine.drainOutbox();
    await PouchDB.sync(b.replica, s);
    await PouchDB.sync(a.replica, s);
    await writesA.patch('visits', (await a.db.visits.get(visit.id))!, { notes: '晚到' }, null, { at: 6_000 });
    await a.engine.drainOutbox();
    expect(await a.db.visits.get(visit.id)).toMatchObject({ status: 'left', leftAt: 5_000, notes: '晚到' });
    await converge([a, b], s);
    expect(canonical(await b.db.visits.get(visit.id))).toBe(canonical(await a.db.visits.get(visit.id)));
  });

  it('an operator leaves the desk without PIN hash and lockout, and keeps the other desk\'s own', async () => {
    const [a, b, s] = [await desk(), await desk(), server()];
    const op = await writePathOf(a.db).create('operators', { name: '王芳', nameKey: '王芳', role: 'operator', pinHash: 'hash-of-a', active: 1 }, null);
    await converge([a, b], s);
    const onServer = (await s.get(docId('operators', op.id))) as unknown as { row: Record<string, unknown> };
    expect(onServer.row).not.toHaveProperty('pinHash');
    const atB = await b.db.operators.get(op.id);
    expect(atB).toMatchObject({ name: '王芳', role: 'operator' });
    expect(atB).not.toHaveProperty('pinHash');
  });

  it('a row another desk\'s schema cannot read is listed, not stored, and the rest of the batch is applied', async () => {
    const [b, s] = [await desk(), server()];
    const good = { id: '01JF00000000000000000000A1', createdAt: 1, updatedAt: 1, deskId: 'other', name: '好部门', nameKey: '好部门', searchKeys: [] };
    const bad = { id: '01JF00000000000000000000A2', createdAt: 1, updatedAt: 1, deskId: 'other', name: 42 };
    await s.bulkDocs([{ _id: docId('departments', good.id), table: 'departments', row: good }, { _id: docId('departments', bad.id), table: 'departments', row: bad }]);
    await PouchDB.sync(b.replica, s);
    const result = await b.engine.pull();
    expect(result).toMatchObject({ applied: 1, rejected: 1 });
    expect(await b.db.departments.get(good.id)).toEqual(good);
    expect(await b.db.departments.get(bad.id)).toBeUndefined();
    expect((await b.db.syncConflicts.toArray()).map((c) => [c.rowId, c.rule])).toEqual([[bad.id, 'rejected']]);
  });

  it('the pull checkpoint moves with the applied rows: a pull interrupted before its transaction repeats, never skips', async () => {
    const [a, b, s] = [await desk(), await desk(), server()];
    const writes = writePathOf(a.db);
    for (let n = 0; n < 7; n += 1) await writes.create('departments', { name: `部门${n}`, nameKey: `部门${n}`, searchKeys: [] }, null);
    await syncRound(a, s);
    await PouchDB.sync(b.replica, s);
    // The desk is closed in the middle of applying: the second batch's transaction throws, nothing of it is kept.
    let checks = 0;
    const failing = {
      safeParse: (value: unknown) => {
        checks += 1;
        if (checks === 5) throw new Error('closed mid-sync'); // the second batch's second row (the write path checks again with its own schema)
        return departmentSchema.safeParse(value);
      },
    };
    const schemas = { ...RECORD_SCHEMAS, departments: failing as unknown as typeof departmentSchema };
    const engine = new SyncEngine({ db: b.db, local: b.replica as unknown as Replica, schemas, siteWideAccounts: false, batchSize: 3 });
    await expect(engine.pull()).rejects.toThrow('closed mid-sync');
    expect(await b.db.departments.count()).toBe(3);
    await engine.pull();
    expect(await tableRows(b.db, 'departments')).toEqual(await tableRows(a.db, 'departments'));
  });

  it('a desk that starts replicating sends what it already held', async () => {
    const { db } = await freshDatabase();
    open.push(db);
    const writes = writePathOf(db);
    for (let n = 0; n < 5; n += 1) await writes.create('departments', { name: `旧${n}`, nameKey: `旧${n}`, searchKeys: [] }, { action: 'create', summary: `d${n}` });
    counter += 1;
    const replica = new PouchDB(`seed-${counter}`, { adapter: 'memory' });
    open.push(replica);
    const engine = new SyncEngine({ db, local: replica as unknown as Replica, siteWideAccounts: false, batchSize: 2 });
    await engine.enableRecording();
    const progress: number[] = [];
    expect(await engine.seed((n) => progress.push(n))).toBeGreaterThanOrEqual(10);
    expect(progress.length).toBeGreaterThan(1);
    // Five departments and their five audit entries; the desk's own settings stay on the desk.
    expect((await replica.allDocs()).rows.length).toBe(10);
    expect(await engine.seed()).toBe(0);
  });
});

describe('the sample directory at several desks', () => {
  beforeAll(async () => {
    await loadTextKeys(); // the sample's search keys (pinyin) load lazily
  }, 60_000);

  const loadSample = (d: Desk) =>
    repositoriesOf(d.db).staff.importOnce(parseDirectoryCsv(sampleCsv).rows, 'directory.sampleLoaded', 'sample-directory.csv', { fixedAt: SAMPLE_DIRECTORY_AT });

  it('two desks that each loaded it share one copy, with no conflict to review', async () => {
    const [a, b, s] = [await desk(), await desk(), server()];
    const people = await loadSample(a);
    expect(people).toBeGreaterThan(30);
    expect(await loadSample(b)).toBe(people);
    // Identical before any sync, desk id included: the same rows, wherever they were loaded.
    expect(await tableRows(b.db, 'staff')).toEqual(await tableRows(a.db, 'staff'));
    expect(new Set((await b.db.departments.toArray()).map((d) => d.deskId))).toEqual(new Set([SAMPLE_DIRECTORY_DESK]));
    await converge([a, b], s);
    for (const d of [a, b]) {
      expect(await d.db.staff.count()).toBe(people);
      expect(await d.db.syncConflicts.count()).toBe(0);
    }
    expect(await tableRows(b.db, 'staff')).toEqual(await tableRows(a.db, 'staff'));
    expect(await tableRows(b.db, 'departments')).toEqual(await tableRows(a.db, 'departments'));
  });

  it('a person the site removed from the sample stays removed when a new desk joins with its own sample', async () => {
    const [a, s] = [await desk(), server()];
    await loadSample(a);
    const person = (await a.db.staff.where('extension').equals('2001').first())!;
    await repositoriesOf(a.db).staff.softDelete(person.id);
    await converge([a], s);
    const c = await desk();
    await loadSample(c);
    expect((await c.db.staff.get(person.id))?.deletedAt).toBeUndefined(); // its own sample, before it syncs
    await converge([a, c], s);
    expect((await c.db.staff.get(person.id))?.deletedAt).toBeTypeOf('number');
    expect((await a.db.staff.get(person.id))?.deletedAt).toBeTypeOf('number');
    expect(await tableRows(c.db, 'staff')).toEqual(await tableRows(a.db, 'staff'));
  });
});

