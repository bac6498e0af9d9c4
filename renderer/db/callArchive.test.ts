// The phone-record archive's search through the call repository (fake-indexeddb): names by characters and
// pinyin, numbers however written, date range, direction and outcome, pages by key that neither repeat nor
// skip a row, both plans agree, and a concierge (no call notes) is refused.
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/testDatabase';
import type { Call, CallNote } from '@shared/domain/switchboard';
import { newId } from './ids';
import { CANDIDATE_CAP } from './callArchive';
import { writePathOf } from './writePath';
import type { CallArchiveCursor, CallArchiveQuery } from './callArchive';
import type { Repositories } from './repositories';
import { isPermissionDenied } from './writeErrors';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 2, 0, 0);

async function call(repos: Repositories, remoteNumber: string, startedAt: number, extra: { direction?: 'inbound' | 'outbound'; disposition?: 'answered' | 'missed'; remoteName?: string } = {}) {
  const id = newId(startedAt);
  const disposition = extra.disposition ?? 'answered';
  await repos.calls.saveFromEvents(id, {
    direction: extra.direction ?? 'inbound', remoteNumber, remoteNumberDigits: remoteNumber.replace(/\D/g, ''), startedAt,
    ...(extra.remoteName ? { remoteName: extra.remoteName } : {}),
    ...(disposition === 'answered' ? { answeredAt: startedAt + 3000, ringMs: 3000, endedAt: startedAt + 60_000, disposition } : { endedAt: startedAt + 20_000, disposition }),
  });
  return id;
}

async function all(repos: Repositories, query: CallArchiveQuery, limit = 3): Promise<string[]> {
  const ids: string[] = [];
  let after: CallArchiveCursor | undefined;
  for (let i = 0; i < 1000; i += 1) {
    const page = await repos.calls.searchArchive(query, after ? { after, limit } : { limit });
    ids.push(...page.rows.map((r) => r.call.id));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('paging does not end');
}

describe('phone-record archive search', () => {
  it('finds calls by the noted name in characters, full pinyin and initials, by company and by number', async () => {
    const { repos } = await freshDatabase();
    const zhang = await call(repos, '13800138000', T0);
    const li = await call(repos, '010 8888 6666', T0 + 1000);
    await call(repos, '13900139000', T0 + 2000, { remoteName: 'Wang Fang' });
    await repos.callNotes.saveForCall(zhang, { phone: '13800138000', callerName: '张伟', company: '华星科技', reason: '预约会议室' });
    await repos.callNotes.saveForCall(li, { phone: '010 8888 6666', callerName: '李娜' });

    const ids = async (text: string) => (await repos.calls.searchArchive({ text })).rows.map((r) => r.call.id);
    expect(await ids('张伟')).toEqual([zhang]);
    expect(await ids('zhangwei')).toEqual([zhang]);
    expect(await ids('zw')).toEqual([zhang]);
    expect(await ids('华星')).toEqual([zhang]);
    expect(await ids('138001')).toEqual([zhang]);
    expect(await ids('+8613800138000')).toEqual([zhang]);
    expect(await ids('6666')).toEqual([li]); // the last four digits callers read out
    expect(await ids('0108888')).toEqual([li]);
    expect(await ids('wang')).toEqual([]); // a SIP display name is not a noted name
    expect(await ids('ln 010')).toEqual([li]);
    expect(await ids('nobody')).toEqual([]);
    const page = await repos.calls.searchArchive({ text: 'zw' });
    expect(page.rows[0]?.note?.callerName).toBe('张伟');
  });

  it('filters by date range, direction and outcome, newest first, paging without repeats or gaps', async () => {
    const { repos } = await freshDatabase();
    const made: { id: string; at: number; direction: 'inbound' | 'outbound'; disposition: 'answered' | 'missed' }[] = [];
    for (let i = 0; i < 23; i += 1) {
      const at = T0 + Math.floor(i / 2) * DAY; // two calls share each start day
      const direction = i % 3 === 0 ? 'outbound' : 'inbound';
      const disposition = i % 4 === 0 ? 'missed' : 'answered';
      made.push({ id: await call(repos, `1380013${String(i).padStart(4, '0')}`, at, { direction, disposition }), at, direction, disposition });
    }
    const newest = (rows: typeof made) => [...rows].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    expect(await all(repos, {})).toEqual(newest(made));
    const range = { from: T0 + 2 * DAY, to: T0 + 6 * DAY };
    expect(await all(repos, range)).toEqual(newest(made.filter((m) => m.at >= range.from && m.at < range.to)));
    expect(await all(repos, { direction: 'outbound' })).toEqual(newest(made.filter((m) => m.direction === 'outbound')));
    expect(await all(repos, { disposition: 'missed', ...range })).toEqual(newest(made.filter((m) => m.disposition === 'missed' && m.at >= range.from && m.at < range.to)));
    // The index plan (a selective number prefix) pages the same way.
    const page = await repos.calls.searchArchive({ text: '1380013', direction: 'inbound' }, { limit: 4 });
    expect(page.plan).toBe('index');
    expect(await all(repos, { text: '1380013', direction: 'inbound' }, 4)).toEqual(newest(made.filter((m) => m.direction === 'inbound')));
    expect(await all(repos, { from: T0 + 5 * DAY, to: T0 + 5 * DAY })).toEqual([]);
  });

  it('a name too common for the index plan: the notes are walked in call order, paged without repeats or gaps', { timeout: 120_000 }, async () => {
    const { db, repos } = await freshDatabase();
    const { nameSearchKeys } = await import('./textKeyFunctions');
    const N = CANDIDATE_CAP + 60;
    const calls: Call[] = [];
    for (let i = 0; i < N * 3; i += 1) {
      const startedAt = T0 + (i % 7) * DAY + Math.floor(i / 7) * 60_000 - (i % 3) * 86_400_000 * 9; // not in id order
      const answered = i % 5 !== 0;
      calls.push({
        id: newId(T0 + i), createdAt: startedAt, updatedAt: startedAt, deskId: db.desk.deskId, direction: i % 4 === 0 ? 'outbound' : 'inbound',
        remoteNumber: `1380000${String(i).padStart(4, '0')}`, remoteNumberDigits: `1380000${String(i).padStart(4, '0')}`, startedAt,
        disposition: answered ? 'answered' : 'missed', ...(answered ? { answeredAt: startedAt + 3000, ringMs: 3000 } : {}),
      });
    }
    await writePathOf(db).putVerbatim('calls', calls);
    // Every other call has a note: 张伟 (the common name), 张巍 (same initials) or 李娜.
    const names = ['张伟', '张巍', '李娜'];
    const notes: CallNote[] = calls.filter((_, i) => i % 2 === 0).map((c, j) => {
      const callerName = names[j % 3 === 2 ? 2 : j % 2]!;
      return { id: newId(c.startedAt + 1), createdAt: c.startedAt + 1, updatedAt: c.startedAt + 1, deskId: db.desk.deskId, callId: c.id, callStartedAt: c.startedAt, callerName, category: 'enquiry', important: 0, searchKeys: [...nameSearchKeys(callerName), c.remoteNumberDigits] };
    });
    await writePathOf(db).putVerbatim('callNotes', notes);
    const noted = new Map(notes.map((n) => [n.callId!, n]));
    const newest = (list: Call[]) => [...list].sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1)).map((c) => c.id);
    const named = (prefix: string[], extra: (c: Call) => boolean = () => true) => newest(calls.filter((c) => prefix.includes(noted.get(c.id)?.callerName ?? '') && extra(c)));

    const first = await repos.calls.searchArchive({ text: 'zw' }, { limit: 50 });
    expect(first.plan).toBe('notes');
    expect(first.rows.every((r) => r.note?.callId === r.call.id)).toBe(true);
    expect(await all(repos, { text: 'zw' }, 150)).toEqual(named(['张伟', '张巍']));
        const range = { from: T0 + DAY, to: T0 + 4 * DAY };
    const inRange = (c: Call) => c.startedAt >= range.from && c.startedAt < range.to;
    expect(await all(repos, { text: 'zhang', ...range }, 70)).toEqual(named(['张伟', '张巍'], inRange));
    expect(await all(repos, { text: 'zw', direction: 'outbound', disposition: 'answered' }, 100)).toEqual(named(['张伟', '张巍'], (c) => c.direction === 'outbound' && c.disposition === 'answered'));
    // A word and a number: the word walks the notes, the number matches the call's own number.
    expect(await all(repos, { text: 'zw 13800000' }, 300)).toEqual(named(['张伟', '张巍'], (c) => c.remoteNumberDigits.startsWith('13800000')));
    // A deleted note no longer names its call.
    const gone = notes.find((n) => n.callerName === '张伟')!;
    await writePathOf(db).putVerbatim('callNotes', [{ ...gone, deletedAt: T0 }]);
    expect(await all(repos, { text: 'zw' }, 400)).not.toContain(gone.callId);
  });

  it('a note written through the repository carries its call\'s start (the notes\' walk index)', async () => {
    const { db, repos } = await freshDatabase();
    const id = await call(repos, '13800138000', T0 + 5000);
    const note = await repos.callNotes.saveForCall(id, { phone: '13800138000', callerName: '张伟' });
    expect(note.callStartedAt).toBe(T0 + 5000);
    expect(await db.callNotes.where('[callStartedAt+callId]').equals([T0 + 5000, id]).primaryKeys()).toEqual([note.id]);
  });

  it('opens a record with its note and the messages taken during the call', async () => {
    const { repos } = await freshDatabase();
    const id = await call(repos, '13800138000', T0);
    const note = await repos.callNotes.saveForCall(id, { phone: '13800138000', callerName: '张伟', reason: '找李经理' });
    await repos.messages.createMessage({ content: '请回电', callNoteId: note.id, callId: id, fromName: '张伟', toName: '李经理' });
    const record = await repos.calls.archiveRecord(id);
    expect(record?.note?.reason).toBe('找李经理');
    expect(record?.messages.map((m) => m.content)).toEqual(['请回电']);
    expect(await repos.calls.archiveRecord(newId())).toBeUndefined();
  });

  it('a concierge may not search the archive (no call notes for that role)', async () => {
    const { db, repos } = await freshDatabase();
    await call(repos, '13800138000', T0);
    db.access.enforce();
    db.access.setPrincipal({ operatorId: newId(), name: 'Door', roles: ['concierge'] });
    const refused = await repos.calls.searchArchive({ text: '138' }).catch((e: unknown) => e);
    expect(isPermissionDenied(refused)).toBe(true);
  });
});
