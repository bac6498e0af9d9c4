// Switchboard (总机, docs/REQUIREMENTS.md §3–4): call records written from the softphone's events, the
// operator's notes, messages for absent people and the equipment fault log.
import { z } from 'zod';
import { epochMsSchema, flagSchema, recordBaseSchema, ulidSchema } from './record';
import { followUpSchema } from './visitors';

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

export const MESSAGE_STATUSES = ['open', 'delivered', 'acknowledged', 'closed'] as const;

export const messageSchema = recordBaseSchema.extend({
  toStaffId: ulidSchema.optional(),
  toDepartmentId: ulidSchema.optional(),
  fromName: z.string().max(64).optional(),
  fromCompany: z.string().max(200).optional(),
  fromPhone: z.string().max(64).optional(),
  content: z.string().min(1).max(4000),
  callNoteId: ulidSchema.optional(),
  status: z.enum(MESSAGE_STATUSES),
  deliveredAt: epochMsSchema.optional(),
  acknowledgedAt: epochMsSchema.optional(),
  acknowledgedBy: z.string().max(64).optional(),
  followUps: z.array(followUpSchema),
});
export type Message = z.infer<typeof messageSchema>;

export const FAULT_STATUSES = ['open', 'inRepair', 'fixed'] as const;

export const equipmentFaultSchema = recordBaseSchema.extend({
  equipment: z.string().min(1).max(200),
  line: z.string().max(64).optional(),
  /** 故障现象 */
  symptom: z.string().min(1).max(2000),
  status: z.enum(FAULT_STATUSES),
  reportedAt: epochMsSchema,
  /** 维修情况 */
  repair: z.string().max(2000).optional(),
  fixedAt: epochMsSchema.optional(),
});
export type EquipmentFault = z.infer<typeof equipmentFaultSchema>;
