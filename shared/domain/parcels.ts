// Mail and parcels (邮件收发, docs/REQUIREMENTS.md §2): items received at the desk and their chain of custody,
// items left at the desk, lost property and valuables (same intake and hand-over), and the outgoing mail log.
import { z } from 'zod';
import { NOTIFY_CHANNELS, PARCEL_EVENT_KINDS, PARCEL_STATUSES, PARCEL_TYPES } from './plain/parcels';
import { epochMsSchema, flagSchema, recordBaseSchema, ulidSchema } from './record';

export * from './plain/parcels';

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
  /** Pieces in the consignment (a multi-box delivery is one item with its count). */
  pieces: z.number().int().min(1).max(999).optional(),
  notes: z.string().max(1000).optional(),
  /** When the recipient was last told (any channel); the "to notify" list is the waiting items without it. */
  notifiedAt: epochMsSchema.optional(),
  collectedAt: epochMsSchema.optional(),
  collectedBy: z.string().max(64).optional(),
  delegateName: z.string().max(64).optional(),
  lastReminderAt: epochMsSchema.optional(),
  /** Returned to sender or refused: why. */
  reason: z.string().max(500).optional(),
  /** Outgoing mail (status 'sent'): who sent it, where to, which cost centre pays. */
  sender: z.string().max(64).optional(),
  destination: z.string().max(200).optional(),
  costCentre: z.string().max(32).optional(),
  searchKeys: z.array(z.string()),
});
export type Parcel = z.infer<typeof parcelSchema>;

/** One link of the chain of custody: received by whom, moved where, handed to whom. */
export const parcelEventSchema = recordBaseSchema.extend({
  parcelId: ulidSchema,
  kind: z.enum(PARCEL_EVENT_KINDS),
  at: epochMsSchema,
  actorId: z.string().min(1),
  shelf: z.string().max(32).optional(),
  /** moved: the shelf it came from. */
  fromShelf: z.string().max(32).optional(),
  handedTo: z.string().max(64).optional(),
  /** handedOver: 1 when a delegate collected it for the recipient. */
  delegate: flagSchema.optional(),
  /** notified / reminded: who was told, by which channels, and what each channel answered. */
  recipientStaffId: ulidSchema.optional(),
  channels: z.array(z.enum(NOTIFY_CHANNELS)).optional(),
  /** A channel that was tried and failed, with its reason ("sip: 404 Not Found"). */
  failures: z.array(z.string().max(200)).optional(),
  /** One hand-over or one notification covering several items shares this id. */
  batchId: ulidSchema.optional(),
  /** Signature drawn on hand-over (签字确认), as a PNG data URL. */
  signature: z.string().max(400_000).optional(),
  /** received: a photo of the label taken at intake, a downscaled image data URL. */
  photo: z.string().max(600_000).regex(/^data:image\/(jpeg|png|webp);base64,/).optional(),
  /** corrected: which fields changed, "field: before → after". */
  changes: z.array(z.string().max(300)).optional(),
  reason: z.string().max(500).optional(),
  notes: z.string().max(1000).optional(),
});
export type ParcelEvent = z.infer<typeof parcelEventSchema>;
