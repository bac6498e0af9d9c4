// The phone-record archive (Archive → Call records, issue 12): stored calls with their notes found by
// pinyin, characters and number, filtered by direction, paged and virtualised (more rows than one page),
// walked with the keyboard, one record opened with its note and message, and the tab scanned with axe.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { nameSearchKeys, normaliseText } from '../../shared/search/searchKeys';
import { phoneKey, phoneSearchKeys } from '../../shared/phone/phoneKey';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/AppPage';
import { SeedData, type Row } from './pages/SeedData';

const DAY = 86_400_000;
const FILLERS = 150;

/** A note row as the call-note repository stores it, its keys made by the app's own key functions. */
async function seedNote(seed: SeedData, call: Row, fields: { callerName: string; company?: string; phone: string; reason: string }): Promise<Row> {
  const at = Number(call.startedAt) + 30_000;
  const keys = new Set([...nameSearchKeys(fields.callerName), ...(fields.company ? normaliseText(fields.company).split(' ') : []), ...phoneSearchKeys(fields.phone)]);
  const row: Row = {
    id: seed.newId(at), createdAt: at, updatedAt: at, deskId: await seed.desk(), callId: call.id, category: 'enquiry', important: 0,
    phoneDigits: phoneKey(fields.phone), searchKeys: [...keys], ...fields,
  };
  await seed.put('callNotes', [row]);
  return row;
}

async function seedArchive(app: AppPage) {
  const seed = new SeedData(app);
  const { now } = await seed.clock();
  const deskId = await seed.desk();
  const answered = (startedAt: number) => ({ startedAt, answeredAt: startedAt + 4000, ringMs: 4000, talkMs: 90_000, endedAt: startedAt + 94_000, disposition: 'answered' });
  const zhang = await seed.call({ ...answered(now - DAY), remoteNumber: '13800138000', remoteNumberDigits: '13800138000', remoteNumberKey: '+8613800138000' });
  const li = await seed.call({ ...answered(now - 2 * DAY), remoteNumber: '010 8888 6666', remoteNumberDigits: '01088886666', remoteNumberKey: '+861088886666' });
  const wang = await seed.call({ startedAt: now - 3 * DAY, endedAt: now - 3 * DAY + 30_000, disposition: 'unanswered', direction: 'outbound', remoteNumber: '13700137000', remoteNumberDigits: '13700137000' });
  const zhangNote = await seedNote(seed, zhang, { callerName: '张伟', company: '华星科技', phone: '13800138000', reason: '预约下周的会议室' });
  await seedNote(seed, li, { callerName: '李娜', phone: '010 8888 6666', reason: '询问发票' });
  await seedNote(seed, wang, { callerName: '王芳', phone: '13700137000', reason: '回电' });
  const at = zhangNote.createdAt as number;
  await seed.put('messages', [{ id: seed.newId(at), createdAt: at, updatedAt: at, deskId, callNoteId: zhangNote.id, callId: zhang.id, fromName: '张伟', toName: '李经理', content: '请回电确认会议室', status: 'open', followUps: [] }]);
  const fillers: Row[] = [];
  for (let i = 0; i < FILLERS; i += 1) {
    const startedAt = now - (10 + i) * DAY;
    fillers.push({
      id: seed.newId(startedAt), createdAt: startedAt, updatedAt: startedAt, deskId, direction: 'inbound', remoteNumber: `0755 6600 ${String(i).padStart(4, '0')}`,
      remoteNumberDigits: `07556600${String(i).padStart(4, '0')}`, startedAt, endedAt: startedAt + 20_000, disposition: 'missed',
    });
  }
  await seed.put('calls', fillers);
  await seed.reload();
  return { zhang, li, wang };
}

function results(page: Page): Locator {
  return page.getByRole('table', { name: 'Call records found' });
}

/** The result rows (the header row has column headers, no cells). */
function dataRows(page: Page): Locator {
  return results(page).getByRole('row').filter({ has: page.getByRole('cell') });
}

test.describe('phone-record archive', () => {
  test.describe.configure({ timeout: 180_000 });

  test('finds calls by pinyin, characters and number, filters by direction, pages, walks with the keyboard and opens a record', async ({ app, page }) => {
    await app.open({ screen: 'dashboard' });
    const seeded = await seedArchive(app);
    await app.navigate('archive');
    await page.getByRole('tab', { name: 'Call records' }).click();
    const status = page.getByTestId('call-archive-status');
    const search = page.getByLabel('Name, pinyin, company or number');

    // Everything, newest first, one page at a time: the first page, then the rest as the list scrolls.
    await expect(status).toHaveText('50 call records found so far; scroll for more');
    await expect(dataRows(page).first()).toContainText('张伟');

    const only = async (text: string, name: string) => {
      await search.fill(text);
      await expect(status).toHaveText('1 call records found');
      await expect(dataRows(page)).toHaveCount(1);
      await expect(dataRows(page).first()).toContainText(name);
    };
    await only('zw', '张伟');
    await expect(dataRows(page).first()).toContainText('华星科技');
    await expect(dataRows(page).first()).toHaveAttribute('data-call-id', seeded.zhang.id);
    await only('zhangwei', '张伟');
    await only('李娜', '李娜');
    await only('13800138000', '张伟');
    await only('6666', '李娜');
    await search.fill('nobody here');
    await expect(status).toHaveText('No call records match.');
    await expect(dataRows(page)).toHaveCount(0);

    await search.fill('');
    await page.getByLabel('Direction').selectOption({ label: 'Outgoing' });
    await expect(status).toHaveText('1 call records found');
    await expect(dataRows(page).first()).toContainText('王芳');
    await expect(dataRows(page).first()).toContainText('Not answered');
    await page.getByLabel('Direction').selectOption({ label: 'Any' });
    await expect(status).toHaveText('50 call records found so far; scroll for more');

    // The keyboard: ↓ to the next row, End to the last loaded one (the next page comes in), Home back.
    const first = dataRows(page).first();
    await first.focus();
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results(page).locator('[data-index="1"]')).toBeFocused();
    await expect(results(page).locator('[data-index="1"]')).toContainText('李娜');
    // Each End reaches the last row loaded, which brings the next page: in the end, every row.
    await expect(async () => {
      await page.keyboard.press('End');
      await expect(status).toHaveText(`${FILLERS + 3} call records found`, { timeout: 2000 });
    }).toPass({ timeout: 60_000 });
    await page.keyboard.press('End');
    await expect(results(page).locator(`[data-index="${FILLERS + 2}"]`)).toBeFocused();
    // Virtualised: far fewer rows in the page than results.
    expect(await dataRows(page).count()).toBeLessThan(60);
    await page.keyboard.press('Home');
    await expect(results(page).locator('[data-index="0"]')).toBeFocused();
    await page.keyboard.press('Enter');

    const detail = page.getByRole('region', { name: /^Call record: 13800138000, / });
    await expect(detail).toBeVisible();
    await expect(detail).toContainText('预约下周的会议室');
    await expect(detail).toContainText('华星科技');
    await expect(detail).toContainText('李经理: 请回电确认会议室');
    await expect(detail).toContainText('Answered');

    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await detail.getByRole('button', { name: 'Close the call record' }).click();
    await expect(detail).toHaveCount(0);
  });

  test('one log exported on its own: the calls as JSON lines with their notes, then as CSV, audited', async ({ app, page }) => {
    await app.open({ screen: 'dashboard' });
    const seeded = await seedArchive(app);
    await app.navigate('archive');
    const folder = await mkdtemp(join(tmpdir(), 'frontdesk-log-'));
    try {
      await page.getByLabel('Log', { exact: true }).selectOption({ label: 'Calls' });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the log' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^frontdesk-calls-\d{8}-\d{4}\.jsonl$/);
      await expect(page.getByRole('status').filter({ hasText: `${FILLERS + 3} records exported` })).toBeVisible();
      const jsonl = join(folder, download.suggestedFilename());
      await download.saveAs(jsonl);
      const lines = (await readFile(jsonl, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; remoteNumber: string; note?: { callerName?: string; reason?: string } });
      expect(lines).toHaveLength(FILLERS + 3);
      const stored = (await app.readTable<{ id: string }>('calls')).map((c) => c.id).sort();
      expect(lines.map((l) => l.id).sort()).toEqual(stored);
      const zhang = lines.find((l) => l.id === seeded.zhang.id);
      expect(zhang?.note?.callerName).toBe('张伟');
      expect(zhang?.note?.reason).toBe('预约下周的会议室');
      expect(lines.filter((l) => l.note)).toHaveLength(3);

      await page.getByRole('radio', { name: 'CSV (spreadsheet)' }).check();
      const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the log' }).click()]);
      expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
      const csvPath = join(folder, csvDownload.suggestedFilename());
      await csvDownload.saveAs(csvPath);
      const csv = await readFile(csvPath, 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const rows = csv.slice(1).trimEnd().split('\r\n');
      expect(rows).toHaveLength(FILLERS + 4);
      const header = rows[0]!.split(',');
      const row = rows.find((r) => r.startsWith(seeded.li.id))!.split(',');
      expect(row[header.indexOf('note.callerName')]).toBe('李娜');

      const audit = (await app.readTable<{ action: string; summary: string }>('auditLog')).filter((a) => a.action === 'export').map((a) => a.summary);
      expect(audit).toEqual([expect.stringMatching(/^log calls as jsonl frontdesk-calls-.*: 153 rows$/), expect.stringMatching(/^log calls as csv frontdesk-calls-.*: 153 rows$/)]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
