// Switchboard (总机, docs/REQUIREMENTS.md §3–4): call records written from the softphone's events, the
// operator's notes, messages for absent people and the equipment fault log.
import { z } from 'zod';
import { CALL_DIRECTIONS, CALL_DISPOSITIONS, DELIVERY_CHANNELS, EQUIPMENT_KINDS, FAULT_STATUSES, MESSAGE_STATUSES, MESSAGE_URGENCIES } from './plain/switchboard';
import { epochMsSchema, flagSchema, recordBaseSchema, ulidSchema } from './record';
import { followUpSchema } from './visitors';

export * from './plain/switchboard';

export const callSchema = recordBaseSchema.extend({
  direction: z.enum(CALL_DIRECTIONS),
  remoteNumber: z.string().max(64),
  /** Digits of the number as received (recognition uses remoteNumberKey since schema v3). */
  remoteNumberDigits: z.string(),
  /** The number's phone key (E.164 or an extension, shared/phone/phoneKey.ts), indexed with startedAt. Schema v3. */
  remoteNumberKey: z.string().optional(),
  remoteName: z.string().max(64).optional(),
  /** The desk's own extension that handled the call. */
  extension: z.string().max(64).optional(),
  line: z.number().int().nonnegative().optional(),
  sipCallId: z.string().optional(),
  /** Ring start (inbound: INVITE received; outbound: INVITE sent). */
  startedAt: epochMsSchema,
  answeredAt: epochMsSchema.optional(),
  endedAt: epochMsSchema.optional(),
  /** 接听不超过三声: ring time is measured for every call. */
  ringMs: z.number().int().nonnegative().optional(),
  talkMs: z.number().int().nonnegative().optional(),
  holdMs: z.number().int().nonnegative().optional(),
  disposition: z.enum(CALL_DISPOSITIONS),
  /** SIP status of the final response or the failed transfer (486, 404 …). */
  statusCode: z.number().int().optional(),
  transferKind: z.enum(['blind', 'attended']).optional(),
  transferredTo: z.string().max(64).optional(),
  /** 1 when the target's answer was confirmed by a 2xx sipfrag (转接成功后确认对方是否接听). */
  transferConfirmed: flagSchema.optional(),
  /** A consultation call made during an attended transfer names the caller's call here. */
  consultFor: ulidSchema.optional(),
  /** Who handled the call (operator id, or the desk before sign-in). */
  handledBy: z.string().max(64).optional(),
});
export type Call = z.infer<typeof callSchema>;

export const keyPointsSchema = z.object({
  time: z.string().max(200).optional(),
  place: z.string().max(200).optional(),
  people: z.string().max(200).optional(),
  matter: z.string().max(2000).optional(),
});

export const callNoteSchema = recordBaseSchema.extend({
  callId: ulidSchema.optional(),
  /**
   * The start of the call (its `startedAt`), copied when the note is written: indexed with callId as
   * [callStartedAt+callId], the notes in the calls' newest-first order, which the call archive's search walks
   * for a common name (renderer/db/callArchive.ts). Schema v10.
   */
  callStartedAt: epochMsSchema.optional(),
  callerName: z.string().max(64).optional(),
  company: z.string().max(200).optional(),
  phone: z.string().max(64).optional(),
  /** The phone key of `phone` (shared/phone/phoneKey.ts). Schema v3. */
  phoneDigits: z.string().optional(),
  reason: z.string().max(2000).optional(),
  category: z.string().max(64),
  important: flagSchema,
  /** For important calls: 时间、地点、人物、事件要点. */
  keyPoints: keyPointsSchema.optional(),
  searchKeys: z.array(z.string()),
});
export type CallNote = z.infer<typeof callNoteSchema>;

export const deliverySchema = z.object({
  at: epochMsSchema,
  channel: z.enum(DELIVERY_CHANNELS),
  by: z.string().min(1).max(64),
  /** For 'sip': the address the MESSAGE went to and the PBX's final status. */
  target: z.string().max(200).optional(),
  statusCode: z.number().int().optional(),
  ok: flagSchema,
  detail: z.string().max(500).optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** The recipient's "sign to confirm": a signature drawn on screen (PNG data URL) or a typed name. */
export const acknowledgementSchema = z.object({
  name: z.string().min(1).max(64),
  at: epochMsSchema,
  method: z.enum(['drawn', 'typed']),
  /** PNG data URL of the drawn signature (bounded: a signature canvas is a few tens of kB). */
  signature: z.string().regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/).max(400_000).optional(),
  strokes: z.number().int().nonnegative().optional(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const messageSchema = recordBaseSchema.extend({
  toStaffId: ulidSchema.optional(),
  toDepartmentId: ulidSchema.optional(),
  /** The recipient's name when the message was written (the directory may change later). */
  toName: z.string().max(64).optional(),
  fromName: z.string().max(64).optional(),
  fromCompany: z.string().max(200).optional(),
  fromPhone: z.string().max(64).optional(),
  /** The phone key of fromPhone (shared/phone/phoneKey.ts): "open messages from this caller". Schema v5. */
  fromPhoneKey: z.string().optional(),
  content: z.string().min(1).max(4000),
  callNoteId: ulidSchema.optional(),
  callId: ulidSchema.optional(),
  urgency: z.enum(MESSAGE_URGENCIES).optional(),
  /** When the message should have reached the person (overdue after). */
  dueAt: epochMsSchema.optional(),
  status: z.enum(MESSAGE_STATUSES),
  deliveredAt: epochMsSchema.optional(),
  deliveries: z.array(deliverySchema).max(100).optional(),
  acknowledgedAt: epochMsSchema.optional(),
  acknowledgedBy: z.string().max(64).optional(),
  acknowledgement: acknowledgementSchema.optional(),
  closedAt: epochMsSchema.optional(),
  closedBy: z.string().max(64).optional(),
  /** Required when a message is closed before it was acknowledged (a supervisor's decision). */
  closeReason: z.string().max(2000).optional(),
  /** Reminders given (the follow-up list's "remind" action). */
  remindedAt: z.array(epochMsSchema).max(200).optional(),
  followUps: z.array(followUpSchema),
});
export type Message = z.infer<typeof messageSchema>;

export const equipmentFaultSchema = recordBaseSchema.extend({
  equipment: z.string().min(1).max(200),
  kind: z.enum(EQUIPMENT_KINDS).optional(),
  line: z.string().max(64).optional(),
  /** 故障现象 */
  symptom: z.string().min(1).max(2000),
  status: z.enum(FAULT_STATUSES),
  reportedAt: epochMsSchema,
  /** Who the fault was reported to (IT, the PBX vendor, facilities …). */
  reportedTo: z.string().max(200).optional(),
  /** 维修情况 */
  repair: z.string().max(2000).optional(),
  fixedAt: epochMsSchema.optional(),
  /**
   * Recorded by the console itself (the PBX unreachable for over a minute), waiting for the operator to
   * confirm (1 → 0) or dismiss it (a soft delete).
   */
  candidate: flagSchema.optional(),
  /** For a candidate: the outage, from its start to when the PBX answered again. */
  outageFrom: epochMsSchema.optional(),
  outageTo: epochMsSchema.optional(),
});
export type EquipmentFault = z.infer<typeof equipmentFaultSchema>;

/** How a weekly volume left the desk: a PDF file (desktop app), the print dialog (browser build), inside an archive bundle. */
export const VOLUME_OUTPUTS = ['pdf', 'print', 'bundle'] as const;
export type VolumeOutput = (typeof VOLUME_OUTPUTS)[number];

/**
 * A weekly phone-record volume that was produced (装订成册, issue 12 item 2): which ISO week, what it held and
 * the SHA-256 of the bytes that left the desk (the PDF, or the print document for the browser's print dialog).
 */
export const weeklyVolumeSchema = recordBaseSchema.extend({
  /** ISO week, "2026-W45" (shared/archive/weeklyVolume.ts). */
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  /** The week's local Monday 00:00 and the Monday after. */
  from: epochMsSchema,
  to: epochMsSchema,
  output: z.enum(VOLUME_OUTPUTS),
  /** The saved file's path or name (absent for the print dialog). */
  fileName: z.string().max(1000).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().positive(),
  calls: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  missed: z.number().int().nonnegative(),
  p50Ms: z.number().int().nonnegative().optional(),
  p90Ms: z.number().int().nonnegative().optional(),
});
export type WeeklyVolumeRecord = z.infer<typeof weeklyVolumeSchema>;
