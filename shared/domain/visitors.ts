// Visitor log (来访登记, docs/REQUIREMENTS.md §1): the people who visit, each visit, the security watchlist
// with its alerts, and visitors' suggestions and complaints.
import { z } from 'zod';
import { ALERT_STATUSES, COMPLAINT_KINDS, COMPLAINT_STATUSES, HOST_NOTIFICATION_CHANNELS, ID_DOCUMENT_TYPES, VISIT_STATUSES, WATCHLIST_DECISIONS } from './plain/visitors';
import { epochMsSchema, recordBaseSchema, ulidSchema } from './record';

export * from './plain/visitors';

/** A person who visits; kept so a returning visitor is recognised while typing. */
export const visitorSchema = recordBaseSchema.extend({
  name: z.string().min(1).max(64),
  company: z.string().max(200).optional(),
  phone: z.string().max(64).optional(),
  /** The phone key (E.164, shared/phone/phoneKey.ts; the name is from when it held digits). Schema v3. */
  phoneDigits: z.string().optional(),
  idType: z.enum(ID_DOCUMENT_TYPES).optional(),
  /** Stored in full, masked on screen for roles that do not need it (§6). */
  idNumber: z.string().max(64).optional(),
  lastVisitAt: epochMsSchema.optional(),
  searchKeys: z.array(z.string()),
});
export type Visitor = z.infer<typeof visitorSchema>;

export const visitSchema = recordBaseSchema.extend({
  visitorId: ulidSchema,
  hostStaffId: ulidSchema.optional(),
  status: z.enum(VISIT_STATUSES),
  purpose: z.string().max(500).optional(),
  partySize: z.number().int().min(1).max(999),
  vehiclePlate: z.string().max(32).optional(),
  /** Pre-registration: when the host expects the visitor. */
  expectedAt: epochMsSchema.optional(),
  expectedDurationMin: z.number().int().positive().optional(),
  arrivedAt: epochMsSchema.optional(),
  /** arrivedAt + expected duration; visitors past it are flagged on the board. */
  expectedDepartureAt: epochMsSchema.optional(),
  leftAt: epochMsSchema.optional(),
  hostNotifiedAt: epochMsSchema.optional(),
  hostNotifiedVia: z.enum(HOST_NOTIFICATION_CHANNELS).optional(),
  badgeNumber: z.string().max(32).optional(),
  /** How many times the badge was printed; a reprint warns and is audited. */
  badgePrintCount: z.number().int().nonnegative().optional(),
  notes: z.string().max(1000).optional(),
  /** Who checked the visitor out (an operator, or the desk for the end-of-day bulk check-out). */
  checkedOutBy: z.string().max(64).optional(),
  checkOutMethod: z.enum(['badgeScan', 'search', 'bulkEndOfDay']).optional(),
});
export type Visit = z.infer<typeof visitSchema>;

export const watchlistEntrySchema = recordBaseSchema.extend({
  name: z.string().max(64).optional(),
  idNumber: z.string().max(64).optional(),
  /** Upper-case ID number without spaces, matched exactly at registration. */
  idNumberKey: z.string().optional(),
  organisation: z.string().max(200).optional(),
  reason: z.string().max(1000),
  addedBy: z.string().min(1),
  active: z.union([z.literal(0), z.literal(1)]),
  searchKeys: z.array(z.string()),
});
export type WatchlistEntry = z.infer<typeof watchlistEntrySchema>;

export const watchlistAlertSchema = recordBaseSchema.extend({
  watchlistId: ulidSchema,
  visitorId: ulidSchema.optional(),
  visitId: ulidSchema.optional(),
  matchedOn: z.enum(['name', 'idNumber', 'organisation']),
  status: z.enum(ALERT_STATUSES),
  /** What the desk typed when the alert was raised (the visitor may not be saved, e.g. when refused). */
  candidateName: z.string().max(64).optional(),
  candidateIdNumber: z.string().max(64).optional(),
  /** The acknowledgement's decision (可疑人员: admitted, refused, or security called). */
  decision: z.enum(WATCHLIST_DECISIONS).optional(),
  raisedAt: epochMsSchema,
  acknowledgedAt: epochMsSchema.optional(),
  acknowledgedBy: z.string().optional(),
  note: z.string().max(1000).optional(),
});
export type WatchlistAlert = z.infer<typeof watchlistAlertSchema>;

export const followUpSchema = z.object({ at: epochMsSchema, by: z.string().min(1), text: z.string().max(2000) });
export type FollowUp = z.infer<typeof followUpSchema>;

export const complaintSchema = recordBaseSchema.extend({
  kind: z.enum(COMPLAINT_KINDS),
  status: z.enum(COMPLAINT_STATUSES),
  visitorId: ulidSchema.optional(),
  name: z.string().max(64).optional(),
  contact: z.string().max(200).optional(),
  content: z.string().min(1).max(4000),
  category: z.string().max(64).optional(),
  /** Who follows it up (a staff id from the directory, or a name). */
  ownerStaffId: ulidSchema.optional(),
  ownerName: z.string().max(64).optional(),
  /** When an answer is due; open items past it are flagged overdue. */
  dueAt: epochMsSchema.optional(),
  reply: z.string().max(4000).optional(),
  repliedAt: epochMsSchema.optional(),
  followUps: z.array(followUpSchema),
});
export type Complaint = z.infer<typeof complaintSchema>;
