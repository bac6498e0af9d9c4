// The phone-record archive's search through the call repository (fake-indexeddb): names by characters and
// pinyin, numbers however written, date range, direction and outcome, pages by key that neither repeat nor
// skip a row, both plans agree, and a concierge (no call notes) is refused.
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/testDatabase';
import { newId } from './ids';
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
