// CSV imports never block the emergency roll call, and never leave anything half-imported: the rows are
// written hidden in short chunks (a staged import) and shown together at the end. Ctrl+E during a large
// import shows the people on site while the import is still running; Cancel, or a reload, mid-import
// leaves nothing stored. Order of events is asserted, never a duration.
import { test, expect } from './fixtures';
import { RollCallDialogPage } from './pages/DashboardPage';
import { DirectoryPage } from './pages/DirectoryPage';
import { SeedData } from './pages/SeedData';
import { VisitorsPage } from './pages/VisitorsPage';

const ROWS = 6_000;

function expectedCsv(rows: number): string {
  const lines = ['name,organisation,host,time,purpose'];
  for (let i = 0; i < rows; i += 1) lines.push(`导入访客${i},远景资本,${['2001', '2002', '2003'][i % 3]},${String(9 + (i % 9)).padStart(2, '0')}:30,会议`);
  return lines.join('\n');
}

interface Stored { deletedAt?: number; name?: string; status?: string }

test.describe('staged CSV imports', () => {
  let visitors: VisitorsPage;
  let seed: SeedData;

  test.beforeEach(async ({ app }) => {
    test.setTimeout(10 * 60_000);
    visitors = new VisitorsPage(app);
    await visitors.open();
    seed = new SeedData(app);
    const { now } = await seed.clock();
    const [host] = await seed.sampleHosts();
    await seed.visit(await seed.visitor('在场的王五', '华为技术'), { status: 'onSite', arrivedAt: now - 10 * 60_000, hostStaffId: host!.id });
    await seed.reload();
    await visitors.tab('Expected visitors').click();
  });

  async function startImport(page: import('@playwright/test').Page) {
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'guests.csv', mimeType: 'text/csv', buffer: Buffer.from(expectedCsv(ROWS)) });
    const dialog = page.getByRole('dialog', { name: 'Import expected visitors from CSV' });
    const confirm = dialog.getByRole('button', { name: `Import ${ROWS} rows` });
    await expect(confirm).toBeVisible({ timeout: 120_000 });
    await confirm.click();
    // The import's own progress bar (found even while the roll call dialog hides it from the accessibility tree).
    const progress = page.getByRole('progressbar', { name: /^Importing \d+ of \d+$/, includeHidden: true });
    await expect(progress).toBeAttached();
    return { dialog, progress };
  }

  test('Ctrl+E during a large expected-visitor import shows the people on site while it runs; Cancel stores nothing', async ({ app, page }) => {
    const { dialog, progress } = await startImport(page);
    // Rows are being written (staged) before the roll call is asked for.
    await expect.poll(async () => (await app.readTable<Stored>('visits')).length).toBeGreaterThan(1);

    await page.keyboard.press('Control+e');
    const rollCall = new RollCallDialogPage(page);
    await expect(rollCall.table.getByRole('row').filter({ hasText: '在场的王五' })).toBeVisible();
    await expect(rollCall.summary).toHaveText('1 people on site (1 visits)');
    // Seen while the import is still under way: its progress is below 100 % …
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(100);
    // … and none of the rows it has written so far is visible anywhere (only the seeded visit is live).
    const live = (await app.readTable<Stored>('visits')).filter((v) => v.deletedAt === undefined);
    expect(live.map((v) => v.status)).toEqual(['onSite']);
    await rollCall.root.getByRole('button', { name: 'Close' }).click();
    await expect(rollCall.root).toBeHidden();

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(visitors.notification('Import cancelled; nothing was saved.')).toBeVisible({ timeout: 120_000 });
    // The preview stays open (the desk may try again), its Import button usable again.
    await expect(dialog.getByRole('button', { name: `Import ${ROWS} rows` })).toBeEnabled();
    // Counted with tombstones: nothing of the import is stored at all.
    expect(await app.readTable('visits')).toHaveLength(1);
    expect((await app.readTable<Stored>('visitors')).map((v) => v.name)).toEqual(['在场的王五']);
    await expect(page.getByRole('table', { name: 'Expected list' }).getByText(/^导入访客/)).toHaveCount(0);
    const audit = await app.readTable<{ entityTable: string; summary: string }>('auditLog');
    expect(audit.filter((e) => e.entityTable === 'imports').map((e) => e.summary)).toEqual([expect.stringMatching(/^expected import cancelled: \d+ staged rows rolled back, nothing imported$/)]);
  });

  test('a reload in the middle of an import leaves nothing imported', async ({ app, page }) => {
    await startImport(page);
    await expect.poll(async () => (await app.readTable<Stored>('visits')).length).toBeGreaterThan(1);
    await page.reload();
    await app.navigation.waitFor();
    // At start the interrupted import is rolled back: only the seeded visit and visitor are stored.
    // The roll-back runs in short chunks, table by table (visits, then visitors): wait for each table.
    await expect.poll(async () => (await app.readTable('visits')).length, { timeout: 120_000 }).toBe(1);
    await expect.poll(async () => (await app.readTable('visitors')).length, { timeout: 120_000 }).toBe(1);
    await expect.poll(async () => (await app.readTable<{ entityTable: string; summary: string }>('auditLog')).filter((e) => e.entityTable === 'imports').map((e) => e.summary))
      .toEqual([expect.stringMatching(/^expected import interrupted \(window closed or reloaded\): \d+ staged rows rolled back at start, nothing imported$/)]);
    await visitors.tab('Expected visitors').click();
    await expect(page.getByRole('table', { name: 'Expected list' }).getByText(/^导入访客/)).toHaveCount(0);
  });
});

test('Ctrl+E during a large directory import shows the roll call while the import runs', async ({ app, page }) => {
  test.setTimeout(10 * 60_000);
  const directory = new DirectoryPage(app);
  await directory.open();
  const seed = new SeedData(app);
  const { now } = await seed.clock();
  const [host] = await seed.sampleHosts();
  await seed.visit(await seed.visitor('在场的李四'), { status: 'onSite', arrivedAt: now - 5 * 60_000, hostStaffId: host!.id });
  await seed.reload();
  const before = (await directory.storedStaff()).length;
  const lines = ['name,department,extension'];
  for (let i = 0; i < 20_000; i += 1) lines.push(`员工${i},新部门${i % 30},${60_000 + i}`);
  // A large file: its preview takes a while on a loaded machine.
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(directory.importDialog).toBeVisible({ timeout: 120_000 });
  const confirm = directory.importDialog.getByRole('button', { name: 'Import 20000 rows' });
  await expect(confirm).toBeVisible({ timeout: 120_000 });
  await confirm.click();
  const progress = page.getByRole('progressbar', { name: /^Importing… \d+ \/ \d+$/, includeHidden: true });
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);

  await page.keyboard.press('Control+e');
  const rollCall = new RollCallDialogPage(page);
  await expect(rollCall.table.getByRole('row').filter({ hasText: '在场的李四' })).toContainText(host!.name);
  expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(100);
  // Nobody of the import is in the directory yet.
  expect(await directory.storedStaff()).toHaveLength(before);
  await rollCall.root.getByRole('button', { name: 'Close' }).click();
  await directory.importDialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(directory.notification('Import cancelled; nothing was imported.')).toBeVisible({ timeout: 120_000 });
  expect(await app.readTable('staff')).toHaveLength(before);
  expect((await directory.storedDepartments()).some((d) => d.name.startsWith('新部门'))).toBe(false);
});
