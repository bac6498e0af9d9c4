import { describe, expect, it } from 'vitest';
import { VISIT_STATUSES, type VisitStatus } from '../domain/visitors';
import { allowedEvents, applyVisitEvent, canTransition, canUndoCheckOut, InvalidVisitTransitionError, isOverdue, UNDO_CHECK_OUT_MS, walkInFields } from './visitMachine';

describe('visit state machine', () => {
  it('allows exactly expected → onSite/cancelled/noShow and onSite → left', () => {
    const allowed: [VisitStatus, VisitStatus][] = [['expected', 'onSite'], ['expected', 'cancelled'], ['expected', 'noShow'], ['onSite', 'left']];
    for (const from of VISIT_STATUSES) {
      for (const to of VISIT_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.some(([a, b]) => a === from && b === to));
      }
    }
    expect(allowedEvents('expected')).toEqual(['checkIn', 'cancel', 'markNoShow']);
    expect(allowedEvents('onSite')).toEqual(['checkOut']);
    expect(allowedEvents('left')).toEqual([]);
  });

  it('checks in with arrival and expected departure from the duration', () => {
    expect(applyVisitEvent({ status: 'expected', expectedDurationMin: 60 }, { type: 'checkIn', at: 1_000 })).toEqual({ status: 'onSite', arrivedAt: 1_000, expectedDepartureAt: 3_601_000 });
    expect(applyVisitEvent({ status: 'expected' }, { type: 'checkIn', at: 1_000 })).toEqual({ status: 'onSite', arrivedAt: 1_000, expectedDepartureAt: undefined });
  });

  it('checks out recording who and how', () => {
    expect(applyVisitEvent({ status: 'onSite' }, { type: 'checkOut', at: 5, by: 'desk', method: 'bulkEndOfDay' })).toEqual({ status: 'left', leftAt: 5, checkedOutBy: 'desk', checkOutMethod: 'bulkEndOfDay' });
  });

  it('refuses impossible transitions', () => {
    expect(() => applyVisitEvent({ status: 'left' }, { type: 'checkOut', at: 1, by: 'desk', method: 'search' })).toThrow(InvalidVisitTransitionError);
    expect(() => applyVisitEvent({ status: 'onSite' }, { type: 'checkIn', at: 1 })).toThrow(/onSite cannot checkIn/);
    expect(() => applyVisitEvent({ status: 'cancelled' }, { type: 'checkIn', at: 1 })).toThrow(InvalidVisitTransitionError);
    expect(() => applyVisitEvent({ status: 'onSite' }, { type: 'cancel', at: 1 })).toThrow(InvalidVisitTransitionError);
    expect(() => applyVisitEvent({ status: 'noShow' }, { type: 'markNoShow', at: 1 })).toThrow(InvalidVisitTransitionError);
  });

  it('flags visitors past their expected departure', () => {
    const walkIn = walkInFields(0, 30);
    expect(walkIn).toEqual({ status: 'onSite', arrivedAt: 0, expectedDepartureAt: 1_800_000 });
    expect(isOverdue(walkIn, 1_800_000)).toBe(false);
    expect(isOverdue(walkIn, 1_800_001)).toBe(true);
    expect(isOverdue({ status: 'left', expectedDepartureAt: 1 }, 10)).toBe(false);
    expect(isOverdue({ status: 'onSite' }, 10)).toBe(false);
  });
});

describe('undoing a check-out', () => {
  const left = { status: 'left' as const, leftAt: 1_000_000, checkedOutBy: 'desk', checkOutMethod: 'search' as const };

  it('puts the visit back on site and clears who checked it out, how and when', () => {
    expect(applyVisitEvent(left, { type: 'undoCheckOut', at: 1_000_000 + 60_000 })).toEqual({ status: 'onSite', leftAt: undefined, checkedOutBy: undefined, checkOutMethod: undefined });
  });

  it('is possible only right after the check-out', () => {
    expect(canUndoCheckOut(left, 1_000_000 + UNDO_CHECK_OUT_MS)).toBe(true);
    expect(canUndoCheckOut(left, 1_000_000 + UNDO_CHECK_OUT_MS + 1)).toBe(false);
    expect(() => applyVisitEvent(left, { type: 'undoCheckOut', at: 1_000_000 + UNDO_CHECK_OUT_MS + 1 })).toThrow(InvalidVisitTransitionError);
  });

  it('never applies to a visit that is not checked out', () => {
    for (const status of ['expected', 'onSite', 'cancelled', 'noShow'] as const) {
      expect(() => applyVisitEvent({ status, leftAt: 1_000_000 }, { type: 'undoCheckOut', at: 1_000_001 })).toThrow(InvalidVisitTransitionError);
    }
    expect(allowedEvents('left')).toEqual([]);
  });
});

