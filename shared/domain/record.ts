// Fields every stored record carries. The desks of one site will share their logs through an existing
// replication engine (docs/ARCHITECTURE.md, "Storage"), so identity and time must be decided on the desk that
// wrote the record: a ULID primary key (sortable by creation time, no central counter), UTC epoch
// milliseconds, the writing desk, and a tombstone instead of a hard delete so the delete replicates too.
import { z } from 'zod';
import { ULID_PATTERN } from './plain/record';

export * from './plain/record';

export const ulidSchema = z.string().regex(ULID_PATTERN, { error: 'malformedId' });
/** UTC epoch milliseconds. */
export const epochMsSchema = z.number().int().nonnegative();

export const recordBaseSchema = z.object({
  id: ulidSchema,
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  /** The desk that last wrote the record. */
  deskId: z.string().min(1),
  /** Soft-delete tombstone; set records are hidden from screens but kept for replication and audit. */
  deletedAt: epochMsSchema.optional(),
});
export type RecordBase = z.infer<typeof recordBaseSchema>;

/** IndexedDB cannot index booleans, so flags that screens filter on are stored as 0 / 1. */
export const flagSchema = z.union([z.literal(0), z.literal(1)]);
export type Flag = z.infer<typeof flagSchema>;

/** The fields a caller supplies when creating a record; the repository fills in the rest. */
export type NewRecord<T extends RecordBase> = Omit<T, keyof RecordBase>;

