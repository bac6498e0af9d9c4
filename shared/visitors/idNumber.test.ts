import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkResidentId, maskIdNumber, normaliseIdNumber, residentIdCheckChar } from './idNumber';

const NOW = new Date('2025-06-01T00:00:00Z');

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts valid numbers, including the X check character and any spacing or case', () => {
    expect(checkResidentId('11010519491231002X', NOW)).toBeUndefined();
    expect(checkResidentId('110105 19491231 002x', NOW)).toBeUndefined();
    expect(checkResidentId('440308199901011234'.slice(0, 17) + residentIdCheckChar('44030819990101123'), NOW)).toBeUndefined();
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('11010119900307451')).toBe('4');
  });

  it('flags a wrong check character, a typo in any digit, and swapped digits', () => {
    expect(checkResidentId('110105194912310021', NOW)).toBe('residentIdChecksum');
    expect(checkResidentId('11010519491231003X', NOW)).toBe('residentIdChecksum');
    expect(checkResidentId('11010519492131002X', NOW)).toBe('residentIdBirthDate');
    expect(checkResidentId('110101199003074541', NOW)).toBe('residentIdChecksum');
  });

  it('sanity-checks the birth date and the region code', () => {
    expect(checkResidentId('110105194902301234', NOW)).toBe('residentIdBirthDate');
    expect(checkResidentId('110105203001011234', NOW)).toBe('residentIdBirthDate');
    expect(checkResidentId('110105180001011234', NOW)).toBe('residentIdBirthDate');
    expect(checkResidentId('991105194912310021', NOW)).toBe('residentIdRegion');
    expect(checkResidentId('110000194912310021', NOW)).toBe('residentIdRegion');
  });

  it('tells a wrong length, stray characters and a first-generation 15-digit number apart', () => {
    expect(checkResidentId('1101051949123100', NOW)).toBe('residentIdLength');
    expect(checkResidentId('11010519491231002Y', NOW)).toBe('residentIdFormat');
    expect(checkResidentId('110105491231002', NOW)).toBe('residentIdLegacy');
  });

  it('checks other documents by shape only, and reads an untyped 18-digit number as a resident ID', () => {
    expect(checkIdNumber('passport', 'E12345678', NOW)).toBeUndefined();
    expect(checkIdNumber('passport', 'E1234#5678', NOW)).toBe('idNumberFormat');
    expect(checkIdNumber(undefined, '110105194912310021', NOW)).toBe('residentIdChecksum');
    expect(checkIdNumber('residentId', '', NOW)).toBeUndefined();
  });

  it('normalises and masks all but the last four characters', () => {
    expect(normaliseIdNumber(' １１０１０５ 19491231-002x ')).toBe('11010519491231002X');
    expect(maskIdNumber('11010519491231002X')).toBe('**************002X');
    expect(maskIdNumber('AB1')).toBe('***');
    expect(maskIdNumber(undefined)).toBe('');
  });
});
