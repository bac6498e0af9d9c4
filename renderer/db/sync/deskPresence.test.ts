// Presence records replicate between desks beside the business rows but never enter Dexie, the outbox or
// the audit log; a desk that stops writing them is named as stale by the rule in shared/sync/.
import { afterEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { staleDesks } from '@shared/sync/deskPresence';
import { ARCHIVE_SCHEMAS } from '../archive/tableSchemas';
import { freshDatabase } from '../../test/testDatabase';
import { deskPresences, forgetPresences, refreshPresences, removePresence, writePresence, type PresenceReplica } from './deskPresence';
import { SyncEngine, type Replica } from './syncEngine';

PouchDB.plugin(memoryAdapter).plugin(replication);

let counter = 0;
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
  forgetPresences();
});

function memory(name: string): PouchDB.Database {
  counter += 1;
  const db = new PouchDB(`${name}-${Date.now()}-${counter}`, { adapter: 'memory' });
  open.push(db);
  return db;
}

const asPresence = (db: PouchDB.Database) => db as unknown as PresenceReplica;
const T = Date.UTC(2026, 11, 2, 9, 0, 0);

describe('desk presence', () => {
  it('reaches the other desk through the server, is not stored in Dexie nor queued, and ages when the desk goes quiet', async () => {
    const server = memory('server');
    const a = memory('replica-a');
    const b = memory('replica-b');
    const { db } = await freshDatabase();
    open.push(db);
    const engineB = new SyncEngine({ db, local: b as unknown as Replica, schemas: ARCHIVE_SCHEMAS, siteWideAccounts: false });
    await engineB.enableRecording();

    await writePresence(asPresence(a), { deskId: 'DESK-A', name: '侧门' }, T, true, { push: T - 1_000 });
    await PouchDB.sync(a, server);
    await PouchDB.sync(b, server);
    const pulled = await engineB.pull();
    expect(pulled.applied + pulled.rejected + pulled.conflicts).toBe(0);
    expect(await db.syncOutbox.count()).toBe(0);
    expect(await db.syncConflicts.count()).toBe(0);

    const seen = await refreshPresences(asPresence(b), 'DESK-B', T + 2_000);
    expect(seen).toEqual([{ deskId: 'DESK-A', name: '侧门', syncedAt: T, lastPushAt: T - 1_000 }]);
    expect(deskPresences.get()).toEqual(seen);
    expect(staleDesks(seen, T + 30_000)).toEqual([]);

    // Nothing new from A: B's view of it ages. Offline, A's own record keeps the last time it was in touch.
    expect(staleDesks(await refreshPresences(asPresence(b), 'DESK-B', T + 61_000), T + 61_000).map((p) => p.name)).toEqual(['侧门']);
    await writePresence(asPresence(a), { deskId: 'DESK-A', name: '侧门' }, T + 40_000, false, {});
    expect((await refreshPresences(asPresence(a), 'DESK-A'))[0]!.syncedAt).toBe(T);
    // Back in touch, its next record reaches B, which counts it from when it arrived (by B's clock).
    await writePresence(asPresence(a), { deskId: 'DESK-A', name: '侧门' }, T + 70_000, true, {});
    await PouchDB.sync(a, server);
    await PouchDB.sync(b, server);
    const later = await refreshPresences(asPresence(b), 'DESK-B', T + 75_000);
    expect(later[0]!.syncedAt).toBe(T + 75_000);
    expect(staleDesks(later, T + 80_000)).toEqual([]);
  });

  it('removing a desk deletes its record at every desk', async () => {
    const server = memory('server');
    const a = memory('replica-a');
    const b = memory('replica-b');
    await writePresence(asPresence(a), { deskId: 'DESK-A' }, T, true, {});
    await writePresence(asPresence(b), { deskId: 'DESK-B' }, T, true, {});
    await PouchDB.sync(a, server);
    await PouchDB.sync(b, server);
    await PouchDB.sync(a, server);
    expect((await refreshPresences(asPresence(a), 'DESK-A')).map((p) => p.deskId)).toEqual(['DESK-A', 'DESK-B']);
    expect(await removePresence(asPresence(a), 'DESK-B')).toBe(true);
    expect(await removePresence(asPresence(a), 'DESK-B')).toBe(false);
    await PouchDB.sync(a, server);
    await PouchDB.sync(b, server);
    expect((await refreshPresences(asPresence(b), 'DESK-B')).map((p) => p.deskId)).toEqual(['DESK-A']);
  });
});
