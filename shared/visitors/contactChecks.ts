// Phone numbers and vehicle plates as the desk types them. Both are checked tolerantly (spaces,
// hyphens, full-width digits, lower-case letters are fine) so the check catches typos, not habits.
import { digitsOnly } from '../search/textNormalise';

export type PhoneError = 'phoneMobile' | 'phoneLandline' | 'phoneFormat';

/** Mainland mobile: 11 digits, 13x–19x. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with area code: 0 + 2-digit (10, 2x) or 3-digit area code + 7–8-digit local number. */
const LANDLINE = /^0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/;

/**
 * Checks a phone number: a mainland mobile, a landline with its area code (an extension after "-",
 * "转" or "ext" is allowed), or an international number starting with + (E.164, 8–15 digits).
 * Returns undefined when it is fine.
 */
export function checkPhone(value: string): PhoneError | undefined {
  const text = value.normalize('NFKC').trim();
  if (!text) return undefined;
  // An extension after the number: "010-12345678-8001", "0755 1234 5678 转 123", "… ext. 12".
  const [main = ''] = text.split(/\s*(?:转|轉|ext\.?|x|#)\s*|(?<=\d{7,})-(?=\d{1,6}$)/i);
  if (!/^\+?[\d\s()\-.]+$/.test(main)) return 'phoneFormat';
  let digits = digitsOnly(main);
  const international = main.startsWith('+') || digits.startsWith('00');
  if (international) {
    digits = digits.replace(/^00/, '');
    if (digits.startsWith('86')) {
      const national = digits.slice(2);
      // 10 is Beijing's area code; any other leading 1 is a mobile.
      if (national.startsWith('1') && !national.startsWith('10')) return MOBILE.test(national) ? undefined : 'phoneMobile';
      return LANDLINE.test(`0${national}`) ? undefined : 'phoneLandline';
    }
    return /^[1-9]\d{7,14}$/.test(digits) ? undefined : 'phoneFormat';
  }
  if (digits.startsWith('1')) return MOBILE.test(digits) ? undefined : 'phoneMobile';
  if (digits.startsWith('0')) return LANDLINE.test(digits) ? undefined : 'phoneLandline';
  // 7–8 digits without an area code: the desk must add it (visitors come from other cities).
  return digits.length >= 7 && digits.length <= 8 ? 'phoneLandline' : 'phoneFormat';
}

/** Province abbreviations that open a civil plate (GA 36-2018), plus 使 for embassy plates. */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使';
/** Traditional forms a Hong Kong or Taiwan keyboard produces. */
const TRADITIONAL: Record<string, string> = { 滬: '沪', 遼: '辽', 雲: '云', 魯: '鲁', 蘇: '苏', 貴: '贵', 陝: '陕', 閩: '闽', 贛: '赣', 粵: '粤', 寧: '宁', 瓊: '琼', 晉: '晋' };

/** Upper-case, no spaces or separators, traditional province characters folded: "京a·123 45" → "京A12345". */
export function normalisePlate(value: string): string {
  return [...value.normalize('NFKC').toUpperCase().replace(/[\s·•.\-_]/g, '')].map((c) => TRADITIONAL[c] ?? c).join('');
}

const ORDINARY = new RegExp(`^[${PROVINCES}][A-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳领]$`);
/** New-energy plates have 6 characters after the city letter, with D/F (or a letter) first or last. */
const NEW_ENERGY = new RegExp(`^[${PROVINCES}][A-Z](?:[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF]|[A-HJ-NP-Z0-9]{6})$`);

/**
 * True when the plate looks like a mainland civil plate (7 characters, or 8 for new energy). Plates it
 * does not know (military, foreign, temporary) are shown as a warning, never refused: the car is real.
 */
export function isPlausiblePlate(value: string): boolean {
  const plate = normalisePlate(value);
  return ORDINARY.test(plate) || NEW_ENERGY.test(plate);
}
