// Changing the desk's area code re-keys the stored numbers that depend on it (issue 10: "a landline
// matches with or without its area code"): a caller whose local landline was stored before the change is
// recognised after it by its new full number, in one transaction with the setting, audited once; a refusal
// leaves the setting and every key as they were.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { phoneKey } from '@shared/phone/phoneKey';
import { numberKey } from '@shared/phone/sipTarget';
import { freshDatabase } from '../test/testDatabase';
import { AREA_CODE_SETTING, deskAreaCode } from './deskSettings';
import { newId } from './ids';
import { PermissionDeniedError } from './writeErrors';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import type { Repositories } from './repositories';

/** An answered inbound call from `remoteNumber` as the phone writes it (shared/calls/callRecord.ts: keyed without the area code). */
async function storeCall(repos: Repositories, remoteNumber: string, startedAt = Date.now() - 60_000) {
  const id = newId(startedAt);
  await repos.calls.saveFromEvents(id, {
    direction: 'inbound', remoteNumber, remoteNumberDigits: numberKey(remoteNumber), remoteNumberKey: phoneKey(remoteNumber), startedAt,
    answeredAt: startedAt + 3000, ringMs: 3000, endedAt: startedAt + 60_000, disposition: 'answered',
  });
  return id;
}

/** Earlier calls of a number as caller recognition counts them: by the key index. */
const callsKeyed = (db: FrontDeskDatabase, key: string) =>
  db.calls.where('[remoteNumberKey+startedAt]').between([key, Dexie.minKey], [key, Dexie.maxKey]).primaryKeys();

async function seedLocalCaller(db: FrontDeskDatabase, repos: Repositories) {
  await repos.settings.setValue(AREA_CODE_SETTING, '010');
  const local = await storeCall(repos, '65529988');
  // Typed with its area code: a Beijing number whatever the desk's area code becomes.
  const withArea = await storeCall(repos, '01087654321');
  const mobile = await storeCall(repos, '13800138000');
  const note = await repos.callNotes.saveForCall(local, { phone: '6552 9988', callerName: 'Chen Wei', reason: 'Invoice question' });
  const message = await repos.messages.createMessage({ toName: 'Accounts', content: 'Call back about the invoice', fromName: 'Chen Wei', fromPhone: '6552-9988' });
  return { local, withArea, mobile, note, message };
}

describe('changing the area code re-keys stored local landlines', () => {
  it('recognises a caller stored before the change by the new full number, not the old one', async () => {
    const { db, repos } = await freshDatabase();
    const seeded = await seedLocalCaller(db, repos);
    expect(await callsKeyed(db, '+861065529988')).toEqual([seeded.local]);
    const audits = await db.auditLog.count();

    await repos.settings.setValue(AREA_CODE_SETTING, '021');
    expect(await deskAreaCode(db)).toBe('021');

    // The same caller rings as +86 21 6552 9988 (or 021 6552 9988, or 6552 9988 again): earlier call,
    // note and open message are all found.
    expect(await callsKeyed(db, '+862165529988')).toEqual([seeded.local]);
    expect((await repos.callNotes.forNumber('+86 21 6552 9988')).map((n) => n.id)).toEqual([seeded.note.id]);
    expect((await repos.callNotes.forNumber('6552 9988')).map((n) => n.id)).toEqual([seeded.note.id]);
    expect((await repos.callNotes.suggestions('021-65529988'))[0]).toMatchObject({ callerName: 'Chen Wei' });
    expect((await repos.messages.openForCaller('02165529988')).map((m) => m.id)).toEqual([seeded.message.id]);
    // The search keys follow: the note is found by the new national number, no longer by the old one.
    expect((await repos.callNotes.get(seeded.note.id))?.searchKeys).toContain('02165529988');
    expect((await repos.callNotes.get(seeded.note.id))?.searchKeys).not.toContain('01065529988');
    // The old key no longer names it; numbers that never depended on the area code keep their keys.
    expect(await callsKeyed(db, '+861065529988')).toEqual([]);
    expect(await callsKeyed(db, '+861087654321')).toEqual([seeded.withArea]);
    expect(await callsKeyed(db, '+8613800138000')).toEqual([seeded.mobile]);
    expect((await repos.messages.get(seeded.message.id))?.fromPhoneKey).toBe('+862165529988');

    // Audited: the setting's change and one entry for the re-key, which says how many rows it changed.
    const entries = await db.auditLog.where('at').aboveOrEqual(0).toArray();
    const added = entries.slice(audits);
    expect(added).toHaveLength(2);
    expect(added.map((e) => e.summary).join('\n')).toMatch(/010 → 021: phone keys re-keyed on 1 calls, 1 call notes, 1 messages/);
  });

  it('keys a landline stored while no area code was set once one is set, and clears it again', async () => {
    const { db, repos } = await freshDatabase();
    const call = await storeCall(repos, '88886666');
    const note = await repos.callNotes.saveForCall(call, { phone: '8888 6666', reason: 'Delivery' });
    expect(note.phoneDigits).toBeUndefined();

    await repos.settings.setValue(AREA_CODE_SETTING, '0755');
    expect(await callsKeyed(db, '+8675588886666')).toEqual([call]);
    expect((await repos.callNotes.forNumber('+86 755 8888 6666')).map((n) => n.id)).toEqual([note.id]);

    await repos.settings.setValue(AREA_CODE_SETTING, '');
    expect(await callsKeyed(db, '+8675588886666')).toEqual([]);
    expect((await repos.callNotes.get(note.id))?.phoneDigits).toBeUndefined();
  });

  it('refuses a person who may not change call notes: the area code and every key stay as they were', async () => {
    const { db, repos } = await freshDatabase();
    const seeded = await seedLocalCaller(db, repos);
    const noteBefore = await repos.callNotes.get(seeded.note.id);
    const audits = await db.auditLog.count();
    db.access.enforce();
    // A receptionist may change settings, but reads call notes and messages only.
    db.access.setPrincipal({ operatorId: 'rc-1', name: '李娜', roles: ['receptionist'] });

    await expect(repos.settings.setValue(AREA_CODE_SETTING, '021')).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(repos.settings.setValues([{ key: 'callNotes.categories', value: ['other'], scope: 'site' }, { key: AREA_CODE_SETTING, value: '021' }])).rejects.toBeInstanceOf(PermissionDeniedError);

    db.access.setPrincipal({ operatorId: 'sup', name: '赵主管', roles: ['supervisor'] });
    expect(await deskAreaCode(db)).toBe('010');
    expect(await repos.settings.getValue('callNotes.categories')).toBeUndefined();
    expect(await callsKeyed(db, '+861065529988')).toEqual([seeded.local]);
    expect(await repos.callNotes.get(seeded.note.id)).toEqual(noteBefore);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it('rolls the re-key back with the setting when the transaction fails', async () => {
    const { db, repos } = await freshDatabase();
    const seeded = await seedLocalCaller(db, repos);
    const noteBefore = await repos.callNotes.get(seeded.note.id);
    const audits = await db.auditLog.count();

    // The area code first (its re-key runs), then a value IndexedDB cannot store: the whole unit fails.
    await expect(
      repos.settings.setValues([
        { key: AREA_CODE_SETTING, value: '021' },
        { key: 'dashboard.answerTargetMs', value: () => 30_000, scope: 'site' },
      ]),
    ).rejects.toThrow();

    expect(await deskAreaCode(db)).toBe('010');
    expect(await callsKeyed(db, '+861065529988')).toEqual([seeded.local]);
    expect(await callsKeyed(db, '+862165529988')).toEqual([]);
    expect(await repos.callNotes.get(seeded.note.id)).toEqual(noteBefore);
    expect(await repos.settings.getValue('dashboard.answerTargetMs')).toBeUndefined();
    expect(await db.auditLog.count()).toBe(audits);
  });
});
