// ID document numbers at registration (docs/REQUIREMENTS.md §1: "ID document type and number (optional,
// masked on screen)"). A mainland resident identity card number carries its own check: GB 11643-1999
// defines 17 digits (6 region, 8 birth date, 3 sequence) and an ISO 7064 MOD 11-2 check character, so a
// mistyped digit is caught at the desk instead of in the log a year later.
import type { ID_DOCUMENT_TYPES } from '../domain/visitors';
import { stripInvisible } from '../text/cleanText';

export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

/** Why a number was flagged. Codes, not texts: the screen translates them. */
export const ID_NUMBER_ERRORS = [
  'idNumberFormat', 'residentIdLength', 'residentIdFormat', 'residentIdLegacy', 'residentIdRegion', 'residentIdBirthDate', 'residentIdChecksum',
] as const;
export type IdNumberError = (typeof ID_NUMBER_ERRORS)[number];

/**
 * Flags the desk may override after checking the document in hand (audited): the number is well formed
 * but its region, date or check character disagree with our tables. A wrong length or stray characters
 * are typos and must be corrected.
 */
export const OVERRIDABLE_ID_ERRORS: ReadonlySet<IdNumberError> = new Set(['residentIdLegacy', 'residentIdRegion', 'residentIdBirthDate', 'residentIdChecksum']);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes (GB/T 2260) that can open a resident ID number, plus 81/82/83 for the residence
 * permits of Hong Kong, Macao and Taiwan residents, which follow the same 18-character layout.
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** Upper-case, without spaces, hyphens or full-width forms: the form numbers are stored and matched in. */
export function normaliseIdNumber(value: string): string {
  return stripInvisible(value).normalize('NFKC').toUpperCase().replace(/[\s\-–—]/g, '');
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function validBirthDate(yyyymmdd: string, now: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= now.getTime();
}

/** Checks a resident ID number (any spacing or case); undefined when it is valid. */
export function checkResidentId(value: string, now: Date = new Date()): IdNumberError | undefined {
  const id = normaliseIdNumber(value);
  // First-generation cards (15 digits) stopped being valid in 2013; one in hand deserves a look.
  if (/^\d{15}$/.test(id)) return 'residentIdLegacy';
  if (id.length !== 18) return 'residentIdLength';
  if (!/^\d{17}[\dX]$/.test(id)) return 'residentIdFormat';
  if (!PROVINCE_CODES.has(id.slice(0, 2)) || id.slice(2, 6) === '0000' && !['71', '81', '82', '83'].includes(id.slice(0, 2))) return 'residentIdRegion';
  if (!validBirthDate(id.slice(6, 14), now)) return 'residentIdBirthDate';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'residentIdChecksum';
  return undefined;
}

/** Checks a number for its document type; other documents get a tolerant shape check only. */
export function checkIdNumber(type: IdDocumentType | undefined, value: string, now: Date = new Date()): IdNumberError | undefined {
  const id = normaliseIdNumber(value);
  if (!id) return undefined;
  if (type === 'residentId' || type === undefined) {
    // Without a type, an 18-character number is read as a resident ID: that is what the desk sees most.
    if (type === 'residentId' || /^\d{17}[\dX]$/.test(id)) return checkResidentId(id, now);
  }
  return /^[A-Z0-9()（）]{4,32}$/.test(id) ? undefined : 'idNumberFormat';
}

/** "110101199003074514" → "**************4514": only the last four characters stay readable (§6). */
export function maskIdNumber(value: string | undefined): string {
  const id = value ?? '';
  if (id.length <= 4) return '*'.repeat(id.length);
  return '*'.repeat(id.length - 4) + id.slice(-4);
}
