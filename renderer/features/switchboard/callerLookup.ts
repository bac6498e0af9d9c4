// Who is calling: the directory (extension or mobile), earlier calls and notes of the number and the
// open messages for or from the caller (issue 10, "caller recognition"), so the pop-up can greet the
// caller by name and remind the operator of the last note. One key per number (shared/phone/phoneKey.ts,
// with the desk's area code), and every read is an index range with a bound: the number of earlier
// calls is counted by the index ([remoteNumberKey+startedAt]), never by loading them, so the pop-up costs
// the same with a million calls stored.
import { phoneKey } from '@shared/phone/phoneKey';
import { deskAreaCode, getDatabase, repositoriesOf } from '../../db';

export interface CallerNoteSummary {
  at: number;
  text: string;
  important: boolean;
}

export interface CallerInfo {
  name?: string;
  company?: string;
  department?: string;
  earlierCalls: number;
  lastCallAt?: number;
  lastNote?: string;
  /** The newest notes of the number (up to three), newest first. */
  notes: CallerNoteSummary[];
  /** Messages not closed, from this number or for this person. */
  openMessages: { id: string; toName?: string; fromName?: string; status: string; direction: 'from' | 'for' }[];
}

export async function lookupCaller(number: string, excludeCallId?: string): Promise<CallerInfo> {
  const info: CallerInfo = { earlierCalls: 0, notes: [], openMessages: [] };
  const db = getDatabase();
  await db.open();
  const key = phoneKey(number, { areaCode: await deskAreaCode(db) }) ?? '';
  if (!key) return info;
  const repos = repositoriesOf(db);
  const person =
    (await db.staff.where('extension').equals(number).filter((p) => p.deletedAt === undefined).first()) ??
    (await db.staff.where('mobileDigits').equals(key).filter((p) => p.deletedAt === undefined).first());
  const range = db.calls.where('[remoteNumberKey+startedAt]').between([key, 0], [key, Number.MAX_SAFE_INTEGER]);
  const [department, total, newest, notes, messages] = await Promise.all([
    person?.departmentId ? db.departments.get(person.departmentId) : undefined,
    range.count(),
    db.calls.where('[remoteNumberKey+startedAt]').between([key, 0], [key, Number.MAX_SAFE_INTEGER]).reverse().filter((c) => c.deletedAt === undefined).limit(6).toArray(),
    repos.callNotes.forNumber(number, 3),
    repos.messages.openForCaller(number, person?.id),
  ]);
  const earlier = newest.filter((c) => c.id !== excludeCallId);
  info.earlierCalls = Math.max(0, total - (newest.length - earlier.length));
  info.lastCallAt = earlier[0]?.startedAt;
  if (person) {
    info.name = person.name;
    info.department = department?.name;
  }
  info.notes = notes
    .filter((n) => n.callId !== excludeCallId)
    .map((n) => ({ at: n.createdAt, text: n.reason ?? n.keyPoints?.matter ?? '', important: n.important === 1 }))
    .filter((n) => n.text);
  const note = notes.find((n) => n.callId !== excludeCallId);
  if (note) {
    info.lastNote = note.reason ?? note.keyPoints?.matter;
    // The name the operator wrote down beats the caller ID's display name.
    info.name ??= note.callerName;
    info.company = note.company;
  }
  info.name ??= earlier.find((c) => c.remoteName)?.remoteName;
  info.openMessages = messages.slice(0, 5).map((m) => ({
    id: m.id,
    ...(m.toName ? { toName: m.toName } : {}),
    ...(m.fromName ? { fromName: m.fromName } : {}),
    status: m.status,
    direction: person && m.toStaffId === person.id ? 'for' : 'from',
  }));
  return info;
}
