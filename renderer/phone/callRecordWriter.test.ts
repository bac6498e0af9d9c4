import { beforeEach, describe, expect, it } from 'vitest';
import { applyCallEvent, startCall } from '@shared/calls/callMachine';
import { getDatabase, resetDatabaseForTests } from '../db';
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
});
