// Call notes (来电记录, issue 10): one note per call record, written while the operator talks and after the
// caller hung up. The note screen autosaves every change (features/callnotes), so `saveForCall` is an upsert
// that skips the write when nothing stored changed, and is cheap however many calls are stored: it reads
// the note by its `callId` index, never the calls. Suggestions of name and company come from the newest
// notes of the same number (`phoneDigits` holds the number's phone key, with the desk's area code).
import Dexie from 'dexie';
import type { Call, CallNote } from '@shared/domain/switchboard';
import type { NewRecord } from '@shared/domain/record';
import { normaliseText } from '@shared/search/textNormalise';
import { textKeysReady, type TextKeys } from './textKeys';
import { cleanName, cleanText } from '@shared/text/cleanText';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { deskAreaCode } from './deskSettings';
import { RecordRepository, withoutUndefined, type WriteOptions } from './recordRepository';

export interface CallNoteInput {
  callId?: string | undefined;
  callerName?: string | undefined;
  company?: string | undefined;
  phone?: string | undefined;
  reason?: string | undefined;
  category?: string | undefined;
  important?: boolean | 0 | 1 | undefined;
  keyPoints?: { time?: string | undefined; place?: string | undefined; people?: string | undefined; matter?: string | undefined } | undefined;
}

export interface CallerSuggestion {
  callerName?: string;
  company?: string;
}

const line = (v: string | undefined, max: number) => {
  const c = cleanName(v ?? '').slice(0, max);
  return c ? c : undefined;
};
const text = (v: string | undefined, max: number) => {
  const c = cleanText(v ?? '').trim().slice(0, max);
  return c ? c : undefined;
};

/** A note counts as written once it says why the person called (or, for an important call, the matter). */
export function noteHasContent(note: Pick<CallNote, 'reason' | 'keyPoints'> | undefined): boolean {
  return Boolean(note && (note.reason?.trim() || note.keyPoints?.matter?.trim()));
}

/**
 * A note's search keys: the caller's name, the company's words and the number's keys, which depend on the
 * desk's area code (a local landline typed without it); the area-code change re-keys notes with this too
 * (areaCodeRekey.ts).
 */
export function callNoteSearchKeys(
  keyFns: Pick<TextKeys, 'nameSearchKeys' | 'phoneSearchKeys'>,
  note: { callerName?: string | undefined; company?: string | undefined; phone?: string | undefined },
  areaCode: string | undefined,
): string[] {
  const keys = new Set<string>();
  if (note.callerName) for (const k of keyFns.nameSearchKeys(note.callerName)) keys.add(k);
  if (note.company) for (const k of normaliseText(note.company).split(' ')) if (k) keys.add(k);
  for (const k of keyFns.phoneSearchKeys(note.phone, { areaCode })) keys.add(k);
  return [...keys];
}

const STAMPS = new Set(['updatedAt', 'deskId', 'createdAt', 'id']);
function same(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) if (!STAMPS.has(k) && JSON.stringify(x[k]) !== JSON.stringify(y[k])) return false;
  return true;
}

export class CallNoteRepository extends RecordRepository<'callNotes', CallNoteInput> {
  protected override readonly relatedTables = ['settings' as const, 'calls' as const];

  constructor(db: FrontDeskDatabase) {
    super(db, 'callNotes');
  }

  protected override describe(record: CallNote): string {
    return `call note${record.callId ? ` for call ${record.callId}` : ''}${record.important ? ' (important)' : ''}`;
  }

  protected override async toFields(input: CallNoteInput): Promise<NewRecord<CallNote>> {
    const { nameSearchKeys, phoneKey, phoneSearchKeys } = await textKeysReady();
    const areaCode = await deskAreaCode(this.db);
    const callerName = line(input.callerName, 64);
    const company = line(input.company, 200);
    const phone = line(input.phone, 64);
    const important = input.important === true || input.important === 1 ? 1 : 0;
    const kp = input.keyPoints;
    const keyPoints = kp
      ? withoutUndefined({ time: line(kp.time, 200), place: line(kp.place, 200), people: line(kp.people, 200), matter: text(kp.matter, 2000) })
      : undefined;
    const keys = callNoteSearchKeys({ nameSearchKeys, phoneSearchKeys }, { callerName, company, phone }, areaCode);
    const call = input.callId ? await this.db.calls.get(input.callId) : undefined;
    return withoutUndefined({
      callId: input.callId,
      callStartedAt: call?.startedAt,
      callerName,
      company,
      phone,
      phoneDigits: phoneKey(phone, { areaCode }),
      reason: text(input.reason, 2000),
      category: line(input.category, 64) ?? 'other',
      important,
      keyPoints: keyPoints && Object.keys(keyPoints).length ? keyPoints : undefined,
      searchKeys: keys,
    }) as NewRecord<CallNote>;
  }

  /** The live note of a call, if one was written. */
  async forCall(callId: string): Promise<CallNote | undefined> {
    return this.db.callNotes.where('callId').equals(callId).filter((n) => n.deletedAt === undefined).first();
  }

  /**
   * Creates or replaces the note of call `callId` (the autosave). Returns the stored note; writes nothing
   * (and audits nothing) when the note already says exactly this.
   */
  async saveForCall(callId: string, input: CallNoteInput, options: WriteOptions = {}): Promise<CallNote> {
    return this.transaction(async () => {
      const existing = await this.forCall(callId);
      const fields = await this.toFields({ ...input, callId });
      if (existing && same(fields, withoutUndefined({ ...existing }))) return existing;
      if (!existing) {
        return this.writes.create('callNotes', fields, (r) => ({ action: 'create', summary: options.summary ?? `note written for call ${callId}${r.important ? ' (important)' : ''}` }), options);
      }
      return this.writes.update('callNotes', existing, fields, (r) => ({ action: 'update', summary: options.summary ?? `note for call ${callId} saved${r.important ? ' (important)' : ''}` }), options);
    });
  }

  /** The newest notes of a number (its phone key), newest first (ids are ULIDs: creation order). */
  async forNumber(number: string | undefined, limit = 5): Promise<CallNote[]> {
    const { phoneKey } = await textKeysReady();
    const key = phoneKey(number, { areaCode: await deskAreaCode(this.db) });
    if (!key) return [];
    return this.db.callNotes.where('phoneDigits').equals(key).reverse().filter((n) => n.deletedAt === undefined).limit(limit).toArray();
  }

  /** Name and company given in earlier notes of this number, most recent first, each pair once. */
  async suggestions(number: string | undefined, excludeCallId?: string): Promise<CallerSuggestion[]> {
    const notes = await this.forNumber(number, 20);
    const seen = new Set<string>();
    const out: CallerSuggestion[] = [];
    for (const n of notes) {
      if (n.callId === excludeCallId || (!n.callerName && !n.company)) continue;
      const key = `${n.callerName ?? ''}\u0000${n.company ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(withoutUndefined({ callerName: n.callerName, company: n.company }));
    }
    return out;
  }

  /**
   * Calls since `since` that the operator talked to and that have no written note, newest first. Reads
   * at most `scan` calls by the startedAt index and their notes by the callId index.
   */
  async callsWithoutNote(since: number, limit = 50, scan = 500): Promise<Call[]> {
    const calls = await this.talkedToSince(since, scan);
    const written = await this.writtenNoteCallIds(calls.map((c) => c.id));
    return calls.filter((c) => !written.has(c.id)).slice(0, limit);
  }

  /**
   * The calls since `since` the operator talked to (a note is expected of them), newest first, at most
   * `scan`: reads the calls table only, so a live query of it is not woken by a note being written (the
   * switchboard's list of calls without a note runs this and `writtenNoteCallIds` as two live queries).
   */
  async talkedToSince(since: number, scan = 500): Promise<Call[]> {
    return this.db.calls
      .where('startedAt')
      .between(since, Dexie.maxKey)
      .reverse()
      .filter((c) => c.deletedAt === undefined && c.direction !== 'internal' && c.answeredAt !== undefined && c.endedAt !== undefined && c.consultFor === undefined)
      .limit(scan)
      .toArray();
  }

  /** Which of these calls have a written note (noteHasContent), by the callId index. */
  async writtenNoteCallIds(callIds: readonly string[]): Promise<Set<string>> {
    if (callIds.length === 0) return new Set();
    const notes = await this.db.callNotes.where('callId').anyOf([...callIds]).toArray();
    return new Set(notes.filter((n) => n.deletedAt === undefined && noteHasContent(n)).flatMap((n) => (n.callId ? [n.callId] : [])));
  }
}
