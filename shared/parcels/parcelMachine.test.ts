import { describe, expect, it } from 'vitest';
import type { Parcel } from '../domain/parcels';
import { applyParcelAction, canApply, compareWaiting, describeChanges, groupByRecipient, isOverdue, ParcelTransitionError } from './parcelMachine';
import { parcelCodeFor, parcelIdFromCode } from './parcelCode';

const ID = '01HZX3M8Q4V6W7Y8Z9ABCDEFGH';

describe('parcel state machine', () => {
  it('received → notified → collected, each step setting its fields', () => {
    expect(applyParcelAction({ status: 'received' }, { kind: 'notified', at: 10 })).toEqual({ status: 'notified', notifiedAt: 10 });
    expect(applyParcelAction({ status: 'notified' }, { kind: 'reminded', at: 20 })).toEqual({ status: 'notified', notifiedAt: 20, lastReminderAt: 20 });
    expect(applyParcelAction({ status: 'notified' }, { kind: 'handedOver', at: 30, collectedBy: '李四', delegateName: '李四' }))
      .toEqual({ status: 'collected', collectedAt: 30, collectedBy: '李四', delegateName: '李四' });
    expect(applyParcelAction({ status: 'received' }, { kind: 'moved', at: 5, shelf: 'B2' })).toEqual({ shelf: 'B2' });
  });

  it('returned and refused need a reason', () => {
    expect(applyParcelAction({ status: 'received' }, { kind: 'refused', at: 1, reason: ' damaged ' })).toEqual({ status: 'refused', reason: 'damaged', collectedAt: 1 });
    expect(() => applyParcelAction({ status: 'received' }, { kind: 'returned', at: 1, reason: '  ' })).toThrow(ParcelTransitionError);
  });

  it('a closed item cannot be handed over, moved or notified again, only corrected', () => {
    for (const status of ['collected', 'returned', 'refused'] as const) {
      expect(() => applyParcelAction({ status }, { kind: 'handedOver', at: 1, collectedBy: 'x' })).toThrow(ParcelTransitionError);
      expect(canApply(status, 'moved')).toBe(false);
      expect(canApply(status, 'notified')).toBe(false);
      expect(canApply(status, 'corrected')).toBe(true);
    }
  });

  it('corrections list what changed', () => {
    expect(describeChanges({ shelf: 'A1', urgent: 0, notes: undefined }, { urgent: 1, notes: 'fragile', shelf: 'A1' })).toEqual(['urgent: 0 → 1', 'notes: — → fragile']);
  });

  it('aging: waiting longer than N days (default 3) is overdue; a collected item never is', () => {
    const now = 10 * 86_400_000;
    expect(isOverdue({ status: 'received', receivedAt: now - 3 * 86_400_000 - 1 }, now)).toBe(true);
    expect(isOverdue({ status: 'received', receivedAt: now - 3 * 86_400_000 }, now)).toBe(false);
    expect(isOverdue({ status: 'notified', receivedAt: now - 2 * 86_400_000 }, now, 1)).toBe(true);
    expect(isOverdue({ status: 'collected', receivedAt: 0 }, now)).toBe(false);
  });

  it('urgent first, then the longest waiting; one group per recipient, urgent recipients first', () => {
    const p = (id: string, urgent: 0 | 1, receivedAt: number, recipientStaffId?: string) => ({ id, urgent, receivedAt, recipientStaffId }) as Pick<Parcel, 'id' | 'urgent' | 'receivedAt' | 'recipientStaffId'>;
    const items = [p('a', 0, 1, 'X'), p('b', 1, 5, 'Y'), p('c', 0, 0, 'Y'), p('d', 1, 3, 'Z'), p('e', 0, 2)];
    expect([...items].sort(compareWaiting).map((i) => i.id)).toEqual(['d', 'b', 'c', 'a', 'e']);
    expect(groupByRecipient(items).map((g) => [g.recipientStaffId, g.items.map((i) => i.id)])).toEqual([['Z', ['d']], ['Y', ['b', 'c']], ['X', ['a']]]);
  });

  it('the shelf label code carries the item id and nothing else decodes as one', () => {
    expect(parcelIdFromCode(parcelCodeFor(ID))).toBe(ID);
    expect(parcelIdFromCode(` ${parcelCodeFor(ID).toLowerCase()} `)).toBe(ID);
    expect(parcelIdFromCode('FDV1:' + ID)).toBeUndefined();
    expect(parcelIdFromCode('FDP1:not-an-id')).toBeUndefined();
    expect(parcelIdFromCode('SF1234567890123')).toBeUndefined();
  });
});
