import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyCallEvent, startCall } from '@shared/calls/callMachine';
import { getDatabase, getRepositories, resetDatabaseForTests } from '../db';
import { CallRecordWriter } from './callRecordWriter';
import type { LineView } from './phoneTypes';

const view: LineView = {
  id: '01JD00000000000000000000AB', lineNo: 1, direction: 'inbound', remoteUser: '13800138000', remoteName: '张三',
  state: 'ringing', muted: false, holdPending: false, ringStartedAt: 1000, sipCallId: 'abc',
};

describe('CallRecordWriter', () => {
  beforeEach(async () => {
    resetDatabaseForTests();
    await getDatabase().delete();
    resetDatabaseForTests();
  });

  it('creates the record when the call rings and completes it when it ends, with audit entries', async () => {
    const errors: unknown[] = [];
    const writer = new CallRecordWriter({ ownExtension: () => '2000', onError: (e) => errors.push(e) });
    let call = startCall('inbound', 1000);
    writer.record(view, call);
    call = applyCallEvent(call, { type: 'answered', at: 3000 });
    writer.record({ ...view, state: 'active' }, call);
    call = applyCallEvent(call, { type: 'ended', at: 63_000, cause: 'remote-hangup' });
    writer.record({ ...view, state: 'ended' }, call);
    await writer.flush();
    expect(errors).toEqual([]);

    const db = getDatabase();
    const rows = await db.calls.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: view.id, disposition: 'answered', ringMs: 2000, talkMs: 60_000, extension: '2000', remoteNumberDigits: '13800138000', handledBy: 'desk' });
    const audit = await db.auditLog.where('[entityTable+entityId]').equals(['calls', view.id]).toArray();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('reports a failed write instead of throwing into the phone', async () => {
    const errors: unknown[] = [];
    const writer = new CallRecordWriter({ onError: (e) => errors.push(e) });
    writer.record({ ...view, remoteUser: 'x'.repeat(200), lineNo: -1 }, startCall('inbound', 1000));
    await writer.flush();
    expect(errors).toHaveLength(1);
    expect(await getDatabase().calls.count()).toBe(0);
  });

  describe('when an event changes nothing stored', () => {
    afterEach(() => vi.restoreAllMocks());

    it('does not write: same row, same updatedAt, no audit entry, no Dexie write at all', async () => {
      const writer = new CallRecordWriter({ ownExtension: () => '2000' });
      let call = startCall('inbound', 1000);
      call = applyCallEvent(call, { type: 'answered', at: 3000 });
      writer.record({ ...view, state: 'active' }, call);
      await writer.flush();
      const db = getDatabase();
      const before = await db.calls.get(view.id);
      const auditBefore = await db.auditLog.count();
      expect(before).toBeDefined();

      let writes = 0;
      const countWrite = () => {
        writes += 1;
      };
      db.calls.hook('creating', countWrite);
      db.calls.hook('updating', countWrite);
      // Later wall-clock time: a rewrite would move updatedAt.
      const later = Date.now() + 60_000;
      vi.spyOn(Date, 'now').mockReturnValue(later);
      // Mute and an on-screen notice: the line view changes, the stored call does not.
      writer.record({ ...view, state: 'active', muted: true }, call);
      writer.record({ ...view, state: 'active', muted: false }, call);
      await writer.flush();
      expect(writes).toBe(0);
      expect(await db.calls.get(view.id)).toEqual(before);
      expect(await db.auditLog.count()).toBe(auditBefore);

      // A real change is still written (the check above can fail).
      call = applyCallEvent(call, { type: 'ended', at: 63_000, cause: 'remote-hangup' });
      writer.record({ ...view, state: 'ended' }, call);
      await writer.flush();
      db.calls.hook('creating').unsubscribe(countWrite);
      db.calls.hook('updating').unsubscribe(countWrite);
      expect(writes).toBe(1);
      expect(await db.calls.get(view.id)).toMatchObject({ updatedAt: later, endedAt: 63_000, talkMs: 60_000 });
      expect(await db.auditLog.count()).toBe(auditBefore + 1);
    });

    it('skips through the CallRepository, which reports whether it wrote', async () => {
      const db = getDatabase();
      await db.open();
      const calls = getRepositories(db).calls;
      const fields = { direction: 'inbound' as const, remoteNumber: '13800138000', remoteNumberDigits: '13800138000', startedAt: 1000, disposition: 'answered' as const, line: 1 };
      expect((await calls.saveFromEvents(view.id, fields)).written).toBe(true);
      expect((await calls.saveFromEvents(view.id, { ...fields })).written).toBe(false);
      expect((await calls.saveFromEvents(view.id, { ...fields, remoteName: '张三' })).written).toBe(true);
      expect(await calls.get(view.id)).toMatchObject({ remoteName: '张三', handledBy: 'desk' });
    });
  });
});

