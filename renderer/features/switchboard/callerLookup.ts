// Who is calling: the directory (extension or mobile) and earlier calls and notes for the number,
// so the pop-up can greet the caller by name and remind the operator of the last note.
import { phoneKey } from '@shared/phone/phoneKey';
import { getDatabase } from '../../db';

export interface CallerInfo {
  name?: string;
  company?: string;
  department?: string;
  earlierCalls: number;
  lastCallAt?: number;
  lastNote?: string;
}

export async function lookupCaller(number: string, excludeCallId?: string): Promise<CallerInfo> {
  const digits = phoneKey(number) ?? '';
  const info: CallerInfo = { earlierCalls: 0 };
  if (!digits) return info;
  const db = getDatabase();
  await db.open();
  const person =
    (await db.staff.where('extension').equals(number).filter((p) => p.deletedAt === undefined).first()) ??
    (await db.staff.where('mobileDigits').equals(digits).filter((p) => p.deletedAt === undefined).first());
  if (person) {
    info.name = person.name;
    const department = person.departmentId ? await db.departments.get(person.departmentId) : undefined;
    info.department = department?.name;
  }
  const earlier = await db.calls
    .where('[remoteNumberKey+startedAt]')
    .between([digits, 0], [digits, Number.MAX_SAFE_INTEGER])
    .filter((c) => c.id !== excludeCallId && c.deletedAt === undefined)
    .reverse()
    .toArray();
  info.earlierCalls = earlier.length;
  info.lastCallAt = earlier[0]?.startedAt;
  if (!info.name) info.name = earlier.find((c) => c.remoteName)?.remoteName;
  const note = await db.callNotes
    .where('phoneDigits')
    .equals(digits)
    .filter((n) => n.deletedAt === undefined)
    .reverse()
    .sortBy('createdAt')
    .then((notes) => notes[0]);
  if (note) {
    info.lastNote = note.reason ?? note.keyPoints?.matter;
    info.name ??= note.callerName;
    info.company = note.company;
  }
  return info;
}
