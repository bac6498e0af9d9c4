// The code printed on a shelf label (QR): "FDP1:" and the item's ULID. Scanning it at hand-over finds the
// item directly, whatever its tracking number; the prefix tells it apart from tracking numbers and badges.
import { ULID_PATTERN } from '../domain/plain/record';

export const PARCEL_CODE_PREFIX = 'FDP1:';

export function parcelCodeFor(parcelId: string): string {
  return `${PARCEL_CODE_PREFIX}${parcelId}`;
}

/** The item id in a scanned shelf label, or undefined when the text is not one. */
export function parcelIdFromCode(scanned: string): string | undefined {
  const text = scanned.trim().toUpperCase();
  if (!text.startsWith(PARCEL_CODE_PREFIX)) return undefined;
  const id = text.slice(PARCEL_CODE_PREFIX.length);
  return ULID_PATTERN.test(id) ? id : undefined;
}
