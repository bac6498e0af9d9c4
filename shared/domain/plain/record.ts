// The zod-free half of shared/domain/record.ts: constants, patterns and rules that code on the first screen
// imports without loading zod (docs/ARCHITECTURE.md, "Loading"). record.ts re-exports all of it.
/** Crockford base-32 ULID: 26 characters, no I, L, O or U. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isLive(record: { deletedAt?: number | undefined }): boolean {
  return record.deletedAt === undefined;
}
