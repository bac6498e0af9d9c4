// Schema v3: phone numbers are keyed by one E.164 key (shared/phone/phoneKey.ts). A desk that last ran
// v2 stored bare digits ("8613800138000", "01065529988"); after the upgrade its old rows are found by the
// new key however the number was typed, and an incoming call from +8613800138000 recognises the person
// stored as "138 0013 8000".
import { afterEach, describe, expect, it } from 'vitest';
import { phoneKey } from '@shared/phone/phoneKey';
import { lookupCaller } from '../features/switchboard/callerLookup';
import { getDatabase, openFrontDeskDatabase, resetDatabaseForTests } from './database';
import { DATABASE_NAME } from './FrontDeskDatabase';
import { newId } from './ids';
import { repositoriesOf } from './repositories';
import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY } from './schemaHistory';

const V2 = SCHEMA_HISTORY.filter((v) => v.version <= 2);

/** A database as v2 left it, written with v2's key rules (digits only), under the given name. */
async function seedVersion2(name: string) {
  const old = await openFrontDeskDatabase(name, { storage: null, history: V2 });
  expect(old.verno).toBe(2);
  const now = Date.now();
  const base = () => ({ id: newId(now), createdAt: now, updatedAt: now, deskId: old.desk.deskId });
  const person = { ...base(), name: '王\u200B芳', nameKey: 'wang fang', extension: '2302', mobile: '138 0013 8000', mobileDigits: '13800138000', searchKeys: ['王\u200b芳', '13800138000', '8000'] };
  const visitor = { ...base(), name: '陈伟强', phone: '+86 10 6552 9988', phoneDigits: '861065529988', searchKeys: ['陈伟强', '861065529988', '9988'] };
  const call = { ...base(), direction: 'inbound', remoteNumber: '+8613800138000', remoteNumberDigits: '8613800138000', startedAt: now - 60_000, disposition: 'answered' };
  const note = { ...base(), callId: call.id, phone: '0086 138 0013 8000', phoneDigits: '008613800138000', reason: '询问报价', category: 'enquiry', important: 0, createdAt: now - 50_000, searchKeys: [] };
  const entry = { ...base(), name: '张\u2060伟', reason: 'x', addedBy: 'desk', active: 1, searchKeys: ['张\u2060伟'] };
  await old.table('staff').add(person);
  await old.table('visitors').add(visitor);
  await old.table('calls').add(call);
  await old.table('callNotes').add(note);
  await old.table('watchlist').add(entry);
  old.close();
  return { person, visitor, call, note, entry, now };
}

afterEach(() => resetDatabaseForTests());

describe('schema v3: one key per phone number', () => {
  it('back-fills the keys of existing rows, which are then found by the new key', async () => {
    const name = `phone-keys-${Date.now()}`;
    const seeded = await seedVersion2(name);
    const db = await openFrontDeskDatabase(name, { storage: null });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);

    const mobile = phoneKey('138-0013-8000')!;
    expect(mobile).toBe('+8613800138000');
    expect((await db.staff.where('mobileDigits').equals(mobile).first())?.id).toBe(seeded.person.id);
    expect((await db.visitors.where('phoneDigits').equals(phoneKey('010-6552 9988')!).first())?.id).toBe(seeded.visitor.id);
    const calls = await db.calls.where('[remoteNumberKey+startedAt]').between([mobile, 0], [mobile, Number.MAX_SAFE_INTEGER]).toArray();
    expect(calls.map((c) => c.id)).toEqual([seeded.call.id]);
    expect((await db.callNotes.where('phoneDigits').equals(mobile).first())?.id).toBe(seeded.note.id);
    // updatedAt stays: every field the upgrade writes is derived.
    expect((await db.staff.get(seeded.person.id))?.updatedAt).toBe(seeded.now);

    // Search keys: the returning visitor is suggested for "+86 10 6552 9988" and "010-6552 9988" alike,
    // the person for "+8613800138000", and names lose invisible characters in their keys.
    const repos = repositoriesOf(db);
    for (const typed of ['+861065529988', '01065529988', '1065529988']) {
      expect((await repos.visitors.suggest(typed)).map((v) => v.id), typed).toEqual([seeded.visitor.id]);
    }
    expect((await db.staff.where('searchKeys').equals(mobile).first())?.id).toBe(seeded.person.id);
    expect((await db.staff.where('searchKeys').equals('王芳').first())?.id).toBe(seeded.person.id);
    expect((await db.watchlist.where('searchKeys').equals('张伟').first())?.id).toBe(seeded.entry.id);
    db.close();
  });

  it('recognises an incoming +8613800138000 as the person stored as 138 0013 8000, with the earlier call and note', async () => {
    resetDatabaseForTests();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DATABASE_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    const seeded = await seedVersion2(DATABASE_NAME);
    const info = await lookupCaller('+8613800138000');
    expect(getDatabase().verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(info).toMatchObject({ name: '王\u200B芳', earlierCalls: 1, lastCallAt: seeded.call.startedAt, lastNote: '询问报价' });
    expect(await lookupCaller('0086 138 0013 8000')).toMatchObject({ earlierCalls: 1 });
    expect(await lookupCaller('2302')).toMatchObject({ name: '王\u200B芳' });
    expect(await lookupCaller('anonymous')).toEqual({ earlierCalls: 0, notes: [], openMessages: [] });
  });
});
