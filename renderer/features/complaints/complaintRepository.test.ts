import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endOfWorkingDaysAfter } from '@shared/complaints/complaintRules';
import { ValidationError, type FrontDeskDatabase, type Repositories } from '../../db';
import { freshDatabase } from '../../test/testDatabase';

let db: FrontDeskDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await freshDatabase());
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

describe('ComplaintRepository', () => {
  it('creates an open item due in three working days, audited', async () => {
    const c = await repos.complaints.create({ kind: 'complaint', content: '  The lift was out of order  ', name: '王先生', contact: '' });
    expect(c).toMatchObject({ status: 'open', content: 'The lift was out of order', name: '王先生', followUps: [] });
    expect(c.contact).toBeUndefined();
    expect(c.dueAt).toBe(endOfWorkingDaysAfter(c.createdAt, 3));
    expect(await repos.auditLog.forEntity('complaints', c.id)).toEqual([expect.objectContaining({ action: 'create' })]);
  });

  it('refuses an item without content', async () => {
    await expect(repos.complaints.create({ kind: 'suggestion', content: '   ' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('a reply answers the item with the reply date; answered without a reply is refused', async () => {
    const c = await repos.complaints.create({ kind: 'complaint', content: 'Too cold in the lobby' });
    await expect(repos.complaints.update(c.id, { status: 'answered' })).rejects.toMatchObject({ fields: { reply: 'required' } });
    const before = Date.now();
    const answered = await repos.complaints.reply(c.id, 'Heating fixed on Monday.');
    expect(answered).toMatchObject({ status: 'answered', reply: 'Heating fixed on Monday.' });
    expect(answered.repliedAt).toBeGreaterThanOrEqual(before);
    // Editing another field keeps the reply date; closing keeps the reply.
    const closed = await repos.complaints.update(c.id, { status: 'closed', category: 'facilities' });
    expect(closed).toMatchObject({ status: 'closed', repliedAt: answered.repliedAt, reply: 'Heating fixed on Monday.' });
    const audit = await repos.auditLog.forEntity('complaints', c.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audit[1]!.summary).toContain('replied');
  });

  it('follow-ups are appended by the acting operator and move an open item in progress', async () => {
    const c = await repos.complaints.create({ kind: 'complaint', content: 'Rude guard' });
    db.desk.setActor('operator-7');
    const first = await repos.complaints.addFollowUp(c.id, 'Spoke to security');
    expect(first.status).toBe('inProgress');
    expect(first.followUps).toEqual([expect.objectContaining({ by: 'operator-7', text: 'Spoke to security' })]);
    const second = await repos.complaints.addFollowUp(c.id, 'Guard apologised');
    expect(second.followUps.map((f) => f.text)).toEqual(['Spoke to security', 'Guard apologised']);
    await expect(repos.complaints.addFollowUp(c.id, ' ')).rejects.toBeInstanceOf(ValidationError);
  });

  it('lists by status newest first and counts the waiting and overdue ones', async () => {
    const a = await repos.complaints.create({ kind: 'complaint', content: 'A', dueAt: 1000 });
    const b = await repos.complaints.create({ kind: 'suggestion', content: 'B' });
    const c = await repos.complaints.create({ kind: 'praise', content: 'C' });
    await repos.complaints.reply(c.id, 'Thank you');
    await repos.complaints.addFollowUp(b.id, 'Looking into it');
    expect((await repos.complaints.listByStatus('open')).map((x) => x.id)).toEqual([a.id]);
    expect((await repos.complaints.listByStatus('inProgress')).map((x) => x.id)).toEqual([b.id]);
    expect((await repos.complaints.listByStatus(undefined)).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(await repos.complaints.waitingCounts(Date.now())).toEqual({ open: 2, overdue: 1 });
    await repos.complaints.softDelete(a.id);
    expect(await repos.complaints.waitingCounts(Date.now())).toEqual({ open: 1, overdue: 0 });
  });
});
