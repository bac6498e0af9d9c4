import { describe, expect, it } from 'vitest';
import { defaultDueAt, endOfLocalDay, endOfWorkingDaysAfter, isOverdue, localIsoDate, nextStatus } from './complaintRules';

// Local-time dates, so the tests hold in any time zone the machine runs in.
const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h).getTime();

describe('complaint due dates', () => {
  it('defaults to the end of the third working day, skipping the weekend', () => {
    // Wednesday 2025-03-05 → Thu, Fri, Mon → Monday 2025-03-10, end of day.
    expect(defaultDueAt(at(2025, 3, 5))).toBe(new Date(2025, 2, 10, 23, 59, 59, 999).getTime());
    // Friday → Mon, Tue, Wed.
    expect(localIsoDate(defaultDueAt(at(2025, 3, 7)))).toBe('2025-03-12');
    // Logged on a Saturday → Mon, Tue, Wed.
    expect(localIsoDate(defaultDueAt(at(2025, 3, 8)))).toBe('2025-03-12');
    expect(localIsoDate(endOfWorkingDaysAfter(at(2025, 3, 5), 0))).toBe('2025-03-05');
  });

  it('reads a date field as the end of that local day', () => {
    expect(endOfLocalDay('2025-03-10')).toBe(new Date(2025, 2, 10, 23, 59, 59, 999).getTime());
    expect(endOfLocalDay('10/03/2025')).toBeUndefined();
    expect(endOfLocalDay('')).toBeUndefined();
  });
});

describe('overdue', () => {
  const due = at(2025, 3, 10, 18);
  it('flags open and in-progress items past their due date only', () => {
    expect(isOverdue({ status: 'open', dueAt: due }, due + 1)).toBe(true);
    expect(isOverdue({ status: 'inProgress', dueAt: due }, due + 1)).toBe(true);
    expect(isOverdue({ status: 'open', dueAt: due }, due)).toBe(false);
    expect(isOverdue({ status: 'answered', dueAt: due }, due + 1)).toBe(false);
    expect(isOverdue({ status: 'closed', dueAt: due }, due + 1)).toBe(false);
    expect(isOverdue({ status: 'open' }, due + 1)).toBe(false);
  });
});

describe('status after an edit', () => {
  const open = { status: 'open' as const, followUps: [] };
  it('a new or changed reply answers the item', () => {
    expect(nextStatus(open, { ...open, reply: 'We fixed the door.' })).toBe('answered');
    expect(nextStatus({ status: 'inProgress', followUps: [] }, { status: 'inProgress', followUps: [], reply: 'Done' })).toBe('answered');
    expect(nextStatus({ status: 'answered', reply: 'A', followUps: [] }, { status: 'answered', reply: 'B', followUps: [] })).toBe('answered');
  });

  it('an unchanged or blank reply leaves the chosen status, and closing wins', () => {
    expect(nextStatus({ status: 'answered', reply: 'A', followUps: [] }, { status: 'open', reply: 'A', followUps: [] })).toBe('open');
    expect(nextStatus(open, { ...open, reply: '   ' })).toBe('open');
    expect(nextStatus(open, { status: 'closed', reply: 'Thanks', followUps: [] })).toBe('closed');
  });

  it('the first follow-up on an open item puts it in progress', () => {
    const note = { at: 1, by: 'desk', text: 'Called the visitor back' };
    expect(nextStatus(open, { ...open, followUps: [note] })).toBe('inProgress');
    expect(nextStatus({ status: 'answered', reply: 'x', followUps: [] }, { status: 'answered', reply: 'x', followUps: [note] })).toBe('answered');
  });
});
