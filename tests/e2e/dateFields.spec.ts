// Date and time fields follow the console's language, not the browser's (issue 8): the parts' order and
// placeholders, the calendar's heading, month and weekday names and its buttons, and 24-hour times in
// Chinese. Typed from the keyboard part by part, what is stored is the same whatever the language.
import { test, expect } from './fixtures';
import { VisitorsPage } from './pages/VisitorsPage';
import { dateTimeField, dateTimeFieldParts, typeIntoDateTimeField } from './pages/dateFields';

test.describe('date and time fields in the console language', () => {
  test('a date reads in Simplified Chinese, typed year first, its calendar in Chinese; English reorders it', async ({ app, page }) => {
    await app.open({ language: 'zh-CN', screen: 'audit' });
    await expect.poll(() => dateTimeFieldParts(app.main, '起始日期')).toEqual(['YYYY', 'MM', 'DD']);
    const parts = dateTimeField(app.main, '起始日期').getByRole('spinbutton');
    for (const [i, name] of ['年份', '月份', '日期'].entries()) await expect(parts.nth(i)).toHaveAccessibleName(name);
    await typeIntoDateTimeField(page, app.main, '起始日期', '20261201');
    await expect.poll(() => dateTimeFieldParts(app.main, '起始日期')).toEqual(['2026', '12', '01']);

    await app.main.getByRole('button', { name: '选择日期' }).first().click();
    const calendar = page.getByRole('dialog');
    await expect(calendar.getByText('2026年12月')).toBeVisible();
    await expect(calendar.getByRole('button', { name: '下个月' })).toBeVisible();
    // Weeks start on Monday, as a Chinese calendar does.
    await expect(calendar.getByRole('columnheader').first()).toHaveAccessibleName('星期一');
    // Picking a day from the keyboard: → moves to 2 December, Enter takes it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => dateTimeFieldParts(app.main, '起始日期')).toEqual(['2026', '12', '02']);

    await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
    await expect.poll(() => dateTimeFieldParts(app.main, 'From')).toEqual(['12', '02', '2026']);
    await app.main.getByRole('button', { name: 'Choose date, selected date is Dec 2, 2026' }).click();
    await expect(page.getByRole('dialog').getByRole('grid', { name: 'December 2026' })).toBeVisible();
    await page.keyboard.press('Escape');
  });

  test("an expected visitor's time is typed in 24-hour form in Chinese and stored as that hour", async ({ app, page }) => {
    await app.open({ language: 'zh-CN', screen: 'visitors' });
    const visitors = new VisitorsPage(app);
    await app.main.getByRole('tab', { name: /预约访客/ }).click();
    // 24-hour parts (no AM/PM), starting at the form's default of nine o'clock.
    await expect.poll(() => dateTimeFieldParts(app.main, '预计到访时间')).toEqual(['09', '00']);
    await page.getByRole('textbox', { name: /^姓名/ }).fill('周杰');
    const host = page.getByRole('combobox', { name: /^被访人/ }).last();
    await host.fill('2003');
    await expect(page.getByRole('listbox', { name: '被访人候选' }).getByRole('option').first()).toBeVisible();
    await host.press('Enter');
    await expect(host).toHaveValue(/2003/);
    await typeIntoDateTimeField(page, app.main, '预计到访时间', '1430');
    await expect.poll(() => dateTimeFieldParts(app.main, '预计到访时间')).toEqual(['14', '30']);
    await page.getByRole('button', { name: '添加预约', exact: true }).click();
    await expect(page.getByRole('table', { name: '待到访列表' }).getByRole('row').filter({ hasText: '周杰' })).toContainText('14:30');
    const [expected] = await visitors.visits();
    expect(await page.evaluate((at) => [new Date(at).getHours(), new Date(at).getMinutes()], expected!.expectedAt!)).toEqual([14, 30]);
  });
});
