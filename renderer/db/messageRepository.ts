// Messages (留言, issue 10) for a person or a department: written from a call note or on their own, passed
// on by phone, desktop notification, printed slip or SIP MESSAGE, acknowledged by the recipient with a
// signature, followed up until closed. Every state change asks the pure rules of
// shared/messages/messageMachine.ts first and goes through the write path, which audits it.
import Dexie from 'dexie';
import type { Acknowledgement, Delivery, DeliveryChannel, Message, MessageStatus, MessageUrgency } from '@shared/domain/switchboard';
import type { NewRecord } from '@shared/domain/record';
import { defaultMessageDueAt, isMessageOverdue, nextMessageStatus, type MessageEvent, type TransitionRefusal } from '@shared/messages/messageMachine';
import { textKeys, textKeysReady } from './textKeys';
import { cleanName, cleanText } from '@shared/text/cleanText';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { deskAreaCode } from './deskSettings';
import { RecordNotFoundError, RecordRepository, ValidationError, withoutUndefined } from './recordRepository';

/** A state change the rules refused (the screen translates `refusal`). */
export class MessageTransitionError extends Error {
  constructor(readonly refusal: TransitionRefusal) {
    super(`message transition refused: ${refusal}`);
    this.name = 'MessageTransitionError';
  }
}

export interface MessageInput {
  toStaffId?: string | undefined;
  toDepartmentId?: string | undefined;
  toName?: string | undefined;
  fromName?: string | undefined;
  fromCompany?: string | undefined;
  fromPhone?: string | undefined;
  content: string;
  callNoteId?: string | undefined;
  callId?: string | undefined;
  urgency?: MessageUrgency | undefined;
  dueAt?: number | undefined;
}

export interface DeliveryInput {
  channel: DeliveryChannel;
  ok: boolean;
  target?: string | undefined;
  statusCode?: number | undefined;
  detail?: string | undefined;
}

export interface AcknowledgementInput {
  name: string;
  /** From the signature widget (renderer/ui/signature): drawn (PNG data URL) or typed. */
  signature: { method: 'drawn'; dataUrl: string; strokes: number } | { method: 'typed'; typedName: string } | null;
}

/** Waiting for somebody: not closed. */
export const FOLLOW_UP_STATUSES: readonly MessageStatus[] = ['open', 'delivered', 'acknowledged'];

const line = (v: string | undefined, max: number) => {
  const c = cleanName(v ?? '').slice(0, max);
  return c ? c : undefined;
};

export class MessageRepository extends RecordRepository<'messages'> {
  protected override readonly relatedTables = ['settings' as const];

  constructor(db: FrontDeskDatabase) {
    super(db, 'messages');
  }

  protected override describe(record: Message): string {
    return `message${record.toName ? ` for ${record.toName}` : ''}${record.fromName ? ` from ${record.fromName}` : ''} (${record.status})`;
  }

  /** A new open message; its due time follows from the urgency unless given. */
  async createMessage(input: MessageInput): Promise<Message> {
    const content = cleanText(input.content).trim();
    if (!content) throw new ValidationError({ content: 'required' });
    if (!input.toStaffId && !input.toDepartmentId && !line(input.toName, 64)) throw new ValidationError({ to: 'required' });
    const now = Date.now();
    const urgency = input.urgency ?? 'normal';
    const fromPhone = line(input.fromPhone, 64);
    return this.transaction(async () => {
      const areaCode = await deskAreaCode(this.db);
      const fields = withoutUndefined({
        toStaffId: input.toStaffId,
        toDepartmentId: input.toDepartmentId,
        toName: line(input.toName, 64),
        fromName: line(input.fromName, 64),
        fromCompany: line(input.fromCompany, 200),
        fromPhone,
        fromPhoneKey: textKeys().phoneKey(fromPhone, { areaCode }),
        content: content.slice(0, 4000),
        callNoteId: input.callNoteId,
        callId: input.callId,
        urgency,
        dueAt: input.dueAt ?? defaultMessageDueAt(now, urgency),
        status: 'open' as const,
        followUps: [],
      }) as NewRecord<Message>;
      return this.writes.create('messages', fields, (r) => ({ action: 'create', summary: `message for ${r.toName ?? r.toStaffId ?? r.toDepartmentId} (${urgency})` }), { at: now });
    });
  }

  private async change(id: string, event: MessageEvent | ((m: Message) => MessageEvent), changes: (m: Message, status: MessageStatus, at: number) => Partial<Message>, summary: (m: Message, status: MessageStatus) => string): Promise<Message> {
    return this.transaction(async () => {
      const existing = await this.table.get(id);
      if (!existing || existing.deletedAt !== undefined) throw new RecordNotFoundError('messages', id);
      const result = nextMessageStatus(existing.status, typeof event === 'function' ? event(existing) : event, existing.acknowledgedAt !== undefined);
      if (!result.ok) throw new MessageTransitionError(result.refusal);
      const at = Math.max(Date.now(), existing.updatedAt);
      return this.writes.patch('messages', existing, { ...changes(existing, result.status, at), status: result.status }, { action: 'update', summary: summary(existing, result.status) }, { at });
    });
  }

  /** Records a delivery attempt (its channel, and for SIP the PBX's answer); a successful one delivers. */
  deliver(id: string, input: DeliveryInput): Promise<Message> {
    return this.change(
      id,
      { type: 'deliver', channel: input.channel, ok: input.ok },
      (m, status, at) => {
        const delivery: Delivery = withoutUndefined({ at, channel: input.channel, by: this.db.desk.actorId, target: input.target?.slice(0, 200), statusCode: input.statusCode, ok: input.ok ? 1 : 0, detail: input.detail?.slice(0, 500) }) as Delivery;
        return { status, deliveries: [...(m.deliveries ?? []), delivery].slice(-100), deliveredAt: m.deliveredAt ?? (input.ok ? at : undefined) };
      },
      (m, status) => `message ${m.id} ${input.ok ? 'delivered' : 'delivery failed'} by ${input.channel}${input.statusCode ? ` (${input.statusCode})` : ''}: ${m.status} → ${status}`,
    );
  }

  /** The recipient's "sign to confirm": name, time and a drawn or typed signature. */
  acknowledge(id: string, input: AcknowledgementInput): Promise<Message> {
    const name = line(input.name, 64) ?? '';
    const sig = input.signature;
    return this.change(
      id,
      { type: 'acknowledge', name, signed: sig !== null },
      (_m, _status, at) => {
        const acknowledgement: Acknowledgement = withoutUndefined({
          name,
          at,
          method: sig!.method,
          signature: sig!.method === 'drawn' ? sig!.dataUrl : undefined,
          strokes: sig!.method === 'drawn' ? sig!.strokes : undefined,
        }) as Acknowledgement;
        return { acknowledgedAt: at, acknowledgedBy: name, acknowledgement };
      },
      (m, status) => `message ${m.id} acknowledged by ${name} (${sig?.method ?? 'none'} signature): ${m.status} → ${status}`,
    );
  }

  /**
   * Closes the matter. Before acknowledgement only a supervisor may, with a reason: the signed-in person
   * needs `closeUnacknowledged` (shared/auth/permissions.ts), else PermissionDeniedError and nothing changes.
   */
  close(id: string, options: { reason?: string | undefined } = {}): Promise<Message> {
    const reason = cleanText(options.reason ?? '').trim().slice(0, 2000) || undefined;
    return this.change(
      id,
      (m) => {
        const early = m.status !== 'acknowledged' && m.status !== 'closed';
        if (early) this.db.access.assertAction('closeUnacknowledged');
        return { type: 'close', supervisor: early, reason };
      },
      (_m, _s, at) => ({ closedAt: at, closedBy: this.db.desk.actorId, closeReason: reason }),
      (m, status) => `message ${m.id} closed${m.status !== 'acknowledged' ? ` before acknowledgement by a supervisor: ${reason}` : ''}: ${m.status} → ${status}`,
    );
  }

  reopen(id: string): Promise<Message> {
    return this.change(id, { type: 'reopen' }, () => ({ closedAt: undefined, closedBy: undefined }), (m, status) => `message ${m.id} reopened: ${m.status} → ${status}`);
  }

  /** A reminder given (the desk called or notified again): stored and audited, status unchanged. */
  async remind(id: string, text?: string): Promise<Message> {
    return this.transaction(async () => {
      const existing = await this.live(id);
      if (existing.status === 'closed') throw new MessageTransitionError('alreadyClosed');
      const at = Math.max(Date.now(), existing.updatedAt);
      const followUps = text?.trim() ? [...existing.followUps, { at, by: this.db.desk.actorId, text: cleanText(text).trim().slice(0, 2000) }] : existing.followUps;
      return this.writes.patch('messages', existing, { remindedAt: [...(existing.remindedAt ?? []), at].slice(-200), followUps }, { action: 'update', summary: `reminder for message ${id}` }, { at });
    });
  }

  /** Messages not closed, newest first, by [status+createdAt]. */
  async followUpList(limit = 500): Promise<Message[]> {
    const out: Message[] = [];
    for (const status of FOLLOW_UP_STATUSES) {
      out.push(...(await this.db.messages.where('[status+createdAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).reverse().filter((m) => m.deletedAt === undefined).limit(limit).toArray()));
    }
    return out.sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
  }

  async recentClosed(limit = 50): Promise<Message[]> {
    return this.db.messages.where('[status+createdAt]').between(['closed', Dexie.minKey], ['closed', Dexie.maxKey]).reverse().filter((m) => m.deletedAt === undefined).limit(limit).toArray();
  }

  /** Open and overdue counts for the dashboard. */
  async waitingCounts(now: number): Promise<{ open: number; overdue: number }> {
    const list = await this.followUpList(10_000);
    return { open: list.length, overdue: list.filter((m) => isMessageOverdue(m, now)).length };
  }

  /** Messages not closed that came from this number or are for this staff member (caller recognition). */
  async openForCaller(number: string | undefined, staffId?: string): Promise<Message[]> {
    const { phoneKey } = await textKeysReady();
    const key = phoneKey(number, { areaCode: await deskAreaCode(this.db) });
    const found = new Map<string, Message>();
    if (key) for (const m of await this.db.messages.where('fromPhoneKey').equals(key).reverse().limit(50).toArray()) found.set(m.id, m);
    if (staffId) for (const m of await this.db.messages.where('[toStaffId+createdAt]').between([staffId, Dexie.minKey], [staffId, Dexie.maxKey]).reverse().limit(50).toArray()) found.set(m.id, m);
    return [...found.values()].filter((m) => m.deletedAt === undefined && m.status !== 'closed').sort((a, b) => b.createdAt - a.createdAt);
  }
}
