// The zod schema of every table's rows, and of the inputs repositories check before they derive a row's
// fields: what the write path validates with (docs/ARCHITECTURE.md, "Write path", step 3). One schema per
// table, so no write can check a row against a looser one. zod is about 90 kB, and the first screen only
// reads: this module is loaded lazily by renderer/db/schemaRegistry.ts on the first write, never imported
// statically by the db modules the first screen reads through (docs/ARCHITECTURE.md, "Loading").
import '../platform/zodConfig';
import type { z } from 'zod';
import { auditEntrySchema, handoverSchema, operatorSchema, settingSchema } from '@shared/domain/desk';
import { departmentInputSchema, departmentSchema, staffInputSchema, staffSchema } from '@shared/domain/directory';
import { parcelEventSchema, parcelSchema } from '@shared/domain/parcels';
import { callNoteSchema, callSchema, equipmentFaultSchema, messageSchema, weeklyVolumeSchema } from '@shared/domain/switchboard';
import { complaintSchema, visitorSchema, visitSchema, watchlistAlertSchema, watchlistEntrySchema } from '@shared/domain/visitors';
import { restoreStagingSchema } from './archive/stagingSchema';
import type { FrontDeskTables, TableName } from './FrontDeskDatabase';

export const RECORD_SCHEMAS: { readonly [N in TableName]: z.ZodType<FrontDeskTables[N]> } = {
  operators: operatorSchema,
  settings: settingSchema,
  auditLog: auditEntrySchema,
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
  restoreStaging: restoreStagingSchema,
  handovers: handoverSchema,
};

/** What a person (form or CSV row) supplies, checked before the stored fields are derived from it. */
export const INPUT_SCHEMAS = {
  staff: staffInputSchema,
  departments: departmentInputSchema,
} as const;
