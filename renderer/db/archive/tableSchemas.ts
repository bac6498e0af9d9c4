// Which tables an archive bundle holds and the schema each row is checked against on restore.
import type { z } from 'zod';
import { RECORD_SCHEMAS } from '../recordSchemas';
import type { TableName } from '../FrontDeskDatabase';

/** Every table of the database, in restore order (what others refer to comes first). */
export const ARCHIVE_TABLES = [
  'settings', 'operators', 'departments', 'staff', 'visitors', 'visits', 'watchlist', 'watchlistAlerts', 'complaints',
  'parcels', 'parcelEvents', 'calls', 'callNotes', 'messages', 'equipmentFaults', 'auditLog',
] as const satisfies readonly TableName[];
export type ArchiveTable = (typeof ARCHIVE_TABLES)[number];

/** Each table's row schema: the write path's own (renderer/db/recordSchemas.ts). */
export const ARCHIVE_SCHEMAS: Record<ArchiveTable, z.ZodType> = Object.fromEntries(
  ARCHIVE_TABLES.map((table) => [table, RECORD_SCHEMAS[table]]),
) as Record<ArchiveTable, z.ZodType>;

export function isArchiveTable(name: string): name is ArchiveTable {
  return (ARCHIVE_TABLES as readonly string[]).includes(name);
}

/** The CSV columns of a table: the fields its schema names, in the schema's order. */
export function csvColumns(table: ArchiveTable): string[] {
  const schema = ARCHIVE_SCHEMAS[table] as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : ['id'];
}
