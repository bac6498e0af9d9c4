// What a sign-in secret must be (docs/REQUIREMENTS.md §6): a PIN of at least 6 digits, or a password of at
// least 8 characters that is not only digits. Checked before hashing; the secret itself is never stored.
export type SecretProblem = 'pinTooShort' | 'passwordTooShort' | 'empty' | 'tooLong';

export const MIN_PIN_DIGITS = 6;
export const MIN_PASSWORD_LENGTH = 8;

export function secretProblem(secret: string): SecretProblem | null {
  if (secret.length === 0) return 'empty';
  if (secret.length > 256) return 'tooLong';
  if (/^\d+$/.test(secret)) return secret.length >= MIN_PIN_DIGITS ? null : 'pinTooShort';
  return secret.length >= MIN_PASSWORD_LENGTH ? null : 'passwordTooShort';
}
