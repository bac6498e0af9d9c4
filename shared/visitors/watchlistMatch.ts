// Watchlist matching (可疑人员, docs/REQUIREMENTS.md §1). Pure: the repository runs it inside the check-in
// transaction against exactly what is being saved, so re-typing a name differently after an alert, or
// skipping a field's blur, cannot get past it.
//
// Rules:
// - ID number: exact, after normalising (upper-case, no spaces or hyphens).
// - Name: 简/繁 folded and separators ignored; a Chinese name also matches its pinyin written in Latin
//   letters, in either name order ("Zhang Wei", "Wei Zhang"). Two names in characters must have the same
//   characters: homophones (张伟 / 章伟) are different people and would bury the desk in false alerts.
//   A name given only as initials ("zw", "Z W", "ZW") matches a listed Chinese name with those pinyin
//   initials (张伟): initials are how people sign and abbreviate, and a listed person must not get past
//   the desk by giving them. At least two letters, so a single letter never raises an alert.
// - Every key is built from normaliseText, which removes invisible characters (zero-width spaces and
//   joiners, soft hyphens, variation selectors, bidi and other controls): a name that looks like the
//   listed one on the board compares like it too.
// - Organisation: on its own it matches only entries that name no person (an organisation-level entry),
//   by equal name or one containing the other (≥ 4 characters), ignoring "有限公司"/"Co., Ltd." endings.
import type { WatchlistAlert, WatchlistEntry } from '../domain/visitors';
import { containsHan, normaliseText } from '../search/searchKeys';
import { normaliseIdNumber } from './idNumber';
import { latinNameKeys, nameInitialsKey, nameMatchKey, namePinyinKey, organisationMatchKey } from './nameMatching';

export type WatchlistCandidate = { name?: string | undefined; idNumber?: string | undefined; company?: string | undefined };
export type MatchedOn = WatchlistAlert['matchedOn'];

export interface WatchlistMatch {
  entryId: string;
  matchedOn: MatchedOn;
  /** How the name matched: same characters, pinyin against Latin letters, or pinyin initials. */
  how: 'exact' | 'characters' | 'pinyin' | 'initials' | 'contains';
}

export type WatchlistEntryFields = Pick<WatchlistEntry, 'id' | 'name' | 'idNumber' | 'idNumberKey' | 'organisation' | 'active'> & { deletedAt?: number | undefined };

/** True when the two names stand for the same person by the rules above. */
export function namesMatch(a: string, b: string): false | 'characters' | 'pinyin' | 'initials' {
  const ka = nameMatchKey(a);
  const kb = nameMatchKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return 'characters';
  const hanA = containsHan(ka);
  const hanB = containsHan(kb);
  if (hanA && hanB) return false;
  if (hanA !== hanB) {
    const [han, latin] = hanA ? [a, b] : [b, a];
    const pinyin = namePinyinKey(han);
    const spellings = latinNameKeys(latin);
    if (pinyin.length > 0 && spellings.includes(pinyin)) return 'pinyin';
    const initials = nameInitialsKey(han);
    return initials.length >= 2 && spellings.some((k) => k === initials) ? 'initials' : false;
  }
  const la = latinNameKeys(a);
  return latinNameKeys(b).some((k) => la.includes(k)) ? 'pinyin' : false;
}

export function organisationsMatch(a: string, b: string): false | 'exact' | 'contains' {
  const ka = organisationMatchKey(a);
  const kb = organisationMatchKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return 'exact';
  const [shorter, longer] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  return [...shorter].length >= 4 && longer.includes(shorter) ? 'contains' : false;
}

/** Every active entry the candidate matches, one match per entry (the strongest: ID, then name, then organisation). */
export function matchWatchlist(candidate: WatchlistCandidate, entries: readonly WatchlistEntryFields[]): WatchlistMatch[] {
  const idKey = candidate.idNumber ? normaliseIdNumber(candidate.idNumber) : '';
  const name = normaliseText(candidate.name ?? '');
  const company = normaliseText(candidate.company ?? '');
  const matches: WatchlistMatch[] = [];
  for (const entry of entries) {
    if (entry.active !== 1 || entry.deletedAt !== undefined) continue;
    const entryIdKey = entry.idNumberKey ?? (entry.idNumber ? normaliseIdNumber(entry.idNumber) : '');
    if (idKey && entryIdKey && idKey === entryIdKey) {
      matches.push({ entryId: entry.id, matchedOn: 'idNumber', how: 'exact' });
      continue;
    }
    if (name && entry.name) {
      const how = namesMatch(name, entry.name);
      if (how) {
        matches.push({ entryId: entry.id, matchedOn: 'name', how });
        continue;
      }
    }
    if (company && entry.organisation && !entry.name && !entryIdKey) {
      const how = organisationsMatch(company, entry.organisation);
      if (how) matches.push({ entryId: entry.id, matchedOn: 'organisation', how });
    }
  }
  return matches;
}

/** Keys stored on an entry for the management screen's search. */
export function watchlistEntryKeys(entry: { name?: string | undefined; idNumber?: string | undefined; organisation?: string | undefined }): string[] {
  const keys = new Set<string>();
  if (entry.name) {
    keys.add(nameMatchKey(entry.name));
    const pinyin = namePinyinKey(entry.name);
    if (pinyin) keys.add(pinyin);
  }
  if (entry.idNumber) keys.add(normaliseIdNumber(entry.idNumber).toLowerCase());
  if (entry.organisation) keys.add(organisationMatchKey(entry.organisation));
  keys.delete('');
  return [...keys];
}
