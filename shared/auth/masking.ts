// Masking of confidential values (ID document numbers, phone numbers) for roles that may not see them in
// full (shared/auth/permissions.ts FIELD_MATRIX). The same functions serve the screen, print and export.
import type { Visibility } from './permissions';

const MASK = '*';

/** An ID number: 'partial' keeps the last four characters, 'hidden' shows none. */
export function maskIdFor(value: string | undefined, visibility: Visibility): string {
  if (!value) return '';
  if (visibility === 'full') return value;
  const keep = visibility === 'partial' ? Math.min(4, Math.max(0, value.length - 4)) : 0;
  return MASK.repeat(Math.max(4, value.length - keep)) + value.slice(value.length - keep);
}

/** A phone number: 'partial' keeps the last four digits, 'hidden' none; separators are dropped. */
export function maskPhoneFor(value: string | undefined, visibility: Visibility): string {
  if (!value) return '';
  if (visibility === 'full') return value;
  const digits = value.replace(/\D/g, '');
  const keep = visibility === 'partial' ? Math.min(4, Math.max(0, digits.length - 4)) : 0;
  return MASK.repeat(Math.max(4, digits.length - keep)) + digits.slice(digits.length - keep);
}
