// Settings → Sync's operations: removing a desk and compacting the server are a supervisor's, and audited.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../../test/testDatabase';
import { isPermissionDenied } from '../writeErrors';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { compactSyncServer, removeSyncDesk } from './syncSettings';

const open: FrontDeskDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function database(): Promise<FrontDeskDatabase> {
  const { db } = await freshDatabase();
  open.push(db);
  return db;
}

describe('sync operations', () => {
  it('removing a desk removes its presence record and audits it; a desk without one is not audited', async () => {
    const db = await database();
    const removeDesk = vi.fn(async (deskId: string) => deskId === 'DESK-B');
    expect(await removeSyncDesk(db, { removeDesk }, { deskId: 'DESK-B', label: 'Side entrance' })).toBe(true);
    expect(await removeSyncDesk(db, { removeDesk }, { deskId: 'DESK-X', label: 'Nobody' })).toBe(false);
    expect(removeDesk.mock.calls.map(([id]) => id)).toEqual(['DESK-B', 'DESK-X']);
    const audit = await db.auditLog.toArray();
    expect(audit.map((e) => [e.action, e.entityTable, e.entityId, e.summary])).toEqual([['delete', 'deskPresence', 'DESK-B', 'removed desk Side entrance from sync']]);
  });

  it('compacting the server asks the server and audits it', async () => {
    const db = await database();
    const compactServer = vi.fn(async () => undefined);
    await compactSyncServer(db, { compactServer }, 'frontdesk');
    expect(compactServer).toHaveBeenCalledOnce();
    expect((await db.auditLog.toArray()).map((e) => e.summary)).toEqual(['compacted the server database frontdesk']);
  });

  it('a concierge may do neither: nothing is removed, compacted or audited', async () => {
    const db = await database();
    db.access.enforce();
    db.access.setPrincipal({ operatorId: '01JF0000000000000000000001', name: '门卫', roles: ['concierge'] });
    const removeDesk = vi.fn(async () => true);
    const compactServer = vi.fn(async () => undefined);
    await expect(removeSyncDesk(db, { removeDesk }, { deskId: 'DESK-B', label: 'B' })).rejects.toSatisfy(isPermissionDenied);
    await expect(compactSyncServer(db, { compactServer }, 'frontdesk')).rejects.toSatisfy(isPermissionDenied);
    expect(removeDesk).not.toHaveBeenCalled();
    expect(compactServer).not.toHaveBeenCalled();
    expect(await db.auditLog.count()).toBe(0);
  });
});
