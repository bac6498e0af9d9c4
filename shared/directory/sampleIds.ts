// The sample directory's rows get the same id and the same stamps at every desk (issue 14): a desk that
// joins a site loads the sample on its first run, before it is configured to sync, and its sample rows then
// meet the site's. With one id per sample row they are the same rows, not duplicates; with the sample's
// fixed date as their stamps, whatever the site did to them since (an edit, a removal) is later and wins.

/** The stamp (createdAt/updatedAt) of every sample row: a fixed moment, earlier than any real edit. */
export const SAMPLE_DIRECTORY_AT = Date.UTC(2025, 0, 1);

/**
 * The desk id stamped on every sample row: the same at every desk, so a sample row is identical wherever it was
 * loaded (replication sees one version, a restored bundle counts it as identical, not as a conflict).
 */
export const SAMPLE_DIRECTORY_DESK = 'sample-directory';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A valid ULID made from a time and a key, the same for the same pair everywhere: the time part as ULIDs
 * encode it, the other 80 bits from hashes of the key.
 */
export function deterministicUlid(at: number, key: string): string {
  let time = '';
  for (let i = 0, v = at; i < 10; i++, v = Math.floor(v / 32)) time = CROCKFORD[v % 32] + time;
  let rest = '';
  for (let i = 0; i < 16; i++) rest += CROCKFORD[fnv1a(`${i}:${key}`) % 32];
  return time + rest;
}
