import { describe, expect, it } from 'vitest';
import { phoneKey, phoneQuery, phoneSearchKeys, samePhoneNumber } from './phoneKey';

describe('phoneKey', () => {
  it('gives a mobile number one key however it is typed', () => {
    const typed = ['+86 138 0013 8000', '0086 138 0013 8000', '13800138000', '138-0013-8000', '+8613800138000', '１３８００１３８０００', '138\u200B0013\u200D8000'];
    expect(new Set(typed.map((t) => phoneKey(t)))).toEqual(new Set(['+8613800138000']));
  });

  it('gives a landline one key with +86, with its trunk 0 or in brackets', () => {
    const typed = ['+86 10 6552 9988', '010-6552 9988', '(010) 65529988', '01065529988', '+86 (0)10 6552 9988', '（010）6552-9988'];
    expect(new Set(typed.map((t) => phoneKey(t)))).toEqual(new Set(['+861065529988']));
    expect(phoneKey('0755-8888 6666')).toBe('+8675588886666');
    expect(phoneKey('0571 8888 7777')).toBe('+8657188887777');
  });

  it("matches a landline typed without its area code with the desk's area code", () => {
    expect(phoneKey('6552 9988')).toBeUndefined();
    for (const areaCode of ['010', '10', ' 010 ']) expect(phoneKey('6552 9988', { areaCode })).toBe('+861065529988');
    expect(samePhoneNumber('6552 9988', '010-6552 9988', { areaCode: '010' })).toBe(true);
    expect(samePhoneNumber('6552 9988', '010-6552 9988')).toBe(false);
    expect(phoneKey('8888 6666', { areaCode: '0755' })).toBe('+8675588886666');
    // The area code never turns a mobile or a full number into something else.
    expect(phoneKey('13800138000', { areaCode: '010' })).toBe('+8613800138000');
    expect(phoneKey('0755-8888 6666', { areaCode: '010' })).toBe('+8675588886666');
    // A bad area code is ignored, not applied.
    expect(phoneKey('6552 9988', { areaCode: 'abc' })).toBeUndefined();
  });

  it('keeps extensions (3–5 digits) as they are', () => {
    expect(phoneKey('2301')).toBe('2301');
    expect(phoneKey('801')).toBe('801');
    expect(phoneKey('23 011')).toBe('23011');
    expect(phoneKey('2301', { areaCode: '010' })).toBe('2301');
  });

  it('keeps foreign numbers in E.164', () => {
    expect(phoneKey('+1 650 253 0000')).toBe('+16502530000');
    expect(phoneKey('0044 20 7946 0958')).toBe('+442079460958');
  });

  it('gives no key for garbage and never throws', () => {
    const garbage: unknown[] = ['', '   ', 'garbage', '+', '12', '123456', '1380013800', '12800138000', 'anonymous', '+2301', '1'.repeat(80), '\u0000\u001B', undefined, null, 42, {}];
    for (const value of garbage) expect(() => phoneKey(value as string)).not.toThrow();
    for (const value of garbage) expect(phoneKey(value as string)).toBeUndefined();
  });

  it('recognises the caller +8613800138000 as the person stored as 138 0013 8000', () => {
    expect(phoneKey('+8613800138000')).toBe(phoneKey('138 0013 8000'));
  });
});

describe('phoneSearchKeys and phoneQuery', () => {
  const found = (stored: string, typed: string) => {
    const token = phoneQuery(typed);
    return token.length > 0 && phoneSearchKeys(stored).some((key) => key.startsWith(token));
  };

  it('stores the key, the national number, the trunk-0 landline and the last four digits', () => {
    expect(phoneSearchKeys('138 0013 8000').sort()).toEqual(['+8613800138000', '13800138000', '8000'].sort());
    expect(phoneSearchKeys('010-6552 9988').sort()).toEqual(['+861065529988', '01065529988', '1065529988', '9988'].sort());
    expect(phoneSearchKeys('2301')).toEqual(['2301']);
    expect(phoneSearchKeys(undefined)).toEqual([]);
    expect(phoneSearchKeys('not a number')).toEqual([]);
  });

  it('finds a stored number however the desk types it, in full or in part', () => {
    for (const typed of ['+86 138 0013 8000', '0086 138 0013 8000', '13800138000', '138-0013-8000', '+86 138', '0086 1380', '138', '8000']) {
      expect(found('138 0013 8000', typed), typed).toBe(true);
      expect(found('+86 138 0013 8000', typed), typed).toBe(true);
    }
    for (const typed of ['+86 10 6552 9988', '010-6552 9988', '(010) 65529988', '010 655', '+86 10 65', '9988']) {
      expect(found('010-6552 9988', typed), typed).toBe(true);
    }
    expect(found('138 0013 8000', '139')).toBe(false);
    expect(found('138 0013 8000', '+86 139 0013 8000')).toBe(false);
  });
});

describe('phoneKey for callers as the PBX presents them (issue 10)', () => {
  it('matches a caller ID sent as +86…, 0086… or national digits to one key', () => {
    for (const sent of ['+8613912345678', '008613912345678', '13912345678', '86 139 1234 5678']) expect(phoneKey(sent)).toBe('+8613912345678');
  });

  it('matches a landline with or without its area code, with the desk area code set', () => {
    const opts = { areaCode: '0755' };
    for (const sent of ['+8675588886666', '008675588886666', '075588886666', '88886666', '8888-6666']) expect(phoneKey(sent, opts)).toBe('+8675588886666');
    // Without the desk area code a bare local number is no key (it would match nothing stored).
    expect(phoneKey('88886666')).toBeUndefined();
    // A Beijing (010) desk reads the same 8 digits as a Beijing number.
    expect(phoneKey('88886666', { areaCode: '010' })).toBe('+861088886666');
  });
});
