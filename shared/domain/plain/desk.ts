// The zod-free half of shared/domain/desk.ts: constants, patterns and rules that code on the first screen
// imports without loading zod (docs/ARCHITECTURE.md, "Loading"). desk.ts re-exports all of it.
export const OPERATOR_ROLES = ['receptionist', 'operator', 'concierge', 'supervisor'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const SETTING_SCOPES = ['desk', 'site'] as const;

export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'restore', 'import', 'view', 'export', 'destroy',
  'checkIn', 'checkOut', 'handOver', 'acknowledge', 'signIn', 'signOut',
  'signInFailed', 'lockOut', 'lock', 'unlock', 'reveal', 'resetPin',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The roles of a person (rows from before several roles were possible carry only `role`). */
export function rolesOf(operator: { role: OperatorRole; roles?: readonly OperatorRole[] | undefined }): OperatorRole[] {
  return operator.roles && operator.roles.length > 0 ? [...operator.roles] : [operator.role];
}
