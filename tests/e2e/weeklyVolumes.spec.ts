// The weekly phone-record volume (Archive → Weekly volumes, issue 12 item 2) with real parts: calls and notes
// of one ISO week seeded in the page's IndexedDB, the tab driven in Chinese by role and label (also by
// keyboard), the volume printed through the browser build's print path, the very document it printed
// rendered to PDF by Chromium (page.pdf(), the engine of Electron's printToPDF) and read back with poppler's
// pdftotext: the cover with the week, the contents with the sheet each day starts on, the day sections, the
// totals of the seeded calls and "n / N" on every sheet, Chinese intact. The record of the volume holds the
// SHA-256 of the printed document, and the tab passes axe.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SeedData, type Row } from './pages/SeedData';

const run = promisify(execFile);
const WEDNESDAY_CALLS = 40;

/** Local instants of 2026-W45 (Monday 2 November … Sunday 8 November) in the page's time zone (Shanghai: no clock change). */
async function weekTimes(page: Page) {
  const monday = await page.evaluate(() => new Date(2026, 10, 2).getTime());
  return { at: (day: number, h: number, m = 0) => monday + day * 86_400_000 + h * 3_600_000 + m * 60_000 };
}

async function seedWeek(seed: SeedData, page: Page) {
  const { at } = await weekTimes(page);
  const deskId = await seed.desk();
  const answered = (startedAt: number, ringMs: number, fields: Record<string, unknown> = {}) => ({ startedAt, answeredAt: startedAt + ringMs, ringMs, talkMs: 120_000, endedAt: startedAt + ringMs + 120_000, disposition: 'answered', ...fields });
  const note = (call: Row, fields: { callerName: string; company?: string; category: string; reason: string }): Row => {
    const t = Number(call.startedAt) + 60_000;
    return { id: seed.newId(t), createdAt: t, updatedAt: t, deskId, callId: call.id, important: 0, searchKeys: [], ...fields };
  };
  const zhang = await seed.call(answered(at(0, 9, 5), 4000, { remoteNumber: '13800138000', remoteNumberDigits: '13800138000' }));
  const li = await seed.call(answered(at(0, 10, 30), 9000, { remoteNumber: '010 6512 3456', remoteNumberDigits: '01065123456' }));
  await seed.call({ startedAt: at(0, 11, 0), endedAt: at(0, 11, 0) + 30_000, ringMs: 30_000, disposition: 'missed', remoteNumber: '13900139000', remoteNumberDigits: '13900139000' });
  const wednesday: Row[] = [];
  for (let i = 0; i < WEDNESDAY_CALLS; i += 1) wednesday.push(await seed.call(answered(at(2, 8, i * 5), 2000 + i * 100, { remoteNumber: `0755 8600 ${String(i).padStart(4, '0')}`, remoteNumberDigits: `07558600${String(i).padStart(4, '0')}` })));
  await seed.call(answered(at(6, 20, 0), 6000));
  await seed.call(answered(at(7, 9, 0), 3000)); // Monday of the next week: not in this volume
  await seed.put('callNotes', [
    note(zhang, { callerName: '张伟', company: '华星科技有限公司', category: 'enquiry', reason: '预约会议室' }),
    note(li, { callerName: '李娜', category: 'forPerson', reason: '找行政部王经理' }),
    ...wednesday.map((call, i) => note(call, { callerName: `客户${i + 1}号`, category: 'business', reason: '业务联系' })),
  ]);
  await seed.reload();
  return { calls: 3 + WEDNESDAY_CALLS + 1, answered: 2 + WEDNESDAY_CALLS + 1, missed: 1 };
}

let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'frontdesk-volume-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('a weekly volume: totals on screen, printed, its PDF read back with pdftotext, recorded with its SHA-256', async ({ app, page, context }) => {
  await app.open({ language: 'zh-CN', screen: 'dashboard' });
  const seed = new SeedData(app);
  const expected = await seedWeek(seed, page);
  await app.navigate('archive');
  await page.getByRole('tab', { name: '通话周册' }).click();

  const week = page.getByLabel('周（ISO 周）');
  await week.fill('2026-W5x');
  await expect(page.getByText('请输入形如 2026-W45 的 ISO 周。')).toBeVisible();
  await expect(page.getByRole('button', { name: '打印周册' })).toBeDisabled();
  await week.fill('2026-W45');
  const summary = page.getByTestId('volume-summary');
  await expect(summary).toHaveText(`本周通话 ${expected.calls} 次，接听 ${expected.answered} 次，未接 ${expected.missed} 次`);
  const days = page.getByRole('table', { name: '本周每天的合计' });
  await expect(days.getByRole('row')).toHaveCount(8);
  await expect(days.getByRole('row').nth(3)).toContainText(String(WEDNESDAY_CALLS));

  // The keyboard: the week buttons on either side of the field.
  await week.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(week).toHaveValue('2026-W44');
  await expect(summary).toHaveText('本周通话 0 次，接听 0 次，未接 0 次');
  await week.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(week).toHaveValue('2026-W45');
  await expect(summary).toContainText(`本周通话 ${expected.calls} 次`);

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // The browser build prints from a hidden frame: keep the document it was given.
  await page.evaluate(() => {
    const w = window as unknown as { __printed?: string };
    new MutationObserver((changes) => {
      for (const change of changes) for (const node of change.addedNodes) if (node instanceof HTMLIFrameElement && node.srcdoc) w.__printed = node.srcdoc;
    }).observe(document.body, { childList: true });
  });
  await page.getByRole('button', { name: '打印周册' }).click();
  await expect(page.getByRole('status').filter({ hasText: '周册 2026-W45 已送去打印。' })).toBeVisible();
  const html = await page.evaluate(() => (window as unknown as { __printed?: string }).__printed ?? '');
  expect(html).toContain('<!doctype html>');

  // Recorded: the SHA-256 of exactly that document, and listed on the tab.
  const records = await app.readTable<{ week: string; output: string; sha256: string; pages: number; calls: number; answered: number; missed: number }>('weeklyVolumes');
  expect(records).toHaveLength(1);
  const record = records[0]!;
  expect(record).toMatchObject({ week: '2026-W45', output: 'print', calls: expected.calls, answered: expected.answered, missed: expected.missed });
  expect(record.sha256).toBe(createHash('sha256').update(html, 'utf8').digest('hex'));
  await expect(page.getByRole('table', { name: '已生成的周册' })).toContainText(record.sha256);
  const audit = await app.readTable<{ entityTable: string; summary: string }>('auditLog');
  expect(audit.filter((e) => e.entityTable === 'weeklyVolumes').map((e) => e.summary)).toEqual([expect.stringContaining(`sha256 ${record.sha256}`)]);

  // Chromium's PDF of that document, read by pdftotext.
  const printPage = await context.newPage();
  await printPage.setContent(html);
  const pdfPath = join(folder, 'volume.pdf');
  await writeFile(pdfPath, await printPage.pdf({ preferCSSPageSize: true, printBackground: true }));
  await printPage.close();
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { timeout: 60_000 });
  const sheets = stdout.split('\f').filter((s) => s.trim() !== '');
  const pages = record.pages;
  expect(sheets).toHaveLength(pages);
  sheets.forEach((sheet, i) => expect(sheet).toMatch(new RegExp(`\\b${i + 1} / ${pages}\\b`)));
  // The cover: the week and its totals.
  expect(sheets[0]).toContain('电话记录周册 2026-W45');
  expect(sheets[0]).toContain('2026 年第 45 周');
  expect(sheets[0]).toContain(`通话 ${expected.calls}，接听 ${expected.answered}，未接 ${expected.missed}，接听用时 P50`);
  expect(sheets[0]).toMatch(new RegExp(`通话\\s+${expected.calls}\\n`));
  expect(sheets[0]).toContain(`共 ${pages} 页`);
  // The contents: every day, with the sheet its section starts on.
  expect(sheets[1]).toContain('目录');
  const dayNames = ['11月2日星期一', '11月3日星期二', '11月4日星期三', '11月5日星期四', '11月6日星期五', '11月7日星期六', '11月8日星期日'];
  for (const name of dayNames) {
    const line = sheets[1]!.split('\n').find((l) => l.includes(name));
    expect(line, name).toBeDefined();
    const startsOn = Number(/(\d+)\s*$/.exec(line!)?.[1]);
    expect(sheets[startsOn - 1], `${name} on sheet ${startsOn}`).toContain(name);
    expect(sheets.slice(0, startsOn - 1).slice(2).some((s) => s.includes(name))).toBe(false);
  }
  const body = sheets.slice(2).join('\n');
  // Monday's calls by category, with the names and companies the notes hold, and its totals.
  expect(body).toContain('咨询小计：通话 1，接听 1，未接 0');
  expect(body).toContain('张伟');
  expect(body).toContain('华星科技有限公司');
  expect(body).toContain('李娜');
  expect(body).toContain('未填写来电记录小计：通话 1，接听 0，未接 1');
  expect(body).toContain('11月2日星期一合计：通话 3，接听 2，未接 1');
  // Wednesday's 40 calls run over more than one sheet, continued, every caller printed once.
  expect(body).toContain(`业务联系小计：通话 ${WEDNESDAY_CALLS}，接听 ${WEDNESDAY_CALLS}，未接 0`);
  expect(body).toContain('11月4日星期三 （续）');
  for (let i = 1; i <= WEDNESDAY_CALLS; i += 1) expect(body.match(new RegExp(`客户${i}号(?!\\d)`, 'g')), `客户${i}号`).toHaveLength(1);
  expect(body).toContain('当天没有通话。');
});
