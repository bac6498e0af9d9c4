// The desk itself: who operates it, its settings, and the audit trail of what was done at it
// (docs/REQUIREMENTS.md §6: "An audit log records who viewed, changed, exported or destroyed what").
import { z } from 'zod';
import { AUDIT_ACTIONS, OPERATOR_ROLES, SETTING_SCOPES } from './plain/desk';
import { epochMsSchema, flagSchema, recordBaseSchema } from './record';

export * from './plain/desk';

export const operatorSchema = recordBaseSchema.extend({
  name: z.string().trim().min(1).max(64),
  nameKey: z.string(),
  /** The first of `roles` (indexed; v1 had one role per person). */
  role: z.enum(OPERATOR_ROLES),
  /** Every role the person holds (one person may hold several). Absent on rows written before sign-in. */
  roles: z.array(z.enum(OPERATOR_ROLES)).min(1).max(OPERATOR_ROLES.length).optional(),
  /** Salted slow hash of the sign-in PIN or password (renderer/db/secretHash.ts); never the secret itself. */
  pinHash: z.string().optional(),
  /** Wrong attempts in a row and the lock they caused (shared/auth/lockout.ts). */
  failedAttempts: z.number().int().nonnegative().optional(),
  lockedUntil: epochMsSchema.optional(),
  active: flagSchema,
});
export type Operator = z.infer<typeof operatorSchema>;

export const settingSchema = recordBaseSchema.extend({
  key: z.string().min(1).max(128),
  value: z.unknown(),
  /** 'desk' settings belong to the desk that wrote them; 'site' settings are meant for every desk. */
  scope: z.enum(SETTING_SCOPES),
});
export type Setting = z.infer<typeof settingSchema>;

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

/** A shift handover note (docs/REQUIREMENTS.md §7): written at sign-out, acknowledged by the next person. */
export const handoverItemSchema = z.object({
  /** Which provider pre-filled it ('visitorsOnSite', 'openComplaints', 'openMessages' …); 'note' for free text. */
  kind: z.string().min(1).max(64),
  count: z.number().int().nonnegative(),
  /** Short lines (names of what is open); never ID or phone numbers. */
  lines: z.array(z.string().max(200)).max(50),
});
export type HandoverItem = z.infer<typeof handoverItemSchema>;

export const handoverSchema = recordBaseSchema.extend({
  fromOperatorId: z.string().min(1),
  note: z.string().max(4000),
  items: z.array(handoverItemSchema).max(50),
  status: z.enum(['open', 'acknowledged']),
  acknowledgedBy: z.string().optional(),
  acknowledgedAt: epochMsSchema.optional(),
});
export type Handover = z.infer<typeof handoverSchema>;
