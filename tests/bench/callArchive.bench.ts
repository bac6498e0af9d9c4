// The phone-record archive's search with a large database: 1,000,000 calls (BENCH_ARCHIVE_SEARCH_CALLS to
// change), one in ten with a note naming one of a few hundred callers (keys made by the app's own key
// functions), seeded in the page's real IndexedDB in bounded chunks. Then Archive → Call records is
// searched through the screen by pinyin initials, full pinyin, characters, number prefixes, with and
// without a date range or direction, and the screen's own timing of each page read
// (`callArchiveSearchMs.<plan>`, renderer/features/archive/CallSearchPanel.tsx) is printed as p50/p95.
// Prints figures; no pass/fail on timing (README: speed targets are measured, not tested).
import type { Page } from '@playwright/test';
import { nameSearchKeys, normaliseText } from '../../shared/search/searchKeys';
import { test, expect, keepAwake, unlockIfLocked } from './fixtures';
import { printFigure } from './stats';

const CALLS = Number(process.env.BENCH_ARCHIVE_SEARCH_CALLS ?? 1_000_000);
const CHUNK = 20_000;
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '军', '强', '平', '刚', '桂英'];
const NAMES = SURNAMES.flatMap((s) => GIVEN.map((g) => s + g));

async function seed(page: Page, from: number, count: number, names: { name: string; keys: string[] }[]): Promise<void> {
  await page.evaluate(
    async ({ from, count, names }) => {
      const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
      const encode = (value: number, length: number) => {
        let out = '';
        for (let i = 0; i < length; i += 1) {
          out = CROCKFORD[value % 32] + out;
          value = Math.floor(value / 32);
        }
        return out;
      };
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('frontdesk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const now = Date.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['calls', 'callNotes'], 'readwrite');
        const calls = tx.objectStore('calls');
        const notes = tx.objectStore('callNotes');
        for (let i = from; i < from + count; i += 1) {
          const at = now - 1 - ((i * 104_729) % (700 * 86_400_000));
          const id = encode(at, 10) + encode(i, 16);
          const answered = i % 10 !== 0;
          const number = `1${String(3_000_000_000 + ((i * 2_654_435_761) % 999_999_999)).slice(0, 10)}`;
          calls.put({
            id, createdAt: at, updatedAt: at, deskId: 'bench', direction: i % 7 === 0 ? 'outbound' : 'inbound', remoteNumber: number, remoteNumberDigits: number,
            remoteNumberKey: `+86${number}`, startedAt: at, ringMs: 3000, disposition: answered ? 'answered' : 'unanswered',
            ...(answered ? { answeredAt: at + 3000, endedAt: at + 63_000, talkMs: 60_000 } : { endedAt: at + 3000 }),
          });
          if (i % 10 === 3) {
            const who = names[i % names.length]!;
            notes.put({ id: encode(at + 1, 10) + encode(i, 16), createdAt: at + 1, updatedAt: at + 1, deskId: 'bench', callId: id, callStartedAt: at, callerName: who.name, phone: number, phoneDigits: `+86${number}`, reason: '咨询', category: 'enquiry', important: 0, searchKeys: [...who.keys, number, `+86${number}`, number.slice(-4)] });
          }
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { from, count, names },
  );
}

test('archive search: p50/p95 of a page of results with 1M calls', async ({ app, page }) => {
  test.setTimeout(60 * 60_000);
  await app.open({ language: 'en', screen: 'dashboard' });
  const names = NAMES.map((name) => ({ name, keys: nameSearchKeys(name).map((k) => normaliseText(k)) }));
  const seeded = Date.now();
  for (let from = 0; from < CALLS; from += CHUNK) {
    await seed(page, from, Math.min(CHUNK, CALLS - from), names);
    await keepAwake(page, from / CHUNK);
  }
  console.log(`\nseeded ${CALLS} calls (${CALLS / 10} notes) in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
  await page.reload();
  await unlockIfLocked(app);
  await app.navigate('archive');
  await page.getByRole('tab', { name: 'Call records' }).click();
  const status = page.getByTestId('call-archive-status');
  await expect(status).toContainText('call records found', { timeout: 120_000 });
  const search = page.getByLabel('Name, pinyin, company or number');
  const queries = ['zw', 'wangfang', '李娜', 'zhao', '138', '1390', 'lgy', '陈', 'huang jie', 'zs', 'z', '15', 'ma', '郭强', 'hy'];
  const reads = () => page.evaluate(() => Object.entries((window as unknown as { __frontdeskMetrics?: () => Record<string, number[]> }).__frontdeskMetrics?.() ?? {})
    .filter(([k]) => k.startsWith('callArchiveSearchMs.')).reduce((n, [, v]) => n + v.length, 0));
  // Each query waits until the screen has read its first page (the field is debounced).
  const run = async (act: () => Promise<void>) => {
    const before = await reads();
    await act();
    await expect.poll(reads, { timeout: 120_000 }).toBeGreaterThan(before);
    await expect(status).not.toHaveText('Searching…', { timeout: 120_000 });
  };
  for (let round = 0; round < 3; round += 1) {
    for (const q of queries) await run(() => search.fill(q));
  }
  await run(() => search.fill(''));
  await run(async () => {
    await page.getByLabel('Direction').selectOption({ label: 'Outgoing' });
  });
  await run(() => page.getByLabel('From').fill('2026-01-01'));
  const metrics = await page.evaluate(() => (window as unknown as { __frontdeskMetrics?: () => Record<string, number[]> }).__frontdeskMetrics?.() ?? {});
  for (const plan of ['index', 'notes', 'scan']) {
    const figures = metrics[`callArchiveSearchMs.${plan}`] ?? [];
    if (figures.length > 0) printFigure(`archive search, one page (${plan} plan, ${CALLS} calls)`, figures, 'p95 < 50 ms');
  }
  const all = Object.entries(metrics).filter(([k]) => k.startsWith('callArchiveSearchMs.')).flatMap(([, v]) => v);
  printFigure(`archive search, one page (all plans, ${CALLS} calls)`, all, 'p95 < 50 ms');
  expect(all.length).toBeGreaterThan(0);
});
