// The desk itself: who operates it, its settings, and the audit trail of what was done at it
// (docs/REQUIREMENTS.md §6: "An audit log records who viewed, changed, exported or destroyed what").
import { z } from 'zod';
import { epochMsSchema, flagSchema, recordBaseSchema } from './record';

export const OPERATOR_ROLES = ['receptionist', 'operator', 'concierge', 'supervisor'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const operatorSchema = recordBaseSchema.extend({
  name: z.string().trim().min(1).max(64),
  nameKey: z.string(),
  role: z.enum(OPERATOR_ROLES),
  /** Salted hash of the sign-in PIN or password; never the secret itself. */
  pinHash: z.string().optional(),
  active: flagSchema,
});
export type Operator = z.infer<typeof operatorSchema>;

export const SETTING_SCOPES = ['desk', 'site'] as const;

export const settingSchema = recordBaseSchema.extend({
  key: z.string().min(1).max(128),
  value: z.unknown(),
  /** 'desk' settings belong to the desk that wrote them; 'site' settings are meant for every desk. */
  scope: z.enum(SETTING_SCOPES),
});
export type Setting = z.infer<typeof settingSchema>;

export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'restore', 'import', 'view', 'export', 'destroy',
  'checkIn', 'checkOut', 'handOver', 'acknowledge', 'signIn', 'signOut',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = recordBaseSchema.extend({
  at: epochMsSchema,
  /** Operator id, or 'desk' before anybody has signed in. */
  actorId: z.string().min(1),
  action: z.enum(AUDIT_ACTIONS),
  /** Table name of the entity the action touched. */
  entityTable: z.string().min(1),
  entityId: z.string().min(1),
  /** Short human-readable description (not translated: it is a record, not UI). */
  summary: z.string().max(2000),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
