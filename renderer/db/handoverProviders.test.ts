// The shift handover's pre-fill providers (renderer/db/handoverRepository.ts): each counts what is still
// open of its kind and leaves out what is done with, against fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/testDatabase';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import type { Repositories } from './repositories';
import { HANDOVER_PROVIDERS, openEquipmentFaults, openMessages, urgentParcels } from './handoverRepository';

let db: FrontDeskDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await freshDatabase());
});
afterEach(() => db.close());

const typed = (name: string) => ({ name, signature: { method: 'typed' as const, typedName: name } });

describe('handover pre-fill providers', () => {
  it('reports nothing on an empty desk', async () => {
    expect(await openMessages(db)).toBeNull();
    expect(await urgentParcels(db)).toBeNull();
    expect(await openEquipmentFaults(db)).toBeNull();
    expect(await repos.handovers.prefill()).toEqual([]);
  });

  it('counts messages not yet acknowledged, never closed or acknowledged ones, and keeps numbers out', async () => {
    await repos.messages.createMessage({ toName: 'Chen Jie', fromName: 'Mr Huang', fromCompany: 'Acme', fromPhone: '13800138000', content: 'call back 13800138000' });
    const delivered = await repos.messages.createMessage({ toName: 'Liu Yang', content: 'parcel at gate' });
    await repos.messages.deliver(delivered.id, { channel: 'phone', ok: true });
    const acknowledged = await repos.messages.createMessage({ toName: 'Sun Li', content: 'meeting moved' });
    await repos.messages.acknowledge(acknowledged.id, typed('Sun Li'));
    const closed = await repos.messages.createMessage({ toName: 'Zhou Min', content: 'done' });
    await repos.messages.close(closed.id, { reason: 'duplicate' });
    const removed = await repos.messages.createMessage({ toName: 'Wu Gang', content: 'typo' });
    await repos.messages.softDelete(removed.id);

    const item = await openMessages(db);
    expect(item?.kind).toBe('openMessages');
    expect(item?.count).toBe(2);
    expect(item?.lines).toEqual(['Chen Jie ← Mr Huang, Acme', 'Liu Yang']);
    expect(item?.lines.join(' ')).not.toContain('13800138000');
  });

  it('counts uncollected urgent parcels only', async () => {
    const urgent = await repos.parcels.intake({ trackingNumber: 'SF1234567890', recipientName: 'Chen Jie', type: 'parcel', urgent: true, shelf: 'A1' });
    const notified = await repos.parcels.intake({ trackingNumber: 'YT9876543210', recipientName: 'Liu Yang', type: 'document', urgent: true });
    if (notified.kind !== 'received') throw new Error('intake');
    await repos.parcels.recordNotification({ parcelIds: [notified.parcel.id], channels: ['phone'] });
    await repos.parcels.intake({ trackingNumber: 'ZT1111111111', recipientName: 'Sun Li', type: 'parcel', urgent: false });
    const collected = await repos.parcels.intake({ trackingNumber: 'JD2222222222', recipientName: 'Zhou Min', type: 'parcel', urgent: true });
    if (collected.kind !== 'received' || urgent.kind !== 'received') throw new Error('intake');
    await repos.parcels.handOver({ parcelIds: [collected.parcel.id], collectedBy: 'Zhou Min', delegate: false });
    const returned = await repos.parcels.intake({ trackingNumber: 'EMS3333333333', recipientName: 'Wu Gang', type: 'parcel', urgent: true });
    if (returned.kind !== 'received') throw new Error('intake');
    await repos.parcels.close(returned.parcel.id, 'returned', 'nobody of that name');

    const item = await urgentParcels(db);
    expect(item?.kind).toBe('urgentParcels');
    expect(item?.count).toBe(2);
    expect(item?.lines).toEqual(['Chen Jie · SF1234567890 · A1', 'Liu Yang · YT9876543210']);
  });

  it('counts open and in-repair equipment faults, not fixed or dismissed ones', async () => {
    await repos.equipmentFaults.create({ equipment: 'Badge printer', symptom: 'paper jam', reportedAt: 1_000 });
    await repos.equipmentFaults.create({ equipment: 'Trunk', line: 'Line 2', symptom: 'no dial tone', status: 'inRepair', reportedAt: 2_000 });
    await repos.equipmentFaults.create({ equipment: 'Scanner', symptom: 'dead', status: 'fixed', repair: 'new cable', reportedAt: 3_000 });
    const candidate = await repos.equipmentFaults.recordPbxCandidate(4_000, 90_000, 'PBX unreachable', 'PBX');
    await repos.equipmentFaults.dismissCandidate(candidate.id);

    const item = await openEquipmentFaults(db);
    expect(item?.kind).toBe('equipmentFaults');
    expect(item?.count).toBe(2);
    expect(item?.lines).toEqual(['Badge printer: paper jam', 'Trunk (Line 2): no dial tone']);
  });

  it('the pre-fill gathers every provider in order', async () => {
    expect(HANDOVER_PROVIDERS).toEqual(expect.arrayContaining([openMessages, urgentParcels, openEquipmentFaults]));
    await repos.messages.createMessage({ toName: 'Chen Jie', content: 'call back' });
    await repos.parcels.intake({ recipientName: 'Chen Jie', type: 'parcel', urgent: true });
    await repos.equipmentFaults.create({ equipment: 'Copier', symptom: 'toner' });
    await repos.complaints.create({ kind: 'complaint', content: 'cold lobby' } as never);
    const items = await repos.handovers.prefill();
    expect(items.map((i) => [i.kind, i.count])).toEqual([['openComplaints', 1], ['openMessages', 1], ['urgentParcels', 1], ['equipmentFaults', 1]]);
  });
});
