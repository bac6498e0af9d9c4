// The zod-free half of shared/domain/directory.ts: constants, patterns and rules that code on the first screen
// imports without loading zod (docs/ARCHITECTURE.md, "Loading"). directory.ts re-exports all of it.
export const NAME_MAX = 64;
export const FIELD_MAX = 200;
export const NOTES_MAX = 1000;

/** Internal extensions are short digit strings (the sample company uses 2xxx–8xxx). */
export const EXTENSION_PATTERN = /^\d{2,8}$/;
/** Characters allowed in a phone number as typed; the digits are what count. */
export const PHONE_CHARS_PATTERN = /^\+?[\d\s()\-.]+$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Error codes (not texts): screens translate them, the CSV importer reports them per row.
export const FIELD_ERROR_CODES = ['required', 'tooLong', 'duplicateName', 'malformedExtension', 'malformedPhone', 'malformedEmail', 'duplicateExtension', 'unknownDepartment'] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export function isValidPhone(value: string): boolean {
  if (!PHONE_CHARS_PATTERN.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  // A mainland mobile number is 11 digits starting 13–19; a number shaped like one but outside that
  // range is almost certainly a typo.
  const national = digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits;
  if (national.length === 11 && national.startsWith('1') && !/^1[3-9]/.test(national)) return false;
  return true;
}
