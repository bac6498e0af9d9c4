// Visitors' suggestions and complaints (意见/投诉). The repository enforces the follow-up rules of
// shared/complaints/complaintRules.ts on every write (default due date, reply → answered with its date,
// first follow-up → in progress), so a screen cannot store an item that breaks them; every change is
// audited by the generic repository in the same transaction.
import Dexie from 'dexie';
import type { Complaint, FollowUp } from '@shared/domain/visitors';
import type { NewRecord } from '@shared/domain/record';
import { defaultDueAt, isOverdue, nextStatus, WAITING_STATUSES } from '@shared/complaints/complaintRules';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { RecordRepository, ValidationError, withoutUndefined } from './recordRepository';

/** What a screen supplies; status defaults to open, dueAt to three working days, followUps to none. */
export type ComplaintInput = Omit<NewRecord<Complaint>, 'status' | 'followUps' | 'repliedAt'> & {
  status?: Complaint['status'];
  followUps?: FollowUp[];
  repliedAt?: number;
};

export class ComplaintRepository extends RecordRepository<'complaints', ComplaintInput> {
  constructor(db: FrontDeskDatabase) {
    super(db, 'complaints');
  }

  protected override describe(record: Complaint): string {
    return `${record.kind}${record.name ? ` from ${record.name}` : ''} (${record.status})`;
  }

  protected override async toFields(input: ComplaintInput, existing: Complaint | undefined): Promise<NewRecord<Complaint>> {
    const now = Date.now();
    const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
    const draft = {
      ...input,
      name: trimmed(input.name),
      contact: trimmed(input.contact),
      content: input.content?.trim() ?? '',
      category: trimmed(input.category),
      ownerName: trimmed(input.ownerName),
      reply: trimmed(input.reply),
      status: input.status ?? 'open',
      followUps: input.followUps ?? [],
      dueAt: input.dueAt ?? existing?.dueAt ?? defaultDueAt(existing?.createdAt ?? now),
    };
    const status = nextStatus(existing, draft);
    const replyIsNew = draft.reply !== undefined && draft.reply !== existing?.reply;
    if (status === 'answered' && !draft.reply) throw new ValidationError({ reply: 'required' });
    const fields = withoutUndefined({
      ...draft,
      status,
      repliedAt: replyIsNew ? now : draft.reply ? (input.repliedAt ?? existing?.repliedAt) : undefined,
    });
    return fields; // validate() checks the stored shape
  }

  /** Saves the answer given to the visitor: the item becomes answered, dated now. */
  reply(id: string, reply: string): Promise<Complaint> {
    return this.update(id, { reply }, { summary: `replied to complaint ${id}` });
  }

  /** Appends a follow-up note by the acting operator; an open item moves to in progress. */
  async addFollowUp(id: string, text: string): Promise<Complaint> {
    const clean = text.trim();
    if (!clean) throw new ValidationError({ followUp: 'required' });
    const existing = await this.get(id);
    if (!existing) return this.update(id, {}); // throws RecordNotFoundError
    const entry: FollowUp = { at: Date.now(), by: this.db.desk.actorId, text: clean };
    return this.update(id, { followUps: [...existing.followUps, entry] }, { summary: `follow-up on complaint ${id}` });
  }

  /** Newest first, optionally of one status, served by [status+createdAt] (or createdAt for all). */
  listByStatus(status: Complaint['status'] | undefined, limit = 200): Promise<Complaint[]> {
    const collection = status
      ? this.db.complaints.where('[status+createdAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).reverse()
      : this.db.complaints.orderBy('createdAt').reverse();
    return collection.filter((c) => c.deletedAt === undefined).limit(limit).toArray();
  }

  /** Items still waiting (open, in progress), and how many of them are past due. Reads only those. */
  async waitingCounts(now: number): Promise<{ open: number; overdue: number }> {
    let open = 0;
    let overdue = 0;
    for (const status of WAITING_STATUSES) {
      await this.db.complaints
        .where('[status+createdAt]')
        .between([status, Dexie.minKey], [status, Dexie.maxKey])
        .each((c) => {
          if (c.deletedAt !== undefined) return;
          open += 1;
          if (isOverdue(c, now)) overdue += 1;
        });
    }
    return { open, overdue };
  }
}
