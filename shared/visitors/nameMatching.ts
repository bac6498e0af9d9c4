// Names and organisations in the form they are compared in. The watchlist (可疑人员) must not be missed
// because the desk typed 陳 for 陈, put a space in "张 伟", or an entry was added as "Zhang Wei".
import { phoneSearchKeys } from '../phone/phoneKey';
import { containsHan, nameSearchKeys, normaliseText, pinyinFull, pinyinInitials } from '../search/searchKeys';
import { toSimplified } from './chineseVariants';

const SEPARATORS = /[\s·•・.\-_'’,，、()（）]/g;

/** NFKC, lower-case, simplified characters, without spaces or separators: "陳 偉強" → "陈伟强". */
export function nameMatchKey(name: string): string {
  return toSimplified(normaliseText(name)).replace(SEPARATORS, '');
}

/** The name as pinyin letters ("陈伟强" → "chenweiqiang"; "Chen Wei-Qiang" → "chenweiqiang"). */
export function namePinyinKey(name: string): string {
  return pinyinFull(toSimplified(normaliseText(name))).replace(/[^a-z0-9]/g, '');
}

/** The pinyin initials of a name ("张伟" → "zw", "單偉" → "sw"), simplified first; letters only. */
export function nameInitialsKey(name: string): string {
  return pinyinInitials(toSimplified(normaliseText(name))).replace(/[^a-z]/g, '');
}

/**
 * Latin spellings a person may give for a Chinese name: as written, and with the family name moved
 * from the end to the front ("Wei Zhang" → "zhangwei").
 */
export function latinNameKeys(name: string): string[] {
  const tokens = normaliseText(name).split(/[\s,，]+/).map((t) => t.replace(/[^a-z0-9]/g, '')).filter(Boolean);
  if (tokens.length === 0) return [];
  const keys = new Set([tokens.join('')]);
  if (tokens.length > 1) keys.add([tokens[tokens.length - 1], ...tokens.slice(0, -1)].join(''));
  return [...keys];
}

const ORGANISATION_SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司', '分公司', '事务所',
  'coltd', 'co', 'ltd', 'limited', 'inc', 'llc', 'corp', 'corporation', 'gmbh', 'group', 'company',
];

/** Organisation as compared: simplified, lower-case, no separators, without "有限公司"/"Co., Ltd." endings. */
export function organisationMatchKey(organisation: string): string {
  let key = nameMatchKey(organisation).replace(/[&＆]/g, '');
  let changed = true;
  while (changed && key) {
    changed = false;
    for (const suffix of ORGANISATION_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return key;
}

/** Search keys of an organisation: its compact form (also simplified) and its pinyin, full and initials. */
export function organisationSearchKeys(organisation: string | undefined): string[] {
  const text = normaliseText(organisation ?? '');
  if (!text) return [];
  const simplified = toSimplified(text);
  const keys = new Set([text.replace(/\s+/g, ''), simplified.replace(/\s+/g, '')]);
  if (containsHan(simplified)) {
    keys.add(pinyinFull(simplified));
    keys.add(pinyinInitials(simplified));
  } else {
    for (const word of simplified.split(/\s+/)) keys.add(word);
  }
  keys.delete('');
  return [...keys];
}

/** Every key a visitor is found by while the desk types: name, pinyin, initials, phone, organisation. */
export function visitorSearchKeys(fields: { name: string; phone?: string | undefined; company?: string | undefined }): string[] {
  const keys = new Set(nameSearchKeys(fields.name));
  const simplified = toSimplified(fields.name);
  if (simplified !== fields.name) for (const k of nameSearchKeys(simplified)) keys.add(k);
  for (const k of phoneSearchKeys(fields.phone)) keys.add(k);
  for (const k of organisationSearchKeys(fields.company)) keys.add(k);
  keys.delete('');
  return [...keys];
}
