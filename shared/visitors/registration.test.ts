import { describe, expect, it } from 'vitest';
import { candidateKey, checkRegistration } from './registration';

const HOST = '01HZX3K4Q5R6S7T8V9W0XYZABC';
const NOW = new Date('2025-06-01T00:00:00Z');

describe('registration check', () => {
  it('normalises a good registration', () => {
    const checked = checkRegistration({ name: '  张  三 ', company: ' 恒泰 ', phone: '13800138000', idNumber: '110105 19491231 002x', hostStaffId: HOST, partySize: '2', vehiclePlate: '京a 12345', expectedDurationMin: '60' }, { now: NOW });
    expect(checked.ok).toBe(true);
    expect(checked.value).toMatchObject({ name: '张 三', company: '恒泰', idType: 'residentId', idNumber: '11010519491231002X', partySize: 2, vehiclePlate: '京A12345', expectedDurationMin: 60 });
  });

  it('reports every bad field with a code', () => {
    const checked = checkRegistration({ name: '', phone: '12800138000', hostStaffId: '', partySize: '0', expectedDurationMin: 'x' }, { requireHost: true, now: NOW });
    expect(checked.ok).toBe(false);
    expect(checked.errors).toEqual({ name: 'required', phone: 'phoneMobile', hostStaffId: 'hostRequired', partySize: 'partySize', expectedDurationMin: 'duration' });
  });

  it('flags a wrong ID checksum, and lets the desk override it explicitly', () => {
    const input = { name: '张三', idType: 'residentId', idNumber: '110105194912310021', hostStaffId: HOST };
    const flagged = checkRegistration(input, { now: NOW });
    expect(flagged.ok).toBe(false);
    expect(flagged.errors.idNumber).toBe('residentIdChecksum');
    expect(flagged.overridableIdError).toBe('residentIdChecksum');
    const overridden = checkRegistration(input, { now: NOW, overrideIdCheck: true });
    expect(overridden.ok).toBe(true);
    expect(overridden.warnings.idNumber).toBe('idOverridden');
  });

  it('never overrides a number of the wrong length', () => {
    const checked = checkRegistration({ name: '张三', idType: 'residentId', idNumber: '1101051949' }, { now: NOW, overrideIdCheck: true });
    expect(checked.errors.idNumber).toBe('residentIdLength');
    expect(checked.overridableIdError).toBeUndefined();
  });

  it('warns about an unusual plate but saves it', () => {
    const checked = checkRegistration({ name: 'Tom', vehiclePlate: 'WJ 12345' }, { now: NOW });
    expect(checked.ok).toBe(true);
    expect(checked.warnings.vehiclePlate).toBe('plateUnusual');
  });

  it('survives hostile input', () => {
    expect(checkRegistration({ name: 'x'.repeat(65), partySize: 'NaN', expectedAt: -1 }).errors).toMatchObject({ name: 'tooLong', partySize: 'partySize', expectedAt: 'expectedAt' });
    expect(candidateKey({ name: '张 三', idNumber: '11010519491231002x' })).toBe('张三|11010519491231002X');
  });
});
