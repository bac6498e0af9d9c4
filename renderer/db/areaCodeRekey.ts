// The desk's area code changed (Settings → switchboard records): re-key the stored numbers whose phone key
// depends on it. A local landline typed or presented without its area code ("6552 9988") is a number only
// with the desk's area code (shared/phone/phoneKey.ts), so its key changes with it: a call record's
// `remoteNumberKey`, a call note's `phoneDigits` and search keys, a message's `fromPhoneKey`. Without this, a
// caller stored before the change would not be recognised after it.
//
// Runs INSIDE the write transaction that stores the new area code (SettingsRepository.setValue), through
// the write path (each row validated and stamped), with one audit entry for the whole re-key: the setting
// and every key change are stored together or not at all. Text keys are loaded before that transaction
// opens (WritePath.transaction), so the synchronous textKeys() is safe here.
//
// Cost: only numbers shaped like a local landline (7 or 8 digits, not starting with 0 or 1) can change.
// Calls are found by a key-only cursor over the [remoteNumberDigits+startedAt] index, from "2" to "9…"
// (mobiles, "1…", and trunk-prefixed numbers, "0…", are never read); notes and messages, far fewer, by
// a filtered scan.
import Dexie from 'dexie';
import type { Call, CallNote, Message } from '@shared/domain/switchboard';
import { stripInvisible } from '@shared/text/cleanText';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { callNoteSearchKeys } from './callNoteRepository';
import { textKeys } from './textKeys';
import type { WritePath } from './writePath';

import { AREA_CODE_KEYED_TABLES } from './deskSettings';

export { AREA_CODE_KEYED_TABLES };

export interface AreaCodeRekeyResult {
  calls: number;
  callNotes: number;
  messages: number;
}

const LOCAL_LANDLINE = /^[2-9]\d{6,7}$/;
const SEPARATORS = /[\s\-.()]/g;

/** True when the text could be a local landline without its area code: only then can its key change. */
function mayDependOnAreaCode(value: string | undefined): boolean {
  if (!value) return false;
  return LOCAL_LANDLINE.test(stripInvisible(value).normalize('NFKC').trim().replace(SEPARATORS, ''));
}

const sameKeys = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).length === b.length && b.every((k, i) => a?.[i] === k);

/**
 * Re-keys every stored number whose key differs between the two area codes. Must run inside a write
 * transaction over AREA_CODE_KEYED_TABLES. Changing the area code needs the right to change those tables,
 * checked before anything is read, so the refusal does not depend on what happens to be stored.
 */
export async function rekeyForAreaCode(db: FrontDeskDatabase, writes: WritePath, from: string | undefined, to: string | undefined, settingId: string): Promise<AreaCodeRekeyResult> {
  if (!Dexie.currentTransaction) throw new Error('The area-code re-key must run in the transaction that stores the area code');
  const result: AreaCodeRekeyResult = { calls: 0, callNotes: 0, messages: 0 };
  if ((from ?? '') === (to ?? '')) return result;
  for (const table of AREA_CODE_KEYED_TABLES) db.access.assertWrite(table, 'update');
  const { phoneKey, phoneSearchKeys, nameSearchKeys } = textKeys();

  // Calls: index keys only ([digits, startedAt]); the rows are read only for local-landline digits.
  const callIds: string[] = [];
  await db.calls
    .where('[remoteNumberDigits+startedAt]')
    .between(['2', Dexie.minKey], [':', Dexie.minKey])
    .eachKey((key, cursor) => {
      const digits = (key as unknown as [string, number])[0];
      if (LOCAL_LANDLINE.test(digits)) callIds.push(String(cursor.primaryKey));
    });
  for (const call of (await db.calls.bulkGet(callIds)) as (Call | undefined)[]) {
    if (!call) continue;
    const key = phoneKey(call.remoteNumber, { areaCode: to });
    if (key === call.remoteNumberKey) continue;
    await writes.patch('calls', call, { remoteNumberKey: key }, null);
    result.calls += 1;
  }

  const notes = (await db.callNotes.filter((n) => mayDependOnAreaCode(n.phone)).toArray()) as CallNote[];
  for (const note of notes) {
    const phoneDigits = phoneKey(note.phone, { areaCode: to });
    const searchKeys = callNoteSearchKeys({ nameSearchKeys, phoneSearchKeys }, note, to);
    if (phoneDigits === note.phoneDigits && sameKeys(note.searchKeys, searchKeys)) continue;
    await writes.patch('callNotes', note, { phoneDigits, searchKeys }, null);
    result.callNotes += 1;
  }

  const messages = (await db.messages.filter((m) => mayDependOnAreaCode(m.fromPhone)).toArray()) as Message[];
  for (const message of messages) {
    const fromPhoneKey = phoneKey(message.fromPhone, { areaCode: to });
    if (fromPhoneKey === message.fromPhoneKey) continue;
    await writes.patch('messages', message, { fromPhoneKey }, null);
    result.messages += 1;
  }

  await writes.audit({
    action: 'update',
    entityTable: 'settings',
    entityId: settingId,
    summary: `area code ${from || '(none)'} → ${to || '(none)'}: phone keys re-keyed on ${result.calls} calls, ${result.callNotes} call notes, ${result.messages} messages`,
  });
  return result;
}
