// The zod-free half of shared/domain/visitors.ts: constants, patterns and rules that code on the first screen
// imports without loading zod (docs/ARCHITECTURE.md, "Loading"). visitors.ts re-exports all of it.
export const ID_DOCUMENT_TYPES = ['residentId', 'passport', 'hkMacauPermit', 'taiwanPermit', 'driverLicense', 'other'] as const;

export const VISIT_STATUSES = ['expected', 'onSite', 'left', 'cancelled', 'noShow'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const HOST_NOTIFICATION_CHANNELS = ['phoneTransfer', 'sipMessage', 'manual'] as const;

export const ALERT_STATUSES = ['open', 'acknowledged'] as const;

export const WATCHLIST_DECISIONS = ['admitted', 'refused', 'securityCalled'] as const;

export const COMPLAINT_KINDS = ['suggestion', 'complaint', 'praise'] as const;

export const COMPLAINT_STATUSES = ['open', 'inProgress', 'answered', 'closed'] as const;
