// What the badge's QR code carries, and how the check-out box recognises a scan. A USB scanner types
// the code like a keyboard and ends with Enter, so the code is plain ASCII with a prefix that a person
// never types: "FDV1:" + the visit's ULID.
import { ULID_PATTERN } from '../domain/plain/record';

export const BADGE_CODE_PREFIX = 'FDV1:';

export function badgeCodeFor(visitId: string): string {
  return `${BADGE_CODE_PREFIX}${visitId}`;
}

/** The visit id inside a scanned or typed badge code, or undefined when the text is not one. */
export function visitIdFromBadgeCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.toUpperCase().startsWith(BADGE_CODE_PREFIX)) return undefined;
  const id = trimmed.slice(BADGE_CODE_PREFIX.length).toUpperCase();
  return ULID_PATTERN.test(id) ? id : undefined;
}
