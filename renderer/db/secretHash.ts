// Sign-in secrets are stored only as a salted slow hash made with WebCrypto (docs/REQUIREMENTS.md §6):
// PBKDF2-HMAC-SHA-256, 600,000 iterations (OWASP's figure for PBKDF2-SHA-256), a 16-byte random salt per
// hash, 32 bytes out. The stored text names its parameters, so a later, stronger setting still verifies
// hashes made with this one: "pbkdf2-sha256$600000$<salt base64>$<hash base64>".
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function derive(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS));
}

/** A new salted hash of the secret. `iterations` below the default is refused (tests use the real cost). */
export async function hashSecret(secret: string, iterations: number = PBKDF2_ITERATIONS): Promise<string> {
  if (iterations < PBKDF2_ITERATIONS) throw new Error(`PBKDF2 needs at least ${PBKDF2_ITERATIONS} iterations`);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(secret, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** Whether the secret matches the stored hash (constant-time comparison of the derived bytes). */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, rounds, saltText, hashText] = stored.split('$');
  const iterations = Number(rounds);
  if (scheme !== 'pbkdf2-sha256' || !Number.isInteger(iterations) || iterations < PBKDF2_ITERATIONS || !saltText || !hashText) return false;
  const expected = fromBase64(hashText);
  const actual = await derive(secret, fromBase64(saltText), iterations);
  if (actual.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < actual.length; i++) difference |= actual[i]! ^ expected[i]!;
  return difference === 0;
}
