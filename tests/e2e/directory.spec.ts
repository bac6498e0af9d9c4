import type { Locator } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { DirectoryPage } from './pages/DirectoryPage';
import { SAMPLE_DIRECTORY_DESK } from '../../shared/directory/sampleIds';

test.describe('staff directory', () => {
  let directory: DirectoryPage;

  test.beforeEach(async ({ app }) => {
    directory = new DirectoryPage(app);
    await directory.open();
  });

  test('the sample directory is there on first run', async ({ app }) => {
    await expect(directory.total).toHaveText('40 people in total');
    await expect(directory.options).toHaveCount(40);
    await expect(directory.search).toBeFocused();
    const staff = await directory.storedStaff();
    expect(staff).toHaveLength(40);
    expect(await directory.storedDepartments()).toHaveLength(8);
    // The sample's rows are the same at every desk (shared/directory/sampleIds.ts): one desk id for all of them.
    expect(new Set(staff.map((p) => p.deskId))).toEqual(new Set([SAMPLE_DIRECTORY_DESK]));
    const settings = await app.readTable<{ key: string; value: unknown }>('settings');
    expect(settings.find((s) => s.key === 'directory.sampleLoaded')?.value).toBe(true);
  });

  test('pinyin initials find a person; arrows and Enter open them', async () => {
    await expect(directory.options).toHaveCount(40);
    await directory.search.pressSequentially('zs');
    await expect(directory.options.first()).toContainText('张三');
    await expect(directory.selectedOption).toContainText('张三');
    await expect(directory.option('李秀英')).toHaveCount(0);
    // A polyphonic surname reads as a surname: 曾 is "zeng", 单 is "shan".
    await directory.searchFor('zgh');
    await expect(directory.options).toHaveCount(1);
    await expect(directory.options.first()).toContainText('曾国华');
    await directory.searchFor('shanxue');
    await expect(directory.options.first()).toContainText('单雪梅');
    await directory.searchFor('销售');
    await expect(directory.options).toHaveCount(6);
    // Listed in pinyin order: 高峰, 韩雪, 梁晓东, 宋佳, 唐磊, 谢婉婷.
    await expect(directory.options.nth(2)).toContainText('梁晓东');
    await directory.search.press('ArrowDown');
    await directory.search.press('ArrowDown');
    await expect(directory.selectedOption).toContainText('梁晓东');
    // Enter opens the person's card with how to reach them and a call action; editing is a button on it.
    await directory.search.press('Enter');
    const card = directory.page.getByRole('dialog', { name: '梁晓东' });
    await expect(card.getByRole('table', { name: 'How to reach 梁晓东' })).toContainText('6002');
    await expect(card.getByRole('button', { name: 'Call 6002' })).toBeDisabled();
    await card.getByRole('button', { name: 'Edit' }).click();
    await expect(directory.personDialog).toHaveAccessibleName('Edit person: 梁晓东');
    await expect(directory.personDialog.getByRole('textbox', { name: 'Extension' })).toHaveValue('6002');
    await directory.page.keyboard.press('Escape');
    await expect(directory.personDialog).toBeHidden();
    await expect(directory.search).toBeFocused();
    await directory.search.press('Escape');
    await expect(directory.search).toHaveValue('');
  });

  test('a CSV import previews the bad row, imports the good ones, and they survive a reload', async ({ app, page }) => {
    const csv = [
      'name,department,title,extension,mobile,email',
      '欧阳明,采购部,采购经理,8801,13800008801,ouyang.ming@example.com',
      '周一鸣,采购部,采购专员,8802,,not-an-email',
      '吕小雨,采购部,采购助理,8803,13800008803,',
    ].join('\n');
    await directory.chooseCsv('buyers.csv', `\uFEFF${csv}`);
    const dialog = directory.importDialog;
    await expect(dialog).toContainText('2 rows ready to import, 1 rows with problems (not imported).');
    const bad = dialog.getByRole('table', { name: 'Rows with problems' });
    await expect(bad.getByRole('row')).toHaveCount(2);
    await expect(bad.getByRole('row').nth(1)).toHaveText(['3', 'Email', 'Not a valid email address', 'not-an-email'].join(''));
    const good = dialog.getByRole('table', { name: 'Rows to import' });
    await expect(good.getByRole('row')).toHaveCount(3);
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect(dialog).toBeHidden();
    await expect(directory.notification('Imported 2 people, skipped 1 rows (buyers.csv)')).toBeVisible();
    await expect(directory.total).toHaveText('42 people in total');

    await directory.searchFor('采购');
    await expect(directory.options).toHaveCount(2);
    // ü typed as v, the way pinyin keyboards spell it; initials find 李秀英 too.
    await directory.searchFor('lvxiaoyu');
    await expect(directory.options).toHaveCount(1);
    await expect(directory.options.first()).toContainText('吕小雨');
    await directory.searchFor('lxy');
    await expect(directory.options).toHaveCount(2);

    const stored = await directory.storedStaff();
    expect(stored.map((p) => p.name)).toEqual(expect.arrayContaining(['欧阳明', '吕小雨']));
    expect(stored.map((p) => p.name)).not.toContain('周一鸣');
    const buyers = (await directory.storedDepartments()).find((d) => d.name === '采购部');
    expect(buyers).toBeDefined();
    expect(stored.find((p) => p.name === '吕小雨')).toMatchObject({ departmentId: buyers!.id, extension: '8803', nameKey: 'lv xiao yu' });
    const audit = await app.readTable<{ action: string; summary: string }>('auditLog');
    expect(audit.filter((e) => e.action === 'import').map((e) => e.summary)).toContainEqual(expect.stringContaining('imported 2 people from buyers.csv'));

    await page.reload();
    await expect(app.main).toHaveAttribute('data-screen', 'directory');
    await expect(directory.total).toHaveText('42 people in total');
    await directory.search.pressSequentially('ouyangming');
    await expect(directory.options).toHaveCount(1);
    await expect(directory.options.first()).toContainText('欧阳明');
    expect(await directory.storedStaff()).toHaveLength(42);
  });

  test('a CSV file Excel saved in GB18030, with Chinese headers, is read in its encoding and stored correctly', async () => {
    // Made with Debian's iconv: printf '姓名,部门,职务,分机,手机\r\n司马晓彤,…' | iconv -f UTF-8 -t GB18030.
    // 䶮 is a four-byte GB18030 sequence; the phones are typed with +86 and 0086.
    await directory.chooseCsvFile(fileURLToPath(new URL('../fixtures/csv/directory-gb18030.csv', import.meta.url)));
    const dialog = directory.importDialog;
    await expect(dialog.getByTestId('import-encoding')).toHaveText('Encoding: GB18030');
    await expect(dialog).toContainText('3 rows ready to import, 0 rows with problems (not imported).');
    const good = dialog.getByRole('table', { name: 'Rows to import' });
    await expect(good.getByRole('row').nth(1)).toHaveText(['2', '司马晓彤', '市场部', '市场经理', '8901', '+86 139 0013 8901'].join(''));
    await expect(good.getByRole('row').nth(3)).toContainText('龚䶮');
    await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
    await expect(dialog).toBeHidden();
    await expect(directory.total).toHaveText('43 people in total');

    const stored = (await directory.storedStaff()).filter((p) => ['8901', '8902', '8903'].includes(p.extension ?? ''));
    expect(stored.map((p) => p.name).sort()).toEqual(['欧阳娜娜', '龚䶮', '司马晓彤'].sort());
    expect(stored.map((p) => `${p.name}${p.title ?? ''}`).join('')).not.toContain('\uFFFD');
    expect(stored.find((p) => p.name === '司马晓彤')).toMatchObject({ title: '市场经理', mobileDigits: '+8613900138901' });
    expect(stored.find((p) => p.name === '龚䶮')).toMatchObject({ mobileDigits: '+8613900138903' });
    // Found the way the desk types it: pinyin, and the number typed nationally.
    await directory.searchFor('simaxiaotong');
    await expect(directory.options).toHaveCount(1);
    await expect(directory.options.first()).toContainText('司马晓彤');
    await directory.searchFor('13900138903');
    await expect(directory.options.first()).toContainText('龚䶮');
  });

  test('a person is added through the form with the keyboard only', async ({ page }) => {
    await expect(directory.options).toHaveCount(40);
    await page.keyboard.press('Control+n');
    const dialog = directory.personDialog;
    await expect(dialog).toHaveAccessibleName('New person');
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await page.keyboard.type('诸葛亮');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('combobox', { name: 'Department' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const department = await dialog.getByRole('combobox', { name: 'Department' }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    expect(department).not.toBe('(no department)');
    await page.keyboard.press('Tab');
    await page.keyboard.type('军师');
    await page.keyboard.press('Tab');
    // An extension that is taken is refused on the field.
    await page.keyboard.type('3002');
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('This extension is already used by someone else')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Extension' }).focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('3009');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(directory.notification('Added 诸葛亮')).toBeVisible();
    await expect(directory.search).toBeFocused();
    await page.keyboard.type('zgl');
    await expect(directory.options).toHaveCount(1);
    await expect(directory.options.first()).toContainText('诸葛亮');
    await expect(directory.options.first()).toContainText(department);
    const stored = (await directory.storedStaff()).find((p) => p.name === '诸葛亮');
    expect(stored).toMatchObject({ title: '军师', extension: '3009', nameKey: 'zhu ge liang' });
    expect(stored?.searchKeys).toEqual(expect.arrayContaining(['zgl', 'zhugeliang', '3009']));
  });

  test('every control of the screen and its dialogs has an accessible name', async ({ page }) => {
    const checkNamed = async (scope: Locator) => {
      for (const role of ['button', 'combobox', 'textbox', 'option', 'listbox'] as const) {
        for (const control of await scope.getByRole(role).all()) await expect(control).toHaveAccessibleName(/\S/);
      }
    };
    await expect(directory.options).toHaveCount(40);
    await checkNamed(page.locator('main'));
    await page.getByRole('button', { name: 'Departments' }).click();
    const departments = page.getByRole('dialog', { name: 'Departments' });
    await expect(departments.getByRole('button', { name: 'Rename 销售部' })).toBeVisible();
    await checkNamed(departments);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New person' }).click();
    await checkNamed(directory.personDialog);
  });
});
