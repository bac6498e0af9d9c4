// The call records (话务记录), one row per call, written from the phone's SIP events by
// phone/callRecordWriter.ts. A call's row is rewritten only when something stored changed: a mute, an
// on-screen notice or a transfer NOTIFY that changes nothing stored costs no write transaction, so it
// wakes none of the live queries of the switchboard and dashboard.
import type { NewRecord } from '@shared/domain/record';
import type { Call } from '@shared/domain/switchboard';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { RecordRepository, withoutUndefined } from './recordRepository';
import { textKeysReady } from './textKeys';
import { deskAreaCode } from './deskSettings';
import type { CallArchive, CallArchiveCursor, CallArchivePage, CallArchiveQuery, CallArchiveRecord } from './callArchive';

export interface CallWrite {
  record: Call;
  /** False when the stored row already said exactly this (nothing was written). */
  written: boolean;
}

/** Fields that change on every write by themselves; they do not make a change. */
const STAMPS = new Set(['updatedAt', 'deskId']);

function sameStoredFields(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!STAMPS.has(key) && JSON.stringify(x[key]) !== JSON.stringify(y[key])) return false;
  return true;
}

export class CallRepository extends RecordRepository<'calls'> {
  /** The archive's search (callArchive.ts), loaded on the archive's first use: only reads, never inside a write transaction. */
  private archive: Promise<CallArchive> | undefined;

  constructor(db: FrontDeskDatabase) {
    super(db, 'calls');
  }

  private archiveOf(): Promise<CallArchive> {
    this.archive ??= import('./callArchive').then(
      (module) => new module.CallArchive(this.db),
      (error: unknown) => {
        this.archive = undefined;
        throw error;
      },
    );
    return this.archive;
  }

  /** The phone-record archive: one key-ordered page of the calls (with notes) matching the query, newest first. */
  async searchArchive(query: CallArchiveQuery, options: { after?: CallArchiveCursor; limit?: number } = {}): Promise<CallArchivePage> {
    return (await this.archiveOf()).search(query, options);
  }

  /** One archived call with its note, messages and consultation legs. */
  async archiveRecord(callId: string): Promise<CallArchiveRecord | undefined> {
    return (await this.archiveOf()).record(callId);
  }

  protected override describe(record: Call): string {
    return `${record.direction} call ${record.remoteNumber}`;
  }

  /** Live calls that started between two instants (from inclusive, to exclusive), by the startedAt index. */
  async startedBetween(from: number, to: number): Promise<Call[]> {
    const rows = await this.table.where('startedAt').between(from, to, true, false).toArray();
    return rows.filter((c) => c.deletedAt === undefined);
  }

  /**
   * Stores the record of call `id` as the SIP events describe it now. Created on the first event (audited),
   * replaced on later ones only if a stored field differs; the end of the call is audited once, when it
   * first carries an end time.
   */
  async saveFromEvents(id: string, fields: NewRecord<Call>): Promise<CallWrite> {
    // A local landline sent without its area code is a number only with the desk's area code (issue 10).
    if (fields.remoteNumberKey === undefined && /^\d{7,8}$/.test(fields.remoteNumberDigits)) {
      const { phoneKey } = await textKeysReady();
      const key = phoneKey(fields.remoteNumber, { areaCode: await deskAreaCode(this.db) });
      if (key) fields = { ...fields, remoteNumberKey: key };
    }
    const candidate = (existing: Call | undefined) => withoutUndefined({ ...fields, handledBy: fields.handledBy ?? this.db.desk.actorId, id, createdAt: existing?.createdAt ?? 0 });
    // Compared outside any write transaction: an unchanged call takes no write lock at all.
    const stored = await this.table.get(id);
    if (stored && sameStoredFields(candidate(stored), { ...stored })) return { record: stored, written: false };
    return this.transaction(async () => {
      const existing = await this.table.get(id);
      const { id: _id, createdAt: _createdAt, ...next } = candidate(existing);
      if (!existing) {
        const record = await this.writes.create('calls', next, (r) => ({ action: 'create', summary: `${r.direction} call ${r.remoteNumber} on line ${r.line}` }), { id });
        return { record, written: true };
      }
      if (sameStoredFields({ ...next, id, createdAt: existing.createdAt }, existing)) return { record: existing, written: false };
      const ended = next.endedAt !== undefined && existing.endedAt === undefined;
      const record = await this.writes.update('calls', existing, next, ended ? (r) => ({ action: 'update', summary: `call ${r.remoteNumber} ended: ${r.disposition}` }) : null);
      return { record, written: true };
    });
  }
}
