// One key per phone number, the same for a visitor's phone, a staff member's mobile and an incoming
// caller's number, so a number is recognised however it was typed: "+86 138 0013 8000", "0086 138 0013
// 8000", "13800138000" and "138-0013-8000" are one number (+8613800138000), and so are "+86 10 6552
// 9988", "010-6552 9988" and "(010) 65529988" (+861065529988). The key is E.164, read with mainland
// China (CN) as the default region. A landline typed without its area code is only a number once the
// desk's own area code is known (issue 10: "a landline matches with or without its area code"), so the
// area code is a parameter. Internal extensions (3–5 digits) are keys as they are: they are not E.164
// numbers, and the switchboard must still recognise its own extensions.
//
// libphonenumber-js with its "max" metadata: the "min" set checks only a number's length, so it takes
// "6552 9988" (a Beijing landline without its 010) for a valid number +86 6552 9988, a key no stored
// number has, and the area code would never be applied. "max" knows the Chinese number plan.
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { stripInvisible } from '../text/cleanText';

export interface PhoneKeyOptions {
  /** The desk's own area code ("010", "10", "0755"); applied to a landline typed without one. */
  areaCode?: string | undefined;
}

/** Longer input is not a phone number; also keeps the parser's work bounded for pasted text. */
const MAX_INPUT = 64;
const EXTENSION = /^\d{3,5}$/;
const AREA_CODE = /^0?([1-9]\d{1,3})$/;
/** What people put between digits: spaces, hyphens, dots, brackets (full-width ones fold under NFKC). */
const SEPARATORS = /[\s\-.()]/g;

function parse(text: string): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, 'CN');
  } catch {
    // The "FromString" variant does not throw on bad input; this guards against a future version that does.
    return undefined;
  }
}

/** The area code's digits without the trunk 0, or undefined when it is not an area code. */
function areaDigits(areaCode: string | undefined): string | undefined {
  if (!areaCode) return undefined;
  return AREA_CODE.exec(areaCode.normalize('NFKC').replace(SEPARATORS, ''))?.[1];
}

/**
 * The number's key: E.164 ("+8613800138000"), an extension's digits ("2301"), or undefined when the text is
 * not a phone number. Never throws.
 */
export function phoneKey(value: string | undefined, options: PhoneKeyOptions = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = stripInvisible(value).normalize('NFKC').trim();
  if (!text || text.length > MAX_INPUT) return undefined;
  const compact = text.replace(SEPARATORS, '');
  if (EXTENSION.test(compact)) return compact;
  const parsed = parse(text);
  if (parsed?.isValid()) return parsed.number;
  // A landline without its area code: 7 or 8 digits, not starting with 0 or 1 (mobiles and trunk prefixes).
  const area = areaDigits(options.areaCode);
  if (area && /^[2-9]\d{6,7}$/.test(compact)) {
    const local = parse(`0${area}${compact}`);
    if (local?.isValid() && local.getType() === 'FIXED_LINE') return local.number;
  }
  return undefined;
}

/** True when the two texts are the same phone number. */
export function samePhoneNumber(a: string | undefined, b: string | undefined, options: PhoneKeyOptions = {}): boolean {
  const ka = phoneKey(a, options);
  return ka !== undefined && ka === phoneKey(b, options);
}

/**
 * The keys a stored number is found by while the desk types (matched by prefix): its key, the national
 * number ("13800138000", "1065529988"), a landline with its trunk 0 ("01065529988") and the last four
 * digits, which callers read out ("8000"). A number no key can be made of is found by its digits.
 */
export function phoneSearchKeys(value: string | undefined, options: PhoneKeyOptions = {}): string[] {
  const key = phoneKey(value, options);
  const keys = new Set<string>();
  if (key === undefined) {
    const digits = stripInvisible(value ?? '').normalize('NFKC').replace(/\D/g, '');
    if (digits.length >= 7 && digits.length <= 15) keys.add(digits);
  } else if (!key.startsWith('+')) {
    keys.add(key);
  } else {
    keys.add(key);
    const parsed = parse(key);
    const national = parsed?.nationalNumber ?? '';
    if (national) {
      keys.add(national);
      // A mainland landline is typed with its trunk 0 ("010 6552 9988"); a mobile never is.
      const type = parsed?.getType();
      if (parsed?.country === 'CN' && (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE')) keys.add(`0${national}`);
    }
  }
  for (const k of [...keys]) if (k.length > 4 && !k.startsWith('+')) keys.add(k.slice(-4));
  return [...keys];
}

/**
 * What the desk has typed into a phone field, as a search token: the full key once it is a number,
 * otherwise the digits so far without an international prefix ("+86 138" → "138"), so the national
 * search keys match by prefix while typing.
 */
export function phoneQuery(value: string, options: PhoneKeyOptions = {}): string {
  const key = phoneKey(value, options);
  if (key !== undefined) return key;
  const text = stripInvisible(value).normalize('NFKC').trim();
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+86')) return digits.slice(2);
  if (digits.startsWith('0086')) return digits.slice(4);
  return digits;
}
