// Search keys are computed once, when a record is written, and stored in a multi-entry index, so the
// switchboard can find "张三" from "zs", "zhangsan", "张", "2301" or "销售" while the caller waits
// (docs/REQUIREMENTS.md §3: search by name, pinyin initials, department or extension, keyboard first).
import { pinyin } from 'pinyin-pro';
import { phoneSearchKeys } from '../phone/phoneKey';
import { containsHan, digitsOnly, normaliseText } from './textNormalise';

// The library-free half (normalising, matching by prefix) lives in textNormalise.ts, so code that only
// reads and compares keys does not load pinyin-pro; it is re-exported here for the modules that make keys.
export { containsHan, digitsOnly, matchesAllTokens, normaliseQuery, normaliseText } from './textNormalise';

/**
 * Pinyin syllables of a name, without tones. `surname: 'head'` reads the first character as a surname,
 * so polyphonic surnames come out as people say them: 单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou, 乐 yue.
 * Runs of non-Han characters stay one token ("Tom 李" → ["tom", "li"]).
 */
export function pinyinSyllables(name: string, options: { v?: boolean } = {}): string[] {
  const text = normaliseText(name);
  if (!containsHan(text)) return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const tokens = pinyin(text, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: options.v ?? false });
  return tokens.flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
}

/** "张三" → "zhangsan". */
export function pinyinFull(name: string): string {
  return pinyinSyllables(name).join('');
}

/** "张三" → "zs". */
export function pinyinInitials(name: string): string {
  return pinyinSyllables(name).map((s) => s[0]).join('');
}

/** Sort key for lists read in pinyin order: "张三" → "zhang san", "吕芳" → "lv fang", "Tom" → "tom". ASCII only (ü as v). */
export function nameSortKey(name: string): string {
  return pinyinSyllables(name, { v: true }).join(' ');
}

/**
 * Keys for a name: the name itself, pinyin in full and initials, and the same from every later
 * syllable (so "san" and "三" find 张三 as well), with ü spelled both "u" and "v" (吕 = lu / lv).
 */
export function nameSearchKeys(name: string): string[] {
  const keys = new Set<string>();
  const text = normaliseText(name);
  if (!text) return [];
  const compact = text.replace(/\s+/g, '');
  keys.add(compact);
  const chars = [...compact];
  if (containsHan(compact)) {
    for (let i = 1; i < chars.length; i += 1) keys.add(chars.slice(i).join(''));
  }
  for (const v of [false, true]) {
    const syllables = pinyinSyllables(text, { v }).map((s) => s.replace(/ü/g, 'u'));
    for (let i = 0; i < syllables.length; i += 1) {
      const rest = syllables.slice(i);
      keys.add(rest.join(''));
      if (rest.length > 1 || i === 0) keys.add(rest.map((s) => s[0]).join(''));
    }
  }
  keys.delete('');
  return [...keys];
}

export interface PersonKeyFields {
  name: string;
  extension?: string | undefined;
  mobile?: string | undefined;
  email?: string | undefined;
  departmentName?: string | undefined;
  title?: string | undefined;
}

/** Every key a staff member is found by. Keys are matched by prefix. */
export function personSearchKeys(fields: PersonKeyFields): string[] {
  const keys = new Set(nameSearchKeys(fields.name));
  if (fields.extension) keys.add(digitsOnly(fields.extension) || normaliseText(fields.extension));
  // The phone key (+8613800138000), the national number and the last four digits callers read out.
  for (const k of phoneSearchKeys(fields.mobile)) keys.add(k);
  if (fields.email) keys.add(normaliseText(fields.email));
  if (fields.departmentName) for (const k of nameSearchKeys(fields.departmentName)) keys.add(k);
  if (fields.title) keys.add(normaliseText(fields.title).replace(/\s+/g, ''));
  keys.delete('');
  return [...keys];
}
