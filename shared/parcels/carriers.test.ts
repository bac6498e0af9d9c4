import { describe, expect, it } from 'vitest';
import { defaultCarrier, detectCarrier, parseS10, s10CheckDigit, trackingKey, trackingShape } from './carriers';

const carriersOf = (raw: string, history?: Map<string, number>) => detectCarrier(raw, history).candidates.map((c) => c.carrier);

describe('carrier detection: one table of real-format numbers', () => {
  // [number, candidates best first, ambiguous]
  const table: [string, string[], boolean][] = [
    // Chinese carriers with their own prefix: one candidate, no choice.
    ['SF1234567890123', ['sf'], false],
    ['JT0001234567890', ['jt'], false],
    ['YT1234567890123', ['yto'], false],
    ['JDVA00123456789', ['jd'], false],
    ['DPK123456789012', ['deppon'], false],
    ['LP00123456789012', ['cainiao'], false],
    ['XA12345678901', ['chinapost'], false],
    // Numeric-only Chinese formats.
    ['75123456789012', ['zto'], false],
    ['773012345678901', ['sto'], false],
    ['310123456789012', ['yunda'], false],
    ['5012345678901', ['yunda'], false],
    ['1151234567890', ['ems'], false],
    // Overlap: a 15-digit number from 43 fits STO and Yunda: the desk chooses.
    ['431234567890124', ['sto', 'yunda'], true],
    // Overlap: 12 digits from 5–7 fit Best's legacy waybills and SF's old 12-digit ones.
    ['557012345678', ['best', 'sf'], true],
    // A 12-digit SF number that looks like FedEx Express but fails FedEx's check digit: SF only.
    ['986578788856', ['sf'], false],
    // The same shape with a correct FedEx check digit: FedEx stands out, SF stays offered second.
    ['986578788855', ['fedex', 'sf'], false],
    // International, by ts-tracking-number with check digits.
    ['1Z5R89390357567127', ['ups'], false],
    ['0307 1790 0005 2348 3741', ['usps'], false],
    ['3318810025', ['dhl'], false],
    ['TBA000000000000', ['amazon'], false],
    ['RR123456785CN', ['s10'], false],
    ['EE123456785CN', ['s10'], false],
    // Wrong check digits: the checked carrier is not offered.
    ['1Z5R89390357567128', [], false],
    ['3318810026', [], false],
    ['RR123456784CN', [], false],
    // Unknown: accepted, never refused (the caller stores "unknown").
    ['HELLO-123', [], false],
    ['SF12345678901', [], false],
  ];

  it.each(table)('%s → %j (ambiguous %s)', (raw, expected, ambiguous) => {
    const detection = detectCarrier(raw);
    expect(detection.candidates.map((c) => c.carrier)).toEqual(expected);
    expect(detection.ambiguous).toBe(ambiguous);
  });

  it('an ambiguous number is never silently decided: the default is unknown until the desk picks', () => {
    expect(defaultCarrier(detectCarrier('431234567890124'))).toBe('unknown');
    expect(defaultCarrier(detectCarrier('SF1234567890123'))).toBe('sf');
    expect(defaultCarrier(detectCarrier('nothing known'))).toBe('unknown');
  });

  it("the site's history of the number's shape breaks the tie (and is shown), but the choice stays the desk's", () => {
    expect(carriersOf('431234567890124', new Map([['yunda', 7], ['sto', 2]]))).toEqual(['yunda', 'sto']);
    const detection = detectCarrier('431234567890124', new Map([['yunda', 7]]));
    expect(detection.ambiguous).toBe(true);
    expect(detection.candidates[0]).toMatchObject({ carrier: 'yunda', history: 7 });
    // History never lifts a numeric guess above a verified check digit.
    expect(carriersOf('986578788855', new Map([['sf', 50]]))).toEqual(['fedex', 'sf']);
  });

  it('S10: mod 11 check digit with its 10 → 0 and 11 → 5 rules, the country of origin kept', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
    expect(parseS10('RR123456785CN')).toMatchObject({ service: 'RR', country: 'CN', valid: true });
    expect(parseS10('RR123456784CN')?.valid).toBe(false);
    expect(detectCarrier('RR123456785CN').candidates[0]).toMatchObject({ carrier: 's10', country: 'CN', strength: 'checked' });
    expect(detectCarrier('RR123456784CN').checkDigitFailed).toBe('S10');
    // The two special cases, cross-checked against ts-tracking-number's own S10 rule.
    // Weighted sum 56 (mod 11 = 1): 11 − 1 = 10 → 0; sum 22 (mod 11 = 0): 11 → 5.
    expect(s10CheckDigit('00000008')).toBe(0);
    expect(s10CheckDigit('00000015')).toBe(5);
    expect(carriersOf('RR000000080CN')).toEqual(['s10']);
    expect(carriersOf('RR000000155CN')).toEqual(['s10']);
  });

  it('keys drop separators and case; the shape is prefix and length', () => {
    expect(trackingKey(' sf 1234-5678.90123 ')).toBe('SF1234567890123');
    expect(trackingKey('ＳＦ１２３')).toBe('SF123');
    expect(trackingShape('SF1234567890123')).toBe('SF:15');
  });
});
