// The life of a message (留言, issue 10): open → delivered → acknowledged → closed. Pure: the repository
// (renderer/db/messageRepository.ts) asks these rules before every state change and stores what they say,
// and the write path audits it. "A message can't be closed before it was acknowledged, except by a
// supervisor with a reason" — whether the actor is a supervisor is a parameter (sign-in decides it).
import type { DeliveryChannel, MessageStatus, MessageUrgency } from '../domain/switchboard';

export type MessageEvent =
  | { type: 'deliver'; channel: DeliveryChannel; ok: boolean }
  | { type: 'acknowledge'; name: string; signed: boolean }
  | { type: 'close'; supervisor: boolean; reason?: string | undefined }
  | { type: 'reopen' };

export type TransitionRefusal =
  | 'alreadyClosed'
  | 'notDelivered'
  | 'nameRequired'
  | 'signatureRequired'
  | 'notAcknowledged'
  | 'reasonRequired'
  | 'notClosed';

export type Transition = { ok: true; status: MessageStatus } | { ok: false; refusal: TransitionRefusal };

const ok = (status: MessageStatus): Transition => ({ ok: true, status });
const no = (refusal: TransitionRefusal): Transition => ({ ok: false, refusal });

/**
 * The next status of a message in `status` on `event`, or why it is refused.
 * - deliver: a successful delivery moves open → delivered; a failed one (SIP MESSAGE refused) is recorded
 *   but leaves the status; delivering again later (a reminder by phone) keeps delivered/acknowledged.
 * - acknowledge: needs the recipient's name and a signature (drawn or typed). Acknowledging an open message
 *   is allowed: handing the slip over in person is delivery and acknowledgement at once.
 * - close: only after acknowledgement, unless a supervisor closes it with a reason.
 * - reopen: a closed message back to the follow-up list (acknowledged if it was, else open).
 */
export function nextMessageStatus(status: MessageStatus, event: MessageEvent, acknowledged = status === 'acknowledged'): Transition {
  switch (event.type) {
    case 'deliver':
      if (status === 'closed') return no('alreadyClosed');
      return ok(status === 'open' && event.ok ? 'delivered' : status);
    case 'acknowledge':
      if (status === 'closed') return no('alreadyClosed');
      if (!event.name.trim()) return no('nameRequired');
      if (!event.signed) return no('signatureRequired');
      return ok('acknowledged');
    case 'close': {
      if (status === 'closed') return no('alreadyClosed');
      if (status === 'acknowledged') return ok('closed');
      if (!event.supervisor) return no('notAcknowledged');
      if (!event.reason?.trim()) return no('reasonRequired');
      return ok('closed');
    }
    case 'reopen':
      if (status !== 'closed') return no('notClosed');
      return ok(acknowledged ? 'acknowledged' : 'open');
  }
}

/** Minutes after writing a message by when it should have reached the person, by urgency. */
export const DUE_MINUTES: Record<MessageUrgency, number> = { immediate: 15, urgent: 60, normal: 4 * 60 };

export function defaultMessageDueAt(createdAt: number, urgency: MessageUrgency = 'normal'): number {
  return createdAt + DUE_MINUTES[urgency] * 60_000;
}

/** Waiting for the recipient: not yet acknowledged (closed and acknowledged messages are done with). */
export function isWaiting(status: MessageStatus): boolean {
  return status === 'open' || status === 'delivered';
}

/** Overdue: still waiting for the recipient after its due time. */
export function isMessageOverdue(message: { status: MessageStatus; dueAt?: number | undefined; createdAt: number; urgency?: MessageUrgency | undefined }, now: number): boolean {
  if (!isWaiting(message.status)) return false;
  const due = message.dueAt ?? defaultMessageDueAt(message.createdAt, message.urgency);
  return now > due;
}

/**
 * Whether the desk should remind somebody now: an overdue message not reminded within the last
 * `everyMinutes` (a reminder is the operator calling or notifying again; its time is stored).
 */
export function reminderDue(message: { status: MessageStatus; dueAt?: number | undefined; createdAt: number; urgency?: MessageUrgency | undefined; remindedAt?: number[] | undefined }, now: number, everyMinutes = 30): boolean {
  if (!isMessageOverdue(message, now)) return false;
  const last = message.remindedAt?.at(-1);
  return last === undefined || now - last >= everyMinutes * 60_000;
}

/** The follow-up list's order: overdue first, then by urgency, then oldest due first. */
export function followUpOrder<T extends { status: MessageStatus; dueAt?: number | undefined; createdAt: number; urgency?: MessageUrgency | undefined }>(messages: readonly T[], now: number): T[] {
  const rank: Record<MessageUrgency, number> = { immediate: 0, urgent: 1, normal: 2 };
  const due = (m: T) => m.dueAt ?? defaultMessageDueAt(m.createdAt, m.urgency);
  return [...messages].sort(
    (a, b) =>
      Number(isMessageOverdue(b, now)) - Number(isMessageOverdue(a, now)) ||
      rank[a.urgency ?? 'normal'] - rank[b.urgency ?? 'normal'] ||
      due(a) - due(b),
  );
}
