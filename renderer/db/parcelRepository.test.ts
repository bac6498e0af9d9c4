import { describe, expect, it } from 'vitest';
import { ParcelTransitionError } from '@shared/parcels/parcelMachine';
import { parcelCodeFor } from '@shared/parcels/parcelCode';
import { freshDatabase } from '../test/testDatabase';
import type { IntakeOutcome } from './parcelRepository';
import { ValidationError } from './recordRepository';

function received(outcome: IntakeOutcome) {
  if (outcome.kind !== 'received') throw new Error(`expected received, got ${outcome.kind}`);
  return outcome.parcel;
}

async function setup() {
  const fresh = await freshDatabase();
  const zhang = await fresh.repos.staff.create({ name: '张三', extension: '2301' });
  const li = await fresh.repos.staff.create({ name: '李四', extension: '2302' });
  return { ...fresh, zhang, li };
}

describe('parcel repository', () => {
  it('intake stores the item with its received event and audit entry in one transaction; a re-scan of an open number is caught', async () => {
    const { db, repos, zhang } = await setup();
    const parcel = received(await repos.parcels.intake({ trackingNumber: 'sf 1234 5678 90123', carrier: 'sf', recipientStaffId: zhang.id, type: 'parcel', urgent: true, shelf: 'A1', pieces: 2 }));
    expect(parcel).toMatchObject({ trackingKey: 'SF1234567890123', recipientName: '张三', urgent: 1, status: 'received', shelf: 'A1', pieces: 2 });
    expect(parcel.searchKeys).toEqual(expect.arrayContaining(['sf1234567890123', 'a1', 'zhangsan', '2301']));
    expect((await repos.parcels.events(parcel.id)).map((e) => [e.kind, e.shelf])).toEqual([['received', 'A1']]);
    expect((await db.auditLog.toArray()).filter((a) => a.entityId === parcel.id).map((a) => a.summary)).toEqual(['received parcel sf 1234 5678 90123 for 张三 (urgent)']);

    const again = await repos.parcels.intake({ trackingNumber: 'SF1234567890123', type: 'parcel', urgent: false });
    expect(again).toEqual({ kind: 'duplicate', existing: parcel });
    expect(await db.parcels.count()).toBe(1);
    // Once collected, the same number may arrive again (a return shipment).
    await repos.parcels.handOver({ parcelIds: [parcel.id], collectedBy: '张三', delegate: false });
    expect((await repos.parcels.intake({ trackingNumber: 'SF1234567890123', type: 'parcel', urgent: false })).kind).toBe('received');
  });

  it('a failing event write rolls the parcel change back (same transaction)', async () => {
    const { db, repos, zhang } = await setup();
    const parcel = received(await repos.parcels.intake({ trackingNumber: 'JT0001234567890', recipientStaffId: zhang.id, type: 'parcel', urgent: false }));
    // A signature beyond the schema's limit fails the event's validation after the parcel was patched.
    await expect(repos.parcels.handOver({ parcelIds: [parcel.id], collectedBy: '张三', delegate: false, signature: 'x'.repeat(500_000) })).rejects.toThrow(ValidationError);
    expect((await db.parcels.get(parcel.id))!.status).toBe('received');
    expect((await repos.parcels.events(parcel.id)).map((e) => e.kind)).toEqual(['received']);
  });

  it('custody chain: moved, notified (one batch for several items), handed over to a delegate with a signature; closed items refuse more', async () => {
    const { repos, zhang } = await setup();
    const a = received(await repos.parcels.intake({ trackingNumber: 'YT1234567890123', recipientStaffId: zhang.id, type: 'parcel', urgent: false, shelf: 'A1' }));
    const b = received(await repos.parcels.intake({ trackingNumber: 'YT1234567890124', recipientStaffId: zhang.id, type: 'letter', urgent: true }));
    await repos.parcels.moveShelf(a.id, 'B3');
    const told = await repos.parcels.recordNotification({ parcelIds: [a.id, b.id], recipientStaffId: zhang.id, channels: ['desktop', 'sip'] });
    expect(told.map((p) => p.status)).toEqual(['notified', 'notified']);
    const [ea, eb] = [await repos.parcels.events(a.id), await repos.parcels.events(b.id)];
    expect(ea.at(-1)!.batchId).toBe(eb.at(-1)!.batchId);
    await repos.parcels.handOver({ parcelIds: [a.id, b.id], collectedBy: '王五', delegate: true, signature: 'data:image/png;base64,AAAA' });
    const events = await repos.parcels.events(a.id);
    expect(events.map((e) => e.kind)).toEqual(['received', 'moved', 'notified', 'handedOver']);
    expect(events[1]).toMatchObject({ shelf: 'B3', fromShelf: 'A1' });
    expect(events[2]).toMatchObject({ channels: ['desktop', 'sip'], recipientStaffId: zhang.id });
    expect(events[3]).toMatchObject({ handedTo: '王五', delegate: 1, signature: 'data:image/png;base64,AAAA' });
    expect(await repos.parcels.get(a.id)).toMatchObject({ status: 'collected', collectedBy: '王五', delegateName: '王五', shelf: 'B3' });
    await expect(repos.parcels.handOver({ parcelIds: [a.id], collectedBy: '张三', delegate: false })).rejects.toThrow(ParcelTransitionError);
    await expect(repos.parcels.moveShelf(a.id, 'C1')).rejects.toThrow(ParcelTransitionError);
  });

  it('refused and returned need a reason; corrections need a reason and record what changed', async () => {
    const { db, repos, zhang, li } = await setup();
    const p = received(await repos.parcels.intake({ trackingNumber: 'DPK123456789012', recipientStaffId: zhang.id, type: 'parcel', urgent: false }));
    await expect(repos.parcels.close(p.id, 'refused', ' ')).rejects.toThrow(ValidationError);
    await expect(repos.parcels.correct(p.id, { carrier: 'sf' }, '  ')).rejects.toThrow(ValidationError);
    const untouched = await repos.parcels.get(p.id);
    expect(untouched?.carrier).toBeUndefined();
    expect(untouched?.recipientName).toBe('张三');
    await repos.parcels.correct(p.id, { recipientStaffId: li.id, urgent: 1, carrier: 'deppon', trackingNumber: ' DPK123456789099 ' }, '登记时选错了收件人');
    const corrected = await repos.parcels.get(p.id);
    expect(corrected).toMatchObject({ recipientName: '李四', urgent: 1, carrier: 'deppon', trackingNumber: 'DPK123456789099', trackingKey: 'DPK123456789099' });
    expect(corrected!.searchKeys).toEqual(expect.arrayContaining(['dpk123456789099', '2302']));
    expect(corrected!.searchKeys).not.toContain('2301');
    expect(await repos.parcels.openByTrackingKey('DPK123456789012')).toEqual([]);
    const last = (await repos.parcels.events(p.id)).at(-1)!;
    expect(last).toMatchObject({ kind: 'corrected', reason: '登记时选错了收件人' });
    expect(last.changes).toEqual(expect.arrayContaining([`recipientStaffId: ${zhang.id} → ${li.id}`, 'recipientName: 张三 → 李四', 'urgent: 0 → 1', 'carrier: — → deppon']));
    expect((await db.auditLog.toArray()).filter((a) => a.entityId === p.id).at(-1)!.summary).toContain('(reason: 登记时选错了收件人)');
    await repos.parcels.close(p.id, 'returned', '收件人已离职');
    expect(await repos.parcels.get(p.id)).toMatchObject({ status: 'returned', reason: '收件人已离职' });
  });

  it('a photo of the label is kept on the received event; anything but an image data URL is refused and nothing is stored', async () => {
    const { db, repos, zhang } = await setup();
    const photo = 'data:image/jpeg;base64,/9j/4AAQ';
    const p = received(await repos.parcels.intake({ trackingNumber: 'SF1400000000001', recipientStaffId: zhang.id, type: 'parcel', urgent: false, photo }));
    expect((await repos.parcels.events(p.id)).map((e) => [e.kind, e.photo])).toEqual([['received', photo]]);
    await expect(repos.parcels.intake({ trackingNumber: 'SF1400000000002', type: 'parcel', urgent: false, photo: 'javascript:alert(1)' })).rejects.toThrow(ValidationError);
    expect(await repos.parcels.openByTrackingKey('SF1400000000002')).toEqual([]);
    expect(await db.parcels.count()).toBe(1);
  });

  it('undo of the last intake: gone from every list, its events kept; not once something else happened', async () => {
    const { repos, zhang } = await setup();
    const p = received(await repos.parcels.intake({ trackingNumber: 'JT0001234567891', recipientStaffId: zhang.id, type: 'parcel', urgent: false }));
    await repos.parcels.undoIntake(p.id);
    expect(await repos.parcels.waiting()).toEqual([]);
    expect((await repos.parcels.events(p.id)).map((e) => [e.kind, e.notes])).toEqual([['received', undefined], ['corrected', 'intake undone']]);
    const q = received(await repos.parcels.intake({ trackingNumber: 'JT0001234567892', recipientStaffId: zhang.id, type: 'parcel', urgent: false }));
    await repos.parcels.recordNotification({ parcelIds: [q.id], channels: ['desktop'] });
    await expect(repos.parcels.undoIntake(q.id)).rejects.toThrow(ValidationError);
  });

  it('waiting list urgent first; scans find by shelf label or number; history counts the same shape; figures', async () => {
    const { repos, zhang, li } = await setup();
    const first = received(await repos.parcels.intake({ trackingNumber: '431234567890124', carrier: 'yunda', recipientStaffId: zhang.id, type: 'parcel', urgent: false }));
    const urgent = received(await repos.parcels.intake({ trackingNumber: '431234567890125', carrier: 'yunda', recipientStaffId: li.id, type: 'document', urgent: true }));
    await repos.parcels.intake({ trackingNumber: '431234567890126', carrier: 'sto', recipientStaffId: li.id, type: 'parcel', urgent: false });
    await repos.parcels.intake({ trackingNumber: '4312345678', carrier: 'sto', type: 'parcel', urgent: false });
    expect((await repos.parcels.waiting()).map((p) => p.trackingKey)).toEqual(['431234567890125', '431234567890124', '431234567890126', '4312345678']);
    expect(await repos.parcels.carrierHistory('431234567890199')).toEqual(new Map([['yunda', 2], ['sto', 1]]));
    expect((await repos.parcels.findByScan(parcelCodeFor(urgent.id))).map((p) => p.id)).toEqual([urgent.id]);
    expect((await repos.parcels.findByScan('4312-3456-7890-124')).map((p) => p.id)).toEqual([first.id]);
    expect((await repos.parcels.waitingFor(li.id)).map((p) => p.trackingKey)).toEqual(['431234567890125', '431234567890126']);
    const now = Date.now();
    expect(await repos.parcels.figures(now + 4 * 86_400_000, now - 1000, now + 1000, 3)).toEqual({ receivedToday: 4, waiting: 4, urgentWaiting: 1, overdue: 4 });
    expect(await repos.parcels.figures(now, now - 1000, now + 1000, 3)).toMatchObject({ overdue: 0 });
  });

  it('outgoing mail is logged apart from the waiting list', async () => {
    const { repos } = await setup();
    await expect(repos.parcels.logOutgoing({ type: 'document', sender: '', destination: '上海' })).rejects.toThrow(ValidationError);
    const sent = await repos.parcels.logOutgoing({ type: 'document', sender: '财务部 王芳', destination: '上海市浦东新区 某某公司', carrier: 'sf', trackingNumber: 'SF1234567890999', costCentre: 'CC-101' });
    expect(await repos.parcels.waiting()).toEqual([]);
    expect((await repos.parcels.outgoing()).map((p) => p.id)).toEqual([sent.id]);
    expect((await repos.parcels.events(sent.id)).map((e) => [e.kind, e.handedTo])).toEqual([['handedOver', 'sf']]);
  });
});
