import { describe, expect, it } from 'vitest';
import { defaultMessageDueAt, followUpOrder, isMessageOverdue, nextMessageStatus, reminderDue } from './messageMachine';
import { MESSAGE_STATUSES } from '../domain/switchboard';

describe('message state machine', () => {
  it('goes open → delivered → acknowledged → closed', () => {
    expect(nextMessageStatus('open', { type: 'deliver', channel: 'sip', ok: true })).toEqual({ ok: true, status: 'delivered' });
    expect(nextMessageStatus('delivered', { type: 'acknowledge', name: '王小明', signed: true })).toEqual({ ok: true, status: 'acknowledged' });
    expect(nextMessageStatus('acknowledged', { type: 'close', supervisor: false })).toEqual({ ok: true, status: 'closed' });
  });

  it('records a failed delivery without moving on, and a second delivery keeps the later state', () => {
    expect(nextMessageStatus('open', { type: 'deliver', channel: 'sip', ok: false })).toEqual({ ok: true, status: 'open' });
    expect(nextMessageStatus('delivered', { type: 'deliver', channel: 'phone', ok: true })).toEqual({ ok: true, status: 'delivered' });
    expect(nextMessageStatus('acknowledged', { type: 'deliver', channel: 'slip', ok: true })).toEqual({ ok: true, status: 'acknowledged' });
  });

  it('acknowledges only with a name and a signature; a slip handed over in person acknowledges an open message', () => {
    expect(nextMessageStatus('delivered', { type: 'acknowledge', name: '  ', signed: true })).toEqual({ ok: false, refusal: 'nameRequired' });
    expect(nextMessageStatus('delivered', { type: 'acknowledge', name: 'Li', signed: false })).toEqual({ ok: false, refusal: 'signatureRequired' });
    expect(nextMessageStatus('open', { type: 'acknowledge', name: 'Li', signed: true })).toEqual({ ok: true, status: 'acknowledged' });
  });

  it('refuses closing before acknowledgement, except by a supervisor with a reason', () => {
    for (const status of ['open', 'delivered'] as const) {
      expect(nextMessageStatus(status, { type: 'close', supervisor: false, reason: 'left the company' })).toEqual({ ok: false, refusal: 'notAcknowledged' });
      expect(nextMessageStatus(status, { type: 'close', supervisor: true })).toEqual({ ok: false, refusal: 'reasonRequired' });
      expect(nextMessageStatus(status, { type: 'close', supervisor: true, reason: '   ' })).toEqual({ ok: false, refusal: 'reasonRequired' });
      expect(nextMessageStatus(status, { type: 'close', supervisor: true, reason: 'caller withdrew it' })).toEqual({ ok: true, status: 'closed' });
    }
  });

  it('changes nothing on a closed message but reopening it', () => {
    expect(nextMessageStatus('closed', { type: 'deliver', channel: 'phone', ok: true })).toEqual({ ok: false, refusal: 'alreadyClosed' });
    expect(nextMessageStatus('closed', { type: 'acknowledge', name: 'Li', signed: true })).toEqual({ ok: false, refusal: 'alreadyClosed' });
    expect(nextMessageStatus('closed', { type: 'close', supervisor: true, reason: 'x' })).toEqual({ ok: false, refusal: 'alreadyClosed' });
    expect(nextMessageStatus('closed', { type: 'reopen' }, true)).toEqual({ ok: true, status: 'acknowledged' });
    expect(nextMessageStatus('closed', { type: 'reopen' }, false)).toEqual({ ok: true, status: 'open' });
    expect(nextMessageStatus('open', { type: 'reopen' })).toEqual({ ok: false, refusal: 'notClosed' });
  });

  it('never reaches a status outside the four', () => {
    const events = [
      { type: 'deliver', channel: 'sip', ok: true },
      { type: 'deliver', channel: 'sip', ok: false },
      { type: 'acknowledge', name: 'x', signed: true },
      { type: 'close', supervisor: true, reason: 'r' },
      { type: 'close', supervisor: false },
      { type: 'reopen' },
    ] as const;
    for (const status of MESSAGE_STATUSES) for (const event of events) {
      const result = nextMessageStatus(status, event);
      if (result.ok) expect(MESSAGE_STATUSES).toContain(result.status);
    }
  });
});

describe('follow-up', () => {
  const t0 = Date.UTC(2026, 0, 5, 2, 0);
  it('is overdue after the urgency’s due time while still waiting', () => {
    expect(defaultMessageDueAt(t0, 'immediate')).toBe(t0 + 15 * 60_000);
    const m = { status: 'open' as const, createdAt: t0, urgency: 'urgent' as const };
    expect(isMessageOverdue(m, t0 + 59 * 60_000)).toBe(false);
    expect(isMessageOverdue(m, t0 + 61 * 60_000)).toBe(true);
    expect(isMessageOverdue({ ...m, status: 'acknowledged' }, t0 + 10 * 3600_000)).toBe(false);
    expect(isMessageOverdue({ ...m, dueAt: t0 + 5 * 60_000 }, t0 + 6 * 60_000)).toBe(true);
  });

  it('reminds when overdue, then not again within the interval', () => {
    const m = { status: 'delivered' as const, createdAt: t0, dueAt: t0 + 60_000 };
    expect(reminderDue(m, t0 + 30_000)).toBe(false);
    expect(reminderDue(m, t0 + 2 * 60_000)).toBe(true);
    expect(reminderDue({ ...m, remindedAt: [t0 + 2 * 60_000] }, t0 + 10 * 60_000)).toBe(false);
    expect(reminderDue({ ...m, remindedAt: [t0 + 2 * 60_000] }, t0 + 33 * 60_000)).toBe(true);
  });

  it('lists overdue first, then by urgency and due time', () => {
    const list = [
      { id: 'a', status: 'open' as const, createdAt: t0, urgency: 'normal' as const },
      { id: 'b', status: 'open' as const, createdAt: t0, urgency: 'immediate' as const },
      { id: 'c', status: 'delivered' as const, createdAt: t0 - 5 * 3600_000, urgency: 'normal' as const },
      { id: 'd', status: 'open' as const, createdAt: t0, urgency: 'urgent' as const },
    ];
    expect(followUpOrder(list, t0 + 60_000).map((m) => m.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
