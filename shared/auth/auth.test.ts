import { describe, expect, it } from 'vitest';
import { OPERATOR_ROLES } from '../domain/desk';
import { ACTION_MATRIX, canDo, canRead, canSeeScreen, canWrite, fieldVisibility, SPECIAL_ACTIONS, TABLE_MATRIX } from './permissions';
import { afterAttempt, FIRST_LOCK_MS, lockDuration, lockedUntil, type LockoutState } from './lockout';
import { secretProblem } from './credentials';
import { maskIdFor, maskPhoneFor } from './masking';

describe('permission matrix', () => {
  it('gives the special actions to supervisors only (revealing a phone number also to the concierge, who sees it masked)', () => {
    for (const action of SPECIAL_ACTIONS) {
      expect(canDo(['supervisor'], action)).toBe(true);
      expect(canDo(['receptionist', 'operator'], action)).toBe(false);
      expect(canDo(['concierge'], action)).toBe(action === 'revealPhone');
    }
    expect(Object.keys(ACTION_MATRIX).sort()).toEqual([...SPECIAL_ACTIONS].sort());
  });

  it('decides by table and kind of write, for tables other features write', () => {
    expect(canWrite(['concierge'], 'parcels', 'create')).toBe(true);
    expect(canWrite(['receptionist'], 'parcels', 'create')).toBe(false);
    expect(canWrite(['operator'], 'callNotes', 'update')).toBe(true);
    expect(canWrite(['operator'], 'messages', 'create')).toBe(true);
    expect(canWrite(['operator'], 'equipmentFaults', 'create')).toBe(true);
    expect(canRead(['concierge'], 'callNotes')).toBe(false);
    expect(canWrite(['operator'], 'callNotes', 'delete')).toBe(false);
    expect(canWrite(['supervisor'], 'callNotes', 'delete')).toBe(true);
  });

  it('closes a table nobody listed to everybody but supervisors, and the audit log to writes', () => {
    expect(canRead(['receptionist', 'operator', 'concierge'], 'someNewTable')).toBe(false);
    expect(canWrite(['supervisor'], 'someNewTable', 'create')).toBe(true);
    for (const role of OPERATOR_ROLES) expect(TABLE_MATRIX.auditLog![role]).not.toContain('w');
  });

  it('adds up several roles', () => {
    expect(canWrite(['receptionist', 'concierge'], 'parcels', 'create')).toBe(true);
    expect(canWrite(['receptionist', 'concierge'], 'visits', 'create')).toBe(true);
    expect(canSeeScreen(['receptionist', 'concierge'], 'parcels')).toBe(true);
    expect(canSeeScreen(['receptionist'], 'switchboard')).toBe(false);
    expect(canSeeScreen(['operator'], 'audit')).toBe(false);
    expect(fieldVisibility(['operator'], 'idNumber')).toBe('hidden');
    expect(fieldVisibility(['operator', 'receptionist'], 'idNumber')).toBe('partial');
  });
});

describe('phone numbers of visitors and callers', () => {
  it('operators, receptionists and supervisors see them in full; a concierge the last four digits, with a reveal', () => {
    expect(fieldVisibility(['operator'], 'phone')).toBe('full');
    expect(fieldVisibility(['receptionist'], 'phone')).toBe('full');
    expect(fieldVisibility(['supervisor'], 'phone')).toBe('full');
    expect(fieldVisibility(['concierge'], 'phone')).toBe('partial');
    expect(fieldVisibility(['concierge', 'operator'], 'phone')).toBe('full');
    expect(maskPhoneFor('+86 138-0013-8000', fieldVisibility(['concierge'], 'phone'))).toBe('*********8000');
    expect(maskPhoneFor('+86 138-0013-8000', fieldVisibility(['operator'], 'phone'))).toBe('+86 138-0013-8000');
    // Whoever sees less than the full number may reveal it (audited); the rest have nothing to reveal.
    for (const role of OPERATOR_ROLES) {
      if (fieldVisibility([role], 'phone') !== 'full') expect(canDo([role], 'revealPhone'), role).toBe(true);
    }
    expect(canDo(['receptionist'], 'revealPhone')).toBe(false);
    expect(canDo(['operator'], 'revealPhone')).toBe(false);
  });
});

describe('lock-out', () => {
  it('locks after five wrong attempts for a minute, then doubles', () => {
    let state: LockoutState = { failedAttempts: 0 };
    let now = 1_000_000;
    for (let i = 0; i < 4; i++) {
      state = afterAttempt(state, false, now);
      expect(lockedUntil(state, now)).toBeNull();
    }
    state = afterAttempt(state, false, now);
    expect(lockedUntil(state, now)).toBe(now + FIRST_LOCK_MS);
    expect(lockedUntil(state, now + FIRST_LOCK_MS - 1)).toBe(now + FIRST_LOCK_MS);
    now += FIRST_LOCK_MS;
    expect(lockedUntil(state, now)).toBeNull();
    state = afterAttempt(state, false, now);
    expect(lockedUntil(state, now)).toBe(now + 2 * FIRST_LOCK_MS);
    now += 2 * FIRST_LOCK_MS;
    state = afterAttempt(state, false, now);
    expect(state.lockedUntil).toBe(now + 4 * FIRST_LOCK_MS);
    expect(afterAttempt(state, true, now)).toEqual({ failedAttempts: 0 });
    expect(lockDuration(100)).toBe(24 * 60 * 60_000);
  });
});

describe('secrets and masking', () => {
  it('accepts a PIN of 6+ digits or a password of 8+ characters', () => {
    expect(secretProblem('12345')).toBe('pinTooShort');
    expect(secretProblem('123456')).toBeNull();
    expect(secretProblem('abc1234')).toBe('passwordTooShort');
    expect(secretProblem('correct horse')).toBeNull();
    expect(secretProblem('')).toBe('empty');
  });

  it('masks ID and phone numbers by visibility', () => {
    expect(maskIdFor('110101199003074514', 'partial')).toBe('**************4514');
    expect(maskIdFor('110101199003074514', 'hidden')).not.toMatch(/\d/);
    expect(maskIdFor('110101199003074514', 'full')).toBe('110101199003074514');
    expect(maskPhoneFor('138 0013 8000', 'partial')).toBe('*******8000');
    expect(maskPhoneFor('138 0013 8000', 'hidden')).not.toMatch(/\d/);
  });
});
