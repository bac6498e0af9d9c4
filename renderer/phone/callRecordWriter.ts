// Writes the call record for every line from its SIP events: created when the call starts ringing,
// updated as it is answered, held and transferred, and final when it ends. Writes of one call are
// serialised so a slow write never lands after a newer one.
import { buildCallRecord } from '@shared/calls/callRecord';
import type { CallSnapshot } from '@shared/calls/callMachine';
import { callSchema, type Call } from '@shared/domain/switchboard';
import { appendAudit, getDatabase, withoutUndefined } from '../db';
import type { CallRecordSink } from './softphone';
import type { LineView } from './phoneTypes';

export interface CallRecordWriterOptions {
  ownExtension?: () => string | undefined;
  onError?: (error: unknown) => void;
}

export class CallRecordWriter implements CallRecordSink {
  private chains = new Map<string, Promise<void>>();
  private lastDisposition = new Map<string, Call['disposition']>();

  constructor(private readonly options: CallRecordWriterOptions = {}) {}

  record(line: LineView, call: CallSnapshot): void {
    const fields = buildCallRecord(call, {
      remoteUser: line.remoteUser,
      remoteName: line.remoteName,
      lineNo: line.lineNo,
      sipCallId: line.sipCallId,
      ownExtension: this.options.ownExtension?.(),
      consultFor: line.consultFor,
    });
    // Nothing worth a write changed (e.g. only a notice on screen).
    const previous = this.lastDisposition.get(line.id);
    this.lastDisposition.set(line.id, fields.disposition);
    if (call.state === 'ended') this.lastDisposition.delete(line.id);
    const chain = (this.chains.get(line.id) ?? Promise.resolve())
      .then(() => this.write(line.id, fields, previous))
      .catch((error: unknown) => this.options.onError?.(error));
    this.chains.set(line.id, chain);
    void chain.then(() => {
      if (this.chains.get(line.id) === chain) this.chains.delete(line.id);
    });
  }

  /** Resolves when every pending write has landed (tests and shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  private async write(id: string, fields: ReturnType<typeof buildCallRecord>, previousDisposition: Call['disposition'] | undefined): Promise<void> {
    const db = getDatabase();
    await db.open();
    await db.transaction('rw', [db.calls, db.auditLog], async () => {
      const existing = await db.calls.get(id);
      const now = Math.max(Date.now(), existing?.updatedAt ?? 0);
      const record = callSchema.parse(
        withoutUndefined({ ...fields, handledBy: fields.handledBy ?? db.desk.actorId, id, createdAt: existing?.createdAt ?? now, updatedAt: now, deskId: db.desk.deskId }),
      );
      await db.calls.put(record);
      if (!existing) {
        await appendAudit(db, { action: 'create', entityTable: 'calls', entityId: id, at: now, summary: `${record.direction} call ${record.remoteNumber} on line ${record.line}` });
      } else if (record.disposition !== previousDisposition && record.endedAt !== undefined && existing.endedAt === undefined) {
        await appendAudit(db, { action: 'update', entityTable: 'calls', entityId: id, at: now, summary: `call ${record.remoteNumber} ended: ${record.disposition}` });
      }
    });
  }
}
