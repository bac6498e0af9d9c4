// The phone-record archive's search (issue 12, "Phone-record archive screen"): stored calls with their notes,
// by name (characters, full pinyin, initials), company or number, a date range, direction and outcome,
// newest first, a page at a time by key, never by offset (docs/ARCHITECTURE.md, "Storage").
//
// Two plans, chosen per query:
// - a selective text token: the ids it names come from indexes (the notes' `*searchKeys`, which hold the
//   caller's name, its pinyin, the company and the number's keys; the calls' number indexes for digits),
//   at most CANDIDATE_CAP of them (a few hundred rows read in one go); those calls are read, filtered and sorted, and the page starts after
//   the cursor;
// - a token so common it names more than the cap, with a word that is not a number (a name, its pinyin, a
//   company): only a call's note can match it, so the notes are walked in their calls' order (the
//   `[callStartedAt+callId]` index, schema v10) backwards from the cursor, each note's own keys checked, and
//   only the calls of matching notes read: one note per ten calls instead of every call. At most SCAN_BUDGET
//   notes a page, resumed like the scan below;
// - otherwise (no text, or only numbers): the calls' time index (or
//   `[disposition+startedAt]` when an outcome is chosen) is walked backwards from the cursor in short
//   chunks, each row checked against the query, at most SCAN_BUDGET rows a page. A page that ran out of
//   budget returns what it found with a cursor at the last row it read, so the next page resumes there.
// Reads only: the read permission of calls and call notes (and messages for one record) is checked first.
import Dexie, { type Collection } from 'dexie';
import type { Call, CallDispositionValue, CallNote, Message } from '@shared/domain/switchboard';
import { CALL_DIRECTIONS } from '@shared/domain/plain/switchboard';
import { matchesAllTokens, normaliseQuery } from '@shared/search/textNormalise';
import type { FrontDeskDatabase } from './FrontDeskDatabase';

export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export interface CallArchiveQuery {
  /** Name, pinyin (full or initials), company or number; several words must all match. */
  text?: string;
  /** Calls that started at or after this instant (epoch ms). */
  from?: number;
  /** Calls that started before this instant. */
  to?: number;
  direction?: CallDirection;
  disposition?: CallDispositionValue;
}

export interface CallArchiveCursor {
  startedAt: number;
  id: string;
}

export interface CallArchiveRow {
  call: Call;
  note?: CallNote;
}

export interface CallArchivePage {
  rows: CallArchiveRow[];
  /** Pass back as `after` for the next page; absent when nothing more can match. */
  next?: CallArchiveCursor;
  /** Which plan answered (for the benchmark and the tests). */
  plan: 'index' | 'notes' | 'scan';
}

export interface CallArchiveRecord {
  call: Call;
  note?: CallNote;
  /** Messages taken during the call (by its note). */
  messages: Message[];
  /** The consultation legs of an attended transfer of this call. */
  consultations: Call[];
}

export const CANDIDATE_CAP = 500;
/** A word of the query that is a number (digits, maybe with a leading +): it may match a call's own number. */
const NUMBER_TOKEN = /^\+?\d+$/;
const SCAN_CHUNK = 500;
export const SCAN_BUDGET = 5000;

/** Newest first: later start, then the larger id. */
function before(a: CallArchiveCursor, b: CallArchiveCursor): boolean {
  return a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.id < b.id);
}

function byNewest(a: CallArchiveRow, b: CallArchiveRow): number {
  if (a.call.startedAt !== b.call.startedAt) return b.call.startedAt - a.call.startedAt;
  return a.call.id < b.call.id ? 1 : a.call.id > b.call.id ? -1 : 0;
}

/**
 * The keys a row is matched by: exactly what the indexes of the index plan hold (its note's search keys,
 * the number as received and its phone key), so both plans find the same rows. The SIP display name is
 * not indexed (it is what the caller's phone claims; the note holds the name the operator wrote down).
 */
function rowKeys(call: Call, note: CallNote | undefined): string[] {
  const keys = [...(note?.searchKeys ?? []), call.remoteNumberDigits];
  if (call.remoteNumberKey) keys.push(call.remoteNumberKey, call.remoteNumberKey.replace(/^\+86/, ''));
  return keys;
}

function inRange(call: Call, query: CallArchiveQuery): boolean {
  return (query.from === undefined || call.startedAt >= query.from) && (query.to === undefined || call.startedAt < query.to);
}

function matchesFilters(call: Call, query: CallArchiveQuery): boolean {
  return (
    call.deletedAt === undefined &&
    inRange(call, query) &&
    (query.direction === undefined || call.direction === query.direction) &&
    (query.disposition === undefined || call.disposition === query.disposition)
  );
}

export class CallArchive {
  constructor(private readonly db: FrontDeskDatabase) {}

  private assertReadable(): void {
    this.db.access.assertRead('calls');
    this.db.access.assertRead('callNotes');
  }

  /** One page of the calls matching `query`, newest first, after `after`. */
  async search(query: CallArchiveQuery, options: { after?: CallArchiveCursor; limit?: number } = {}): Promise<CallArchivePage> {
    this.assertReadable();
    const limit = Math.max(1, Math.min(options.limit ?? 100, 500));
    const tokens = normaliseQuery(query.text ?? '');
    if (query.from !== undefined && query.to !== undefined && query.to <= query.from) return { rows: [], plan: 'index' };
    if (tokens.length > 0) {
      const found = await this.candidates(tokens[0]!);
      if (found) return this.candidatePage(found, tokens, query, options.after, limit);
    }
    if (tokens.some((token) => !NUMBER_TOKEN.test(token))) return this.notePage(tokens, query, options.after, limit);
    return this.scanPage(tokens, query, options.after, limit);
  }

  /**
   * The notes of the calls in the query's time range, newest call first, from the cursor down. A note's own
   * keys must match every word that is not a number (a number may also match the call's own number); the
   * call is then read and checked as the scan checks it, with the note the scan would pick.
   */
  private async notePage(tokens: string[], query: CallArchiveQuery, after: CallArchiveCursor | undefined, limit: number): Promise<CallArchivePage> {
    const words = tokens.filter((token) => !NUMBER_TOKEN.test(token));
    const lower: [number, string] = [query.from ?? -Infinity, Dexie.minKey as unknown as string];
    const rows: CallArchiveRow[] = [];
    const seen = new Set<string>();
    let cursor: [number, string] | undefined = after ? [after.startedAt, after.id] : undefined;
    let scanned = 0;
    let size = Math.min(SCAN_CHUNK, limit + 1);
    for (;;) {
      const upper: [number, string] = cursor ?? [query.to ?? Infinity, Dexie.minKey as unknown as string];
      const chunk = await this.db.callNotes.where('[callStartedAt+callId]').between(lower, upper, true, false).reverse().limit(size).toArray();
      scanned += chunk.length;
      const matching = chunk.filter((n) => n.callId !== undefined && n.deletedAt === undefined && !seen.has(n.callId) && matchesAllTokens(n.searchKeys, words));
      for (const n of matching) seen.add(n.callId!);
      const calls = (await this.db.calls.bulkGet(matching.map((n) => n.callId!))).filter((c): c is Call => c !== undefined && matchesFilters(c, query));
      const notes = await this.notesOf(calls);
      // bulkGet keeps the notes' order: newest call first.
      for (const call of calls) {
        const note = notes.get(call.id);
        if (!matchesAllTokens(rowKeys(call, note), tokens)) continue;
        rows.push(note ? { call, note } : { call });
        if (rows.length === limit) return { rows, next: { startedAt: call.startedAt, id: call.id }, plan: 'notes' };
      }
      const last = chunk[chunk.length - 1];
      if (chunk.length < size || !last) return { rows, plan: 'notes' };
      size = Math.min(SCAN_CHUNK, size * 2);
      cursor = [last.callStartedAt!, last.callId!];
      if (scanned >= SCAN_BUDGET) return { rows, next: { startedAt: cursor[0], id: cursor[1] }, plan: 'notes' };
    }
  }

  /** The ids of the calls a token names through the indexes; undefined when more than CANDIDATE_CAP. */
  private async candidates(token: string): Promise<{ ids: Set<string>; notes: CallNote[] } | undefined> {
    const ids = new Set<string>();
    const noteIds = (await this.db.callNotes.where('searchKeys').startsWith(token).distinct().limit(CANDIDATE_CAP + 1).primaryKeys()) as string[];
    if (noteIds.length > CANDIDATE_CAP) return undefined;
    const notes = (await this.db.callNotes.bulkGet(noteIds)).filter((n): n is CallNote => n !== undefined && n.callId !== undefined && n.deletedAt === undefined);
    for (const note of notes) ids.add(note.callId!);
    const digits = token.replace(/^\+/, '');
    if (/^\d{3,}$/.test(digits)) {
      const prefixes: [string, string][] = [];
      if (!token.startsWith('+')) prefixes.push(['[remoteNumberDigits+startedAt]', token]);
      // The phone key is E.164: "+86…" for a number written with the trunk prefix 0 or none.
      prefixes.push(['[remoteNumberKey+startedAt]', token.startsWith('+') ? token : `+86${token.replace(/^0/, '')}`]);
      for (const [index, prefix] of prefixes) {
        const found = (await this.db.calls.where(index).between([prefix, Dexie.minKey], [`${prefix}\uffff`, Dexie.maxKey]).limit(CANDIDATE_CAP + 1).primaryKeys()) as string[];
        for (const id of found) ids.add(id);
        if (ids.size > CANDIDATE_CAP) return undefined;
      }
    }
    return ids.size > CANDIDATE_CAP ? undefined : { ids, notes };
  }

  private async notesOf(calls: readonly Call[]): Promise<Map<string, CallNote>> {
    const notes = new Map<string, CallNote>();
    if (calls.length === 0) return notes;
    const found = await this.db.callNotes.where('callId').anyOf(calls.map((c) => c.id)).toArray();
    // The newest live note of a call (there is one; an older desk may have written two).
    for (const note of found.sort((a, b) => (a.id < b.id ? -1 : 1))) if (note.callId && note.deletedAt === undefined) notes.set(note.callId, note);
    return notes;
  }

  private async candidatePage(found: { ids: Set<string>; notes: CallNote[] }, tokens: string[], query: CallArchiveQuery, after: CallArchiveCursor | undefined, limit: number): Promise<CallArchivePage> {
    const calls = (await this.db.calls.bulkGet([...found.ids])).filter((c): c is Call => c !== undefined && matchesFilters(c, query) && (!after || before({ startedAt: c.startedAt, id: c.id }, after)));
    // The notes the token found are the notes of those calls; calls found by number alone are looked up.
    const notes = new Map<string, CallNote>();
    for (const note of found.notes.sort((a, b) => (a.id < b.id ? -1 : 1))) notes.set(note.callId!, note);
    const unnoted = calls.filter((c) => !notes.has(c.id));
    for (const [id, note] of await this.notesOf(unnoted)) notes.set(id, note);
    const rows = calls
      .map((call) => ({ call, note: notes.get(call.id) }))
      .filter((r) => matchesAllTokens(rowKeys(r.call, r.note), tokens))
      .sort(byNewest)
      .map((r) => (r.note ? r : { call: r.call }));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return rows.length > limit && last ? { rows: page, next: { startedAt: last.call.startedAt, id: last.call.id }, plan: 'index' } : { rows: page, plan: 'index' };
  }

  private scanCollection(query: CallArchiveQuery, after: CallArchiveCursor | undefined): Collection<Call, string> {
    const lower = query.from ?? -Infinity;
    const upper = after ? after.startedAt : (query.to ?? Infinity);
    const upperOpen = !after;
    const collection = query.disposition
      ? this.db.calls.where('[disposition+startedAt]').between([query.disposition, lower], [query.disposition, upper], true, !upperOpen)
      : this.db.calls.where('startedAt').between(lower, upper, true, !upperOpen);
    const reversed = collection.reverse();
    // Rows sharing the cursor's start time come in descending id order: skip those already shown.
    return after ? reversed.filter((c) => c.startedAt < after.startedAt || c.id < after.id) : reversed;
  }

  private async scanPage(tokens: string[], query: CallArchiveQuery, after: CallArchiveCursor | undefined, limit: number): Promise<CallArchivePage> {
    const rows: CallArchiveRow[] = [];
    let cursor = after;
    let scanned = 0;
    // The first chunk is what a page needs when every row matches; later ones grow (sparse matches).
    let size = Math.min(SCAN_CHUNK, limit + 1);
    for (;;) {
      const chunk = await this.scanCollection(query, cursor).limit(size).toArray();
      scanned += chunk.length;
      const kept = chunk.filter((c) => matchesFilters(c, query));
      const notes = await this.notesOf(kept);
      for (const call of kept) {
        const note = notes.get(call.id);
        if (tokens.length > 0 && !matchesAllTokens(rowKeys(call, note), tokens)) continue;
        rows.push(note ? { call, note } : { call });
        if (rows.length === limit) {
          // Full: the next page starts after this row (the rest of the chunk is read again then).
          return { rows, next: { startedAt: call.startedAt, id: call.id }, plan: 'scan' };
        }
      }
      const last = chunk[chunk.length - 1];
      if (chunk.length < size || !last) return { rows, plan: 'scan' };
      size = Math.min(SCAN_CHUNK, size * 2);
      cursor = { startedAt: last.startedAt, id: last.id };
      if (scanned >= SCAN_BUDGET) return { rows, next: cursor, plan: 'scan' };
    }
  }

  /** One call with its note, the messages taken during it and its consultation legs. */
  async record(callId: string): Promise<CallArchiveRecord | undefined> {
    this.assertReadable();
    const call = await this.db.calls.get(callId);
    if (!call || call.deletedAt !== undefined) return undefined;
    const note = (await this.notesOf([call])).get(call.id);
    let messages: Message[] = [];
    if (note) {
      this.db.access.assertRead('messages');
      messages = (await this.db.messages.where('callNoteId').equals(note.id).toArray()).filter((m) => m.deletedAt === undefined);
    }
    const consultations = call.transferKind === 'attended'
      ? (await this.db.calls.where('startedAt').between(call.startedAt, call.endedAt ?? call.startedAt + 3_600_000, true, true).toArray()).filter((c) => c.consultFor === call.id && c.deletedAt === undefined)
      : [];
    return note ? { call, note, messages, consultations } : { call, messages, consultations };
  }
}
