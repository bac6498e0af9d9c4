// CSV import speed, driven as a person does it (choose the file, confirm the preview) in real Chromium:
// rows per second of the expected-visitor import and of the directory import, from the click on "Import"
// to the dialog closing with every row stored. Prints figures; no pass/fail on timing (README).
import { test, expect } from '../e2e/fixtures';
import { DirectoryPage } from '../e2e/pages/DirectoryPage';
import { VisitorsPage } from '../e2e/pages/VisitorsPage';

const EXPECTED_ROWS = Number(process.env.BENCH_EXPECTED_ROWS ?? 20_000);
const DIRECTORY_ROWS = Number(process.env.BENCH_DIRECTORY_ROWS ?? 50_000);

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕鹏辉婷雪飞建国志文斌宇浩凯俊帅欣怡梓涵子轩雨萱晨博'];
const name = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13 + 5) % GIVEN.length]}`;

function figure(label: string, rows: number, ms: number): void {
  console.log(`BENCH ${label}: ${rows} rows in ${(ms / 1000).toFixed(1)} s = ${Math.round(rows / (ms / 1000))} rows/s`);
}

test('expected-visitor import rows/s', async ({ app, page }) => {
  test.setTimeout(30 * 60_000);
  const visitors = new VisitorsPage(app);
  await visitors.open();
  await expect.poll(async () => (await app.readTable('staff')).length).toBeGreaterThan(0);
  await visitors.tab('Expected visitors').click();
  const hosts = ['2001', '2002', '2003'];
  const lines = ['name,organisation,phone,host,time,purpose'];
  for (let i = 0; i < EXPECTED_ROWS; i += 1) lines.push(`${name(i)},华信科技有限公司,139${String(10_000_000 + i).slice(-8)},${hosts[i % 3]},${String(9 + (i % 9)).padStart(2, '0')}:00,会议`);
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'expected.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  const dialog = page.getByRole('dialog', { name: 'Import expected visitors from CSV' });
  const confirm = dialog.getByRole('button', { name: `Import ${EXPECTED_ROWS} rows` });
  await expect(confirm).toBeVisible({ timeout: 120_000 });
  const started = Date.now();
  await confirm.click();
  await expect(dialog).toBeHidden({ timeout: 30 * 60_000 });
  const ms = Date.now() - started;
  expect((await app.readTable<{ deletedAt?: number }>('visits')).filter((v) => v.deletedAt === undefined)).toHaveLength(EXPECTED_ROWS);
  figure('expected-visitor import', EXPECTED_ROWS, ms);
});

test('directory import rows/s', async ({ app, page }) => {
  test.setTimeout(30 * 60_000);
  const directory = new DirectoryPage(app);
  await directory.open();
  const lines = ['name,department,title,extension,mobile,email'];
  for (let i = 0; i < DIRECTORY_ROWS; i += 1) lines.push(`${name(i)},部门${i % 40},专员,${60_000 + i},138${String(10_000_000 + i).slice(-8)},p${i}@example.com`);
  // A large file: its preview takes a while on a loaded machine.
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(directory.importDialog).toBeVisible({ timeout: 120_000 });
  const dialog = directory.importDialog;
  const confirm = dialog.getByRole('button', { name: `Import ${DIRECTORY_ROWS} rows` });
  await expect(confirm).toBeVisible({ timeout: 120_000 });
  const started = Date.now();
  await confirm.click();
  await expect(dialog).toBeHidden({ timeout: 30 * 60_000 });
  const ms = Date.now() - started;
  expect((await directory.storedStaff()).length).toBeGreaterThanOrEqual(DIRECTORY_ROWS);
  figure('directory import', DIRECTORY_ROWS, ms);
});
