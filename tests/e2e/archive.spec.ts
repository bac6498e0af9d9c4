// The archive bundle from the outside: export from one desk, verify, restore into an empty desk and find
// every row identical; a damaged bundle is refused with the database untouched; a restore interrupted by a
// reload leaves the database as it was.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, signInAsTestSupervisor } from './fixtures';
import { AppPage } from './pages/AppPage';
import { SeedData } from './pages/SeedData';
import { VisitorsPage } from './pages/VisitorsPage';

const TABLES = ['departments', 'staff', 'visitors', 'visits', 'calls', 'complaints', 'auditLog'];

/** A SHA-256 over a table's rows in key order, keys sorted: equal when every row is identical. */
async function tableDigest(app: AppPage, table: string, only?: ReadonlySet<string>): Promise<{ rows: number; sha256: string }> {
  const rows = (await app.readTable<Record<string, unknown>>(table)).filter((r) => !only || only.has(String(r.id)));
  const canonical = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(canonical) : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])])) : value;
  const lines = rows.map((r) => JSON.stringify(canonical(r))).sort();
  return { rows: rows.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

async function seedDesk(app: AppPage): Promise<void> {
  const seed = new SeedData(app);
  const { now } = await seed.clock();
  const [host] = await seed.sampleHosts();
  for (let i = 0; i < 12; i += 1) {
    const visitor = await seed.visitor(i % 4 === 0 ? `=HYPERLINK("http://x",${i})` : `访客${i}号`, i % 2 ? '北京华为技术有限公司' : undefined);
    await seed.visit(visitor, { status: i % 3 ? 'left' : 'onSite', arrivedAt: now - (i + 1) * 3_600_000, hostStaffId: host!.id, purpose: '商务洽谈' });
  }
  for (let i = 0; i < 8; i += 1) await seed.call({ startedAt: now - i * 600_000, disposition: i % 3 ? 'answered' : 'missed' });
  await seed.complaint({ content: '前台空调太冷', status: 'open' });
  await seed.reload();
}

async function exportBundle(app: AppPage, page: Page, folder: string): Promise<string> {
  await app.navigate('archive');
  await expect(app.heading).toHaveText('Archive');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^frontdesk-archive-\d{8}-\d{4}\.zip$/);
  await expect(page.getByRole('status').filter({ hasText: 'Bundle saved' })).toBeVisible();
  const path = join(folder, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function openRestore(app: AppPage, page: Page): Promise<void> {
  await app.navigate('archive');
  await page.getByRole('tab', { name: 'Verify and restore' }).click();
}

const run = promisify(execFile);

/**
 * Opens a CSV in LibreOffice Calc (headless, its own profile) and returns the cells as Calc shows them, read
 * from the HTML it saves. The import takes UTF-8 as its character set, as the import dialog has it for a
 * file with a UTF-8 byte-order mark (LibreOffice 7.4's headless import would otherwise take the system's
 * 8-bit charset); everything else is Calc's default, which evaluates formulas.
 */
async function cellsInCalc(csvPath: string, workDir: string): Promise<string[][]> {
  const out = join(workDir, 'calc');
  await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(workDir, 'profile')}`, '--infilter=CSV:44,34,76,1', '--convert-to', 'html', '--outdir', out, csvPath], { timeout: 120_000 });
  const html = await readFile(join(out, csvPath.split('/').pop()!.replace(/\.csv$/, '.html')), 'utf8');
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!));
  return rows;
}

let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'frontdesk-archive-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test.describe('archive bundle', () => {
  // Two desks, seeding, an export and a restore per test: minutes on a loaded 2-core machine.
  test.describe.configure({ timeout: 180_000 });
  test('round trip: export → verify → restore into an empty desk → every table identical, restore audited', async ({ app, page, browser }) => {
    await app.open({ screen: 'dashboard' });
    await seedDesk(app);
    const tables = TABLES.filter((t) => t !== 'auditLog');
    const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await tableDigest(app, t)] as const)));
    const ids = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, new Set((await app.readTable<{ id: string }>(t)).map((r) => r.id))] as const)));
    const path = await exportBundle(app, page, folder);

    // What the file holds, read independently of the app: the manifest's counts and checksums.
    const files = unzipSync(new Uint8Array(await readFile(path)));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: { path: string; rows: number; sha256: string }[] };
    for (const file of manifest.files) {
      expect(createHash('sha256').update(files[file.path]!).digest('hex'), file.path).toBe(file.sha256);
    }
    expect(manifest.files.find((f) => f.path === 'tables/visits.jsonl')?.rows).toBe(12);
    expect(manifest.files.find((f) => f.path === 'tables/calls.jsonl')?.rows).toBe(8);
    const exportAudit = (await app.readTable<{ action: string; summary: string }>('auditLog')).filter((a) => a.action === 'export');
    expect(exportAudit.map((a) => a.summary)).toEqual([expect.stringMatching(/^archive bundle frontdesk-archive-.*\.zip: .*visits=12.*calls=8/)]);

    // A second desk: a fresh browser context, so an empty database.
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    try {
      const otherPage = await context.newPage();
      await signInAsTestSupervisor(otherPage);
      const other = new AppPage(otherPage);
      await other.open({ screen: 'dashboard' });
      await openRestore(other, other.page);
      await other.page.getByLabel('Choose a bundle').setInputFiles(path);
      await expect(other.page.getByRole('status').filter({ hasText: 'The bundle is intact' })).toBeVisible();
      const rowsTable = other.page.getByRole('table', { name: 'Rows per table in the bundle' });
      await expect(rowsTable.getByRole('row', { name: /Visits 12/ })).toBeVisible();
      await other.page.getByRole('button', { name: 'Preview restore' }).click();
      const preview = other.page.getByRole('table', { name: 'Restore preview' });
      await expect(preview.getByRole('row', { name: /^Visits 12 0 0$/ })).toBeVisible();
      expect(await other.readTable('visits')).toHaveLength(0); // nothing visible before "Restore"
      await other.page.getByRole('button', { name: /^Restore \d+ records$/ }).click();
      await expect(other.page.getByRole('status').filter({ hasText: /records restored/ })).toBeVisible();
      // Every row of the first desk is on the second, identical (the sample directory the second desk loaded
      // on its first start is the same rows, same ids and stamps: counted identical, not conflicts).
      for (const table of tables) {
        expect(await tableDigest(other, table, ids[table]), table).toEqual(before[table]);
      }
      for (const table of ['visitors', 'visits', 'calls', 'complaints']) expect(await other.readTable(table), table).toHaveLength(before[table]!.rows);
      expect(await other.readTable('restoreStaging')).toHaveLength(0);
      const restoreAudit = (await other.readTable<{ action: string; summary: string }>('auditLog')).filter((a) => a.action === 'restore');
      expect(restoreAudit).toHaveLength(1);
      expect(restoreAudit[0]!.summary).toMatch(/^restored \d+ rows from frontdesk-archive-/);
      // The restored visitors are on the second desk's on-site board as on the first.
      await other.navigate('visitors');
      const board = new VisitorsPage(other);
      await expect(board.boardRow('访客3号')).toBeVisible();
      await expect(board.boardRow('访客1号')).toHaveCount(0); // left hours ago on the first desk
    } finally {
      await context.close();
    }
  });

  test('a bundle with one flipped byte is refused and the database is untouched; a text file is not a bundle', async ({ app, page }) => {
    await app.open({ screen: 'dashboard' });
    await seedDesk(app);
    const path = await exportBundle(app, page, folder);
    const bytes = new Uint8Array(await readFile(path));
    // Flip a byte inside the visits file's compressed data (the ZIP's local header names the file first).
    const name = new TextEncoder().encode('tables/visits.jsonl');
    let at = -1;
    for (let i = 0; i < bytes.length - name.length && at < 0; i += 1) if (name.every((b, j) => bytes[i + j] === b)) at = i;
    expect(at).toBeGreaterThan(0);
    bytes[at + name.length + 40]! ^= 0x20;
    const damaged = join(folder, 'damaged.zip');
    await writeFile(damaged, bytes);

    const visitsBefore = await tableDigest(app, 'visits');
    await openRestore(app, page);
    await page.getByLabel('Choose a bundle').setInputFiles(damaged);
    const panel = page.getByRole('tabpanel', { name: 'Verify and restore' });
    await expect(panel.getByRole('alert')).toContainText(/damaged or was changed|not a bundle/);
    await expect(page.getByRole('button', { name: 'Preview restore' })).toHaveCount(0);
    expect(await tableDigest(app, 'visits')).toEqual(visitsBefore);

    const text = join(folder, 'visitors.zip');
    await writeFile(text, '姓名,电话\n张三,13800138000\n');
    await page.getByLabel('Choose a bundle').setInputFiles(text);
    await expect(panel.getByRole('alert')).toHaveText('This is not a bundle (it cannot be read as a ZIP file).');
  });

  test('a restore interrupted by a reload after its preview leaves the database as it was', async ({ app, page, browser }) => {
    await app.open({ screen: 'dashboard' });
    await seedDesk(app);
    const path = await exportBundle(app, page, folder);
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    try {
      const otherPage = await context.newPage();
      await signInAsTestSupervisor(otherPage);
      const other = new AppPage(otherPage);
      await other.open({ screen: 'dashboard' });
      const digests = async () => Promise.all(TABLES.map((t) => tableDigest(other, t)));
      await openRestore(other, other.page);
      await other.page.getByLabel('Choose a bundle').setInputFiles(path);
      await other.page.getByRole('button', { name: 'Preview restore' }).click();
      await expect(other.page.getByRole('table', { name: 'Restore preview' })).toBeVisible();
      const staged = await other.readTable('restoreStaging');
      expect(staged.length).toBeGreaterThan(0);
      const beforeReload = await digests();
      await other.page.reload();
      await other.navigation.waitFor();
      expect(await digests()).toEqual(beforeReload);
      expect(await other.readTable('visits')).toHaveLength(0);
      // Opening the restore screen again clears what the interrupted preview had staged.
      await openRestore(other, other.page);
      await expect.poll(async () => (await other.readTable('restoreStaging')).length).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('the exported CSV opens in a real spreadsheet program with Chinese intact and no formula run', async ({ app, page }) => {
    await app.open({ screen: 'dashboard' });
    await seedDesk(app);
    const path = await exportBundle(app, page, folder);
    const files = unzipSync(new Uint8Array(await readFile(path)));
    const csvFile = join(folder, 'visitors.csv');
    await writeFile(csvFile, files['csv/visitors.csv']!);
    const rows = await cellsInCalc(csvFile, folder);
    const header = rows[0]!;
    const name = header.indexOf('name');
    const company = header.indexOf('company');
    expect(name).toBeGreaterThanOrEqual(0);
    const cells = rows.slice(1);
    expect(cells).toHaveLength(12);
    const text = (cell: string) => cell.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    // Chinese text arrives as typed.
    expect(cells.map((r) => text(r[name]!))).toContain('访客1号');
    expect(cells.map((r) => text(r[company] ?? ''))).toContain('北京华为技术有限公司');
    // The visitor-typed formulas are text in Calc, shown with the apostrophe that neutralised them, and no
    // cell became a link or a computed value.
    const formulas = cells.map((r) => text(r[name]!)).filter((v) => v.includes('HYPERLINK'));
    expect(formulas).toHaveLength(3);
    for (const value of formulas) expect(value).toMatch(/^'=HYPERLINK\("http:\/\/x",\d+\)$/);
    expect(rows.flat().some((cell) => /<a\s/i.test(cell))).toBe(false);
  });

  test('retention destroys expired records only when the chosen bundle holds them, after a dry run, and audits it', async ({ app, page }) => {
    await app.open({ screen: 'dashboard' });
    const seed = new SeedData(app);
    const { now } = await seed.clock();
    const day = 86_400_000;
    const old = [];
    for (let i = 0; i < 4; i += 1) old.push(await seed.call({ startedAt: now - (800 + i) * day, endedAt: now - (800 + i) * day, disposition: 'answered' }));
    const recent = await seed.call({ startedAt: now - 3 * day, disposition: 'missed' });
    await seed.reload();
    const path = await exportBundle(app, page, folder);
    // Expired too, but written after the bundle was made: no archive holds it.
    const unarchived = await seed.call({ startedAt: now - 900 * day, endedAt: now - 900 * day, disposition: 'missed' });

    await page.getByRole('tab', { name: 'Retention' }).click();
    await expect(page.getByLabel('Calls and call notes')).toHaveValue('730');
    await page.getByLabel('Choose a bundle for a dry run').setInputFiles(path);
    const plan = page.getByRole('table', { name: 'Destruction dry run' });
    await expect(plan.getByRole('row', { name: /^Calls and call notes 5 4 1$/ })).toBeVisible();
    await expect(page.getByText('1 expired records are not in this bundle')).toBeVisible();
    expect(await app.readTable('calls')).toHaveLength(6); // a dry run writes nothing
    const destroy = page.getByRole('button', { name: 'Destroy 4 records' });
    await expect(destroy).toBeDisabled();
    await page.getByLabel('I have stored this bundle safely').check();
    await destroy.click();
    await expect(page.getByRole('status').filter({ hasText: '4 records destroyed, 0 ID numbers removed.' })).toBeVisible();
    const left = (await app.readTable<{ id: string }>('calls')).map((c) => c.id).sort();
    expect(left).toEqual([recent.id, unarchived.id].sort());
    const audit = (await app.readTable<{ action: string; summary: string }>('auditLog')).filter((a) => a.action === 'destroy');
    expect(audit.map((a) => a.summary)).toEqual([expect.stringMatching(/^retention: destroyed calls=4; archived in frontdesk-archive-\d{8}-\d{4}\.zip \(manifest sha256 [0-9a-f]{64}\)$/)]);
    expect(old.every((c) => !left.includes(c.id))).toBe(true);
  });
});
