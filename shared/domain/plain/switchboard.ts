// The zod-free half of shared/domain/switchboard.ts: constants, patterns and rules that code on the first screen
// imports without loading zod (docs/ARCHITECTURE.md, "Loading"). switchboard.ts re-exports all of it.
export const CALL_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;

/**
 * How a call ended, as the softphone's SIP events decided it (issue 3): 'ringing' and 'connected'
 * while the call is still live, then one final value.
 */
export const CALL_DISPOSITIONS = [
  'ringing',
  'connected',
  'answered',
  'missed',
  'abandoned-ringing',
  'abandoned-held',
  'transferred-blind',
  'transferred-attended',
  'transfer-failed',
  'unanswered',
  'failed',
] as const;
export type CallDispositionValue = (typeof CALL_DISPOSITIONS)[number];

export const MESSAGE_STATUSES = ['open', 'delivered', 'acknowledged', 'closed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** 紧急程度: how soon the message must reach the person (the follow-up list's due time follows from it). */
export const MESSAGE_URGENCIES = ['normal', 'urgent', 'immediate'] as const;
export type MessageUrgency = (typeof MESSAGE_URGENCIES)[number];

/** How a message was passed on: told by phone, a desktop notification, a printed slip, a SIP MESSAGE. */
export const DELIVERY_CHANNELS = ['phone', 'desktop', 'slip', 'sip'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const FAULT_STATUSES = ['open', 'inRepair', 'fixed'] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/** What is broken: phone lines and switchboard equipment, and the desk's other equipment. */
export const EQUIPMENT_KINDS = ['line', 'switchboard', 'computer', 'printer', 'copier', 'badgePrinter', 'scanner', 'other'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];
