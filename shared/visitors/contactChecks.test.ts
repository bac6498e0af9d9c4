import { describe, expect, it } from 'vitest';
import { checkPhone, isPlausiblePlate, normalisePlate } from './contactChecks';

describe('phone numbers', () => {
  it('accepts mainland mobiles, landlines with area code, extensions and +country numbers', () => {
    for (const ok of ['13800138000', '138 0013 8000', '+86 138-0013-8000', '0086 13800138000', '010-62345678', '(0755) 8765 4321',
      '021 6123 4567 转 8001', '010-62345678-8001', '+86 10 6234 5678', '+852 2123 4567', '+1 415 555 2671', '１３８００１３８０００']) {
      expect(checkPhone(ok), ok).toBeUndefined();
    }
  });

  it('flags numbers shaped like a mobile or landline that cannot be one, and junk', () => {
    expect(checkPhone('12800138000')).toBe('phoneMobile');
    expect(checkPhone('1380013800')).toBe('phoneMobile');
    expect(checkPhone('+86 12800138000')).toBe('phoneMobile');
    expect(checkPhone('010-1234')).toBe('phoneLandline');
    // Local numbers never start with 0 or 1.
    expect(checkPhone('010-12345678')).toBe('phoneLandline');
    expect(checkPhone('12345678')).toBe('phoneMobile');
    expect(checkPhone('62345678')).toBe('phoneLandline');
    expect(checkPhone('call me')).toBe('phoneFormat');
    expect(checkPhone('+0 123')).toBe('phoneFormat');
    expect(checkPhone('')).toBeUndefined();
  });
});

describe('vehicle plates', () => {
  it('accepts ordinary and new-energy plates, tolerantly written', () => {
    for (const ok of ['京A12345', '京a 12345', '沪B·D1234', '粤B D12345', '粤BD12345', '苏E12345F', '滬A12345', '京A1234学', '使A12345']) {
      expect(isPlausiblePlate(ok), ok).toBe(true);
    }
  });

  it('rejects what is not a mainland civil plate', () => {
    for (const bad of ['A12345', '京12345', '京A1234', '京A1234567', 'XX12345', '京AI2345']) expect(isPlausiblePlate(bad), bad).toBe(false);
  });

  it('normalises to upper-case without separators', () => {
    expect(normalisePlate(' 京a·123 45 ')).toBe('京A12345');
    expect(normalisePlate('滬a-12345')).toBe('沪A12345');
  });
});
