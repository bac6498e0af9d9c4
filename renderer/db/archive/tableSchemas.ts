// Which tables an archive bundle holds and the schema each row is checked against on restore.
import type { z } from 'zod';
import { auditEntrySchema, operatorSchema, settingSchema } from '@shared/domain/desk';
import { departmentSchema, staffSchema } from '@shared/domain/directory';
import { parcelEventSchema, parcelSchema } from '@shared/domain/parcels';
import { callNoteSchema, callSchema, equipmentFaultSchema, messageSchema, weeklyVolumeSchema } from '@shared/domain/switchboard';
import { complaintSchema, visitorSchema, visitSchema, watchlistAlertSchema, watchlistEntrySchema } from '@shared/domain/visitors';
import type { TableName } from '../FrontDeskDatabase';

/** Every table of the database, in restore order (what others refer to comes first). */
export const ARCHIVE_TABLES = [
  'settings', 'operators', 'departments', 'staff', 'visitors', 'visits', 'watchlist', 'watchlistAlerts', 'complaints',
  'parcels', 'parcelEvents', 'calls', 'callNotes', 'messages', 'equipmentFaults', 'weeklyVolumes', 'auditLog',
] as const satisfies readonly TableName[];
export type ArchiveTable = (typeof ARCHIVE_TABLES)[number];

export const ARCHIVE_SCHEMAS: Record<ArchiveTable, z.ZodType> = {
  settings: settingSchema,
  operators: operatorSchema,
  departments: departmentSchema,
  staff: staffSchema,
  visitors: visitorSchema,
  visits: visitSchema,
  watchlist: watchlistEntrySchema,
  watchlistAlerts: watchlistAlertSchema,
  complaints: complaintSchema,
  parcels: parcelSchema,
  parcelEvents: parcelEventSchema,
  calls: callSchema,
  callNotes: callNoteSchema,
  messages: messageSchema,
  equipmentFaults: equipmentFaultSchema,
  weeklyVolumes: weeklyVolumeSchema,
  auditLog: auditEntrySchema,
};

export function isArchiveTable(name: string): name is ArchiveTable {
  return (ARCHIVE_TABLES as readonly string[]).includes(name);
}

/** The CSV columns of a table: the fields its schema names, in the schema's order. */
export function csvColumns(table: ArchiveTable): string[] {
  const schema = ARCHIVE_SCHEMAS[table] as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : ['id'];
}
