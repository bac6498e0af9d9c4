// Mail and parcels (邮件收发, docs/REQUIREMENTS.md §2): items received at the desk and their chain of custody.
import { z } from 'zod';
import { epochMsSchema, flagSchema, recordBaseSchema, ulidSchema } from './record';

export const PARCEL_TYPES = ['letter', 'parcel', 'document', 'other'] as const;
export const PARCEL_STATUSES = ['received', 'notified', 'collected', 'returned', 'refused'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

export const parcelSchema = recordBaseSchema.extend({
  trackingNumber: z.string().max(64).optional(),
  /** Upper-case tracking number without separators, so a re-scan finds the item. */
  trackingKey: z.string().optional(),
  carrier: z.string().max(32).optional(),
  recipientStaffId: ulidSchema.optional(),
  recipientName: z.string().max(64).optional(),
  type: z.enum(PARCEL_TYPES),
  /** 重要邮件或急件优先处理: urgent items sort first. */
  urgent: flagSchema,
  status: z.enum(PARCEL_STATUSES),
  receivedAt: epochMsSchema,
  receivedBy: z.string().min(1),
  shelf: z.string().max(32).optional(),
  notes: z.string().max(1000).optional(),
  collectedAt: epochMsSchema.optional(),
  collectedBy: z.string().max(64).optional(),
  delegateName: z.string().max(64).optional(),
  lastReminderAt: epochMsSchema.optional(),
  searchKeys: z.array(z.string()),
});
export type Parcel = z.infer<typeof parcelSchema>;

export const PARCEL_EVENT_KINDS = ['received', 'moved', 'notified', 'reminded', 'handedOver', 'returned', 'refused', 'corrected'] as const;

/** One link of the chain of custody: received by whom, moved where, handed to whom. */
export const parcelEventSchema = recordBaseSchema.extend({
  parcelId: ulidSchema,
  kind: z.enum(PARCEL_EVENT_KINDS),
  at: epochMsSchema,
  actorId: z.string().min(1),
  shelf: z.string().max(32).optional(),
  handedTo: z.string().max(64).optional(),
  /** Signature drawn on hand-over (签字确认), as a PNG data URL. */
  signature: z.string().optional(),
  notes: z.string().max(1000).optional(),
});
export type ParcelEvent = z.infer<typeof parcelEventSchema>;
