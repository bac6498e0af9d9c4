import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, retentionAction, retentionPeriods } from './retention';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 1);
const ago = (days: number) => now - days * DAY;

describe('retention rules', () => {
  it('destroys calls and their notes after two years, not a day before', () => {
    expect(retentionAction('calls', { startedAt: ago(731), endedAt: ago(731) }, DEFAULT_RETENTION, now)).toEqual({ action: 'destroy', kind: 'calls' });
    expect(retentionAction('calls', { startedAt: ago(729) }, DEFAULT_RETENTION, now)).toEqual({ action: 'keep' });
    expect(retentionAction('callNotes', { createdAt: ago(800) }, DEFAULT_RETENTION, now).action).toBe('destroy');
  });

  it('never expires a visit still expected or on site', () => {
    expect(retentionAction('visits', { status: 'onSite', arrivedAt: ago(5000) }, DEFAULT_RETENTION, now)).toEqual({ action: 'keep' });
    expect(retentionAction('visits', { status: 'expected', expectedAt: ago(5000) }, DEFAULT_RETENTION, now)).toEqual({ action: 'keep' });
    expect(retentionAction('visits', { status: 'left', arrivedAt: ago(400), leftAt: ago(400) }, DEFAULT_RETENTION, now).action).toBe('destroy');
    expect(retentionAction('visits', { status: 'left', arrivedAt: ago(366), leftAt: ago(100) }, DEFAULT_RETENTION, now).action).toBe('keep');
  });

  it('removes an ID number 90 days after the last visit, long before the visitor', () => {
    expect(retentionAction('visitors', { idNumber: '110101199003071234', lastVisitAt: ago(91) }, DEFAULT_RETENTION, now)).toEqual({ action: 'redactIdNumber', kind: 'idNumbers' });
    expect(retentionAction('visitors', { idNumber: '110101199003071234', lastVisitAt: ago(89) }, DEFAULT_RETENTION, now)).toEqual({ action: 'keep' });
    expect(retentionAction('visitors', { lastVisitAt: ago(91) }, DEFAULT_RETENTION, now)).toEqual({ action: 'keep' });
    expect(retentionAction('visitors', { idNumber: 'X', lastVisitAt: ago(400) }, DEFAULT_RETENTION, now)).toEqual({ action: 'destroy', kind: 'visits' });
  });

  it('keeps open complaints and the audit log (no period) however old', () => {
    expect(retentionAction('complaints', { status: 'open', updatedAt: ago(5000) }, DEFAULT_RETENTION, now).action).toBe('keep');
    expect(retentionAction('complaints', { status: 'closed', updatedAt: ago(731) }, DEFAULT_RETENTION, now).action).toBe('destroy');
    expect(retentionAction('auditLog', { at: ago(5000) }, DEFAULT_RETENTION, now).action).toBe('keep');
    expect(retentionAction('auditLog', { at: ago(11) }, { ...DEFAULT_RETENTION, auditLog: 10 }, now).action).toBe('destroy');
  });

  it('keeps tables without a rule (the directory, settings, parcels until they get one)', () => {
    for (const table of ['staff', 'departments', 'settings', 'watchlist', 'parcels']) expect(retentionAction(table, { createdAt: 0, updatedAt: 0 }, DEFAULT_RETENTION, now).action).toBe('keep');
  });

  it('reads stored periods, falling back to the default for anything unusable', () => {
    expect(retentionPeriods({ calls: 30, visits: 0, idNumbers: 'x', auditLog: 3650 })).toEqual({ ...DEFAULT_RETENTION, calls: 30, auditLog: 3650 });
    expect(retentionPeriods(undefined)).toEqual(DEFAULT_RETENTION);
    expect(retentionPeriods({ auditLog: null, calls: 1.5 })).toEqual(DEFAULT_RETENTION);
  });
});
