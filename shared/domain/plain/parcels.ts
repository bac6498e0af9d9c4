// The zod-free half of shared/domain/parcels.ts: constants, patterns and rules that code on the first screen
// imports without loading zod (docs/ARCHITECTURE.md, "Loading"). parcels.ts re-exports all of it.
/** letter … other: mail; deskItem: left at the desk for someone; lostProperty; valuables (cash, bills, important documents). */
export const PARCEL_TYPES = ['letter', 'parcel', 'document', 'other', 'deskItem', 'lostProperty', 'valuables'] as const;
export type ParcelType = (typeof PARCEL_TYPES)[number];

/** received and notified are "waiting"; collected, returned, refused end an incoming item; sent is the outgoing log. */
export const PARCEL_STATUSES = ['received', 'notified', 'collected', 'returned', 'refused', 'sent'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];
export const WAITING_STATUSES = ['received', 'notified'] as const satisfies readonly ParcelStatus[];

export const PARCEL_EVENT_KINDS = ['received', 'moved', 'notified', 'reminded', 'handedOver', 'returned', 'refused', 'corrected'] as const;
export type ParcelEventKind = (typeof PARCEL_EVENT_KINDS)[number];

/** How a recipient was told: the desk's desktop notification, a SIP MESSAGE to the extension, by phone, in person. */
export const NOTIFY_CHANNELS = ['desktop', 'sip', 'phone', 'inPerson'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
