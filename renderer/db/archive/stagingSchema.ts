// A row of a restore in progress (renderer/db/archive/restoreBundle.ts): screens never read this table.
import { z } from 'zod';
import { recordBaseSchema } from '@shared/domain/record';

export const restoreStagingSchema = recordBaseSchema.extend({
  restoreId: z.string().min(1),
  table: z.string().min(1),
  /** The row as the bundle holds it, moved verbatim into `table` by the apply step. */
  row: z.record(z.string(), z.unknown()),
});
export type RestoreStagingRow = z.infer<typeof restoreStagingSchema>;
