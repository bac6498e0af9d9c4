// Normalising text and matching stored search keys by prefix: the library-free half of the search keys
// (shared/search/searchKeys.ts makes the keys, with pinyin-pro). Reads and the first screen use only this
// file, so they never load the pinyin tables (docs/ARCHITECTURE.md, "Loading").
import { stripInvisible } from '../text/cleanText';

const HAN = /\p{Script=Han}/u;

/**
 * Invisible characters removed (zero-width spaces, joiners, soft hyphens, variation selectors, bidi and
 * other controls: text/cleanText.ts), NFKC (full-width → half-width), lower-case, single spaces, trimmed.
 * Every search and match key starts here, so a name that looks the same on screen has the same key.
 */
export function normaliseText(value: string): string {
  return stripInvisible(value).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What the user typed, in the form search keys are stored in (spaces dropped: keys have none). */
export function normaliseQuery(value: string): string[] {
  return normaliseText(value).split(' ').map((t) => t.replace(/[^\p{L}\p{N}@._+-]/gu, '')).filter(Boolean);
}

export function digitsOnly(value: string | undefined): string {
  return (value ?? '').replace(/\D/g, '');
}

export function containsHan(value: string): boolean {
  return HAN.test(value);
}

/** True when every query token is a prefix of one of the keys. */
export function matchesAllTokens(keys: readonly string[], tokens: readonly string[]): boolean {
  return tokens.every((token) => keys.some((key) => key.startsWith(token)));
}
