// Call notes, messages and the equipment log through their repositories (fake-indexeddb): the autosave
// upsert writes only real changes, suggestions and recognition use one key per number (with the desk's
// area code), every message state change follows the rules and is audited, a PBX outage is one candidate.
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/testDatabase';
import { newId } from './ids';
import { MessageTransitionError } from './messageRepository';
import { PermissionDeniedError } from './writeErrors';
import { AREA_CODE_SETTING } from './deskSettings';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

async function seedCall(repos: Awaited<ReturnType<typeof freshDatabase>>['repos'], remoteNumber: string, startedAt: number, answered = true) {
  const id = newId(startedAt);
  await repos.calls.saveFromEvents(id, {
    direction: 'inbound', remoteNumber, remoteNumberDigits: remoteNumber.replace(/\D/g, ''), startedAt,
    ...(answered ? { answeredAt: startedAt + 3000, ringMs: 3000, endedAt: startedAt + 60_000, disposition: 'answered' as const } : { endedAt: startedAt + 20_000, disposition: 'missed' as const }),
  });
  return id;
}

describe('call notes', () => {
  it('autosaves as an upsert per call: a repeated save of the same text writes and audits nothing', async () => {
    const { db, repos } = await freshDatabase();
    const callId = await seedCall(repos, '+8613800138000', Date.now() - 120_000);
    const first = await repos.callNotes.saveForCall(callId, { phone: '+86 138 0013 8000', callerName: '张伟', reason: 'asks for' });
    const second = await repos.callNotes.saveForCall(callId, { phone: '+86 138 0013 8000', callerName: '张伟', reason: 'asks for Li' });
    expect(second.id).toBe(first.id);
    expect(second.phoneDigits).toBe('+8613800138000');
    const audits = await db.auditLog.where('[entityTable+entityId]').equals(['callNotes', first.id]).count();
    await repos.callNotes.saveForCall(callId, { phone: '+86 138 0013 8000', callerName: '张伟', reason: 'asks for Li' });
    expect(await db.auditLog.where('[entityTable+entityId]').equals(['callNotes', first.id]).count()).toBe(audits);
    expect(audits).toBe(2);
    expect(await db.callNotes.count()).toBe(1);
  });

  it('suggests name and company from earlier notes of the same number however it is written', async () => {
    const { repos } = await freshDatabase();
    const a = await seedCall(repos, '13800138000', Date.now() - 3 * 86_400_000);
    await repos.callNotes.saveForCall(a, { phone: '13800138000', callerName: '张伟', company: '华星科技', reason: 'invoice' });
    expect(await repos.callNotes.suggestions('0086 138 0013 8000')).toEqual([{ callerName: '张伟', company: '华星科技' }]);
    expect(await repos.callNotes.suggestions('+8613900000000')).toEqual([]);
  });

  it("keys a local landline with the desk's area code", async () => {
    const { repos } = await freshDatabase();
    await repos.settings.setValue(AREA_CODE_SETTING, '0755');
    const a = await seedCall(repos, '075588886666', Date.now() - 86_400_000);
    const note = await repos.callNotes.saveForCall(a, { phone: '8888 6666', callerName: 'Chen' });
    expect(note.phoneDigits).toBe('+8675588886666');
    expect((await repos.callNotes.forNumber('+86 755 8888 6666'))[0]?.id).toBe(note.id);
  });

  it('lists talked-to calls without a written note', async () => {
    const { repos } = await freshDatabase();
    const since = Date.now() - 3600_000;
    const noted = await seedCall(repos, '13800138000', since + 1000);
    const bare = await seedCall(repos, '13900139000', since + 2000);
    const empty = await seedCall(repos, '13700137000', since + 3000);
    await seedCall(repos, '13600136000', since + 4000, false);
    await repos.callNotes.saveForCall(noted, { reason: 'booked a room' });
    await repos.callNotes.saveForCall(empty, { callerName: 'only a name' });
    expect((await repos.callNotes.callsWithoutNote(since)).map((c) => c.id)).toEqual([empty, bare]);
  });
});

describe('messages', () => {
  it('goes open → delivered → acknowledged (drawn signature) → closed, each change audited', async () => {
    const { db, repos } = await freshDatabase();
    const m = await repos.messages.createMessage({ toName: '李娜', fromName: '张伟', fromPhone: '+86 138 0013 8000', content: 'Please call back', urgency: 'urgent' });
    expect(m.status).toBe('open');
    expect(m.fromPhoneKey).toBe('+8613800138000');
    expect(m.dueAt).toBe(m.createdAt + 60 * 60_000);
    const failed = await repos.messages.deliver(m.id, { channel: 'sip', ok: false, statusCode: 404, target: 'sip:2001@lab' });
    expect(failed.status).toBe('open');
    const delivered = await repos.messages.deliver(m.id, { channel: 'sip', ok: true, statusCode: 200, target: 'sip:2001@lab' });
    expect(delivered.status).toBe('delivered');
    expect(delivered.deliveries?.map((d) => [d.channel, d.ok, d.statusCode])).toEqual([['sip', 0, 404], ['sip', 1, 200]]);
    await expect(repos.messages.close(m.id)).rejects.toBeInstanceOf(MessageTransitionError);
    await expect(repos.messages.acknowledge(m.id, { name: '李娜', signature: null })).rejects.toMatchObject({ refusal: 'signatureRequired' });
    const acked = await repos.messages.acknowledge(m.id, { name: '李娜', signature: { method: 'drawn', dataUrl: PNG, strokes: 3 } });
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: '李娜', acknowledgement: { method: 'drawn', signature: PNG, strokes: 3 } });
    const closed = await repos.messages.close(m.id);
    expect(closed.status).toBe('closed');
    const audit = await db.auditLog.where('[entityTable+entityId]').equals(['messages', m.id]).toArray();
    expect(audit.map((a) => a.summary)).toEqual([
      expect.stringContaining('message for 李娜'),
      expect.stringContaining('delivery failed by sip (404)'),
      expect.stringContaining('delivered by sip (200): open → delivered'),
      expect.stringContaining('acknowledged by 李娜 (drawn signature)'),
      expect.stringContaining('closed: acknowledged → closed'),
    ]);
  });

  it('lets only a supervisor with a reason close before acknowledgement', async () => {
    const { repos } = await freshDatabase();
    const m = await repos.messages.createMessage({ toName: 'Sales', content: 'Catalogue request' });
    await expect(repos.messages.close(m.id)).rejects.toMatchObject({ refusal: 'reasonRequired' });
    const closed = await repos.messages.close(m.id, { reason: 'caller withdrew' });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'caller withdrew' });
    expect((await repos.messages.get(m.id))?.status).toBe('closed');
  });

  it('refuses a non-supervisor who closes before acknowledgement, and nothing changes', async () => {
    const { db, repos } = await freshDatabase();
    db.access.enforce();
    db.access.setPrincipal({ operatorId: 'op-1', name: '王芳', roles: ['operator'] });
    const m = await repos.messages.createMessage({ toName: 'Sales', content: 'Catalogue request' });
    await repos.messages.deliver(m.id, { channel: 'phone', ok: true });
    const before = await repos.messages.get(m.id);
    const audits = await db.auditLog.count();

    // With a reason too: the reason is the supervisor's to give.
    await expect(repos.messages.close(m.id, { reason: 'caller withdrew' })).rejects.toMatchObject({ name: 'PermissionDeniedError', permission: 'closeUnacknowledged' });
    await expect(repos.messages.close(m.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await repos.messages.get(m.id)).toEqual(before);
    expect(await db.auditLog.count()).toBe(audits);

    // Once acknowledged, the operator closes it as usual.
    await repos.messages.acknowledge(m.id, { name: 'Sales', signature: { method: 'typed', typedName: 'Sales' } });
    expect((await repos.messages.close(m.id)).status).toBe('closed');
  });

  it('lets a signed-in supervisor close before acknowledgement, with a reason, audited', async () => {
    const { db, repos } = await freshDatabase();
    db.access.enforce();
    db.access.setPrincipal({ operatorId: 'sup-1', name: '赵主管', roles: ['supervisor'] });
    const m = await repos.messages.createMessage({ toName: 'Sales', content: 'Catalogue request' });
    await expect(repos.messages.close(m.id)).rejects.toMatchObject({ refusal: 'reasonRequired' });
    const closed = await repos.messages.close(m.id, { reason: 'caller withdrew' });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'caller withdrew', closedBy: 'sup-1' });
    const audit = await db.auditLog.where('[entityTable+entityId]').equals(['messages', m.id]).toArray();
    expect(audit.at(-1)).toMatchObject({ actorId: 'sup-1', summary: expect.stringContaining('before acknowledgement by a supervisor: caller withdrew') });
  });

  it('finds the open messages of a caller by number key', async () => {
    const { repos } = await freshDatabase();
    const m = await repos.messages.createMessage({ toName: '李娜', fromPhone: '13800138000', content: 'x' });
    expect((await repos.messages.openForCaller('+8613800138000')).map((x) => x.id)).toEqual([m.id]);
    await repos.messages.close(m.id, { reason: 'done' });
    expect(await repos.messages.openForCaller('+8613800138000')).toEqual([]);
  });
});

describe('equipment log', () => {
  it('records one PBX outage candidate, extended when the PBX answers again; confirm and fix it', async () => {
    const { repos } = await freshDatabase();
    const from = Date.now() - 5 * 60_000;
    const c1 = await repos.equipmentFaults.recordPbxCandidate(from, undefined, 'PBX unreachable', 'PBX');
    const c2 = await repos.equipmentFaults.recordPbxCandidate(from, from + 90_000, 'PBX unreachable', 'PBX');
    expect(c2.id).toBe(c1.id);
    expect(c2.outageTo).toBe(from + 90_000);
    expect((await repos.equipmentFaults.openFaults()).length).toBe(1);
    const confirmed = await repos.equipmentFaults.confirmCandidate(c1.id, { reportedTo: 'IT' });
    expect(confirmed.candidate).toBeUndefined();
    await expect(repos.equipmentFaults.update(c1.id, { status: 'fixed' })).rejects.toMatchObject({ name: 'ValidationError' });
    const fixed = await repos.equipmentFaults.update(c1.id, { status: 'fixed', repair: 'restarted the PBX' });
    expect(fixed.fixedAt).toBeGreaterThan(0);
    expect(await repos.equipmentFaults.openFaults()).toEqual([]);
  });

  it('dismisses a candidate', async () => {
    const { repos } = await freshDatabase();
    const c = await repos.equipmentFaults.recordPbxCandidate(Date.now() - 120_000, Date.now(), 'PBX unreachable', 'PBX');
    await repos.equipmentFaults.dismissCandidate(c.id);
    expect(await repos.equipmentFaults.openFaults()).toEqual([]);
  });
});

describe('call records of local landlines', () => {
  it("key a number sent without its area code with the desk's area code", async () => {
    const { repos } = await freshDatabase();
    await repos.settings.setValue(AREA_CODE_SETTING, '010');
    const id = await seedCall(repos, '65529988', Date.now() - 60_000);
    expect((await repos.calls.get(id))?.remoteNumberKey).toBe('+861065529988');
  });
});
