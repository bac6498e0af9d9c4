import { test, expect } from './fixtures';
import { VisitorsPage } from './pages/VisitorsPage';
import { typeIntoDateTimeField } from './pages/dateFields';

test.describe('visitor log', () => {
  let visitors: VisitorsPage;

  test.beforeEach(async ({ app }) => {
    visitors = new VisitorsPage(app);
    await visitors.open();
  });

  test('a new visitor is registered, the host is shown, and the badge scan checks them out', async ({ app, page }) => {
    await visitors.fill({ name: '陈伟强', company: '北京恒泰科技有限公司', phone: '138 0013 8000', host: '2001', purpose: '商务洽谈' });
    await expect(visitors.host).toHaveValue('王建国 (ext. 2001)');
    await visitors.purpose.press('Enter');

    const row = visitors.boardRow('陈伟强');
    await expect(row).toBeVisible();
    await expect(row).toContainText('北京恒泰科技有限公司');
    await expect(row).toContainText('王建国 · 2001');
    await expect(page.getByTestId('onsite-count')).toHaveText('On site now (1)');
    // Whom to notify, and how.
    await expect(visitors.arrival).toContainText('Notify the host 王建国, extension 2001');
    // The form is empty again, ready for the next visitor.
    await expect(visitors.name).toHaveValue('');
    await expect(visitors.name).toBeFocused();
    await expect(visitors.arrival.getByRole('button', { name: 'Call host' })).toBeDisabled();
    await expect(visitors.arrival).toContainText('The phone is not registered');
    await visitors.arrival.getByRole('button', { name: 'Mark host notified' }).click();
    await expect(visitors.arrival.getByRole('status')).toContainText('Host notified at');

    const [visit] = await visitors.visits();
    expect(visit).toMatchObject({ status: 'onSite', partySize: 1, purpose: '商务洽谈', hostNotifiedVia: 'manual', hostStaffId: await visitors.staffId('王建国') });
    const [visitor] = await visitors.visitors();
    expect(visitor).toMatchObject({ id: visit!.visitorId, name: '陈伟强', company: '北京恒泰科技有限公司' });
    expect(visitor!.searchKeys).toEqual(expect.arrayContaining(['chenweiqiang', 'cwq', '13800138000', 'bjhtkjyxgs']));

    // A USB scanner types the badge code and Enter into the focused check-out box.
    await page.keyboard.press('Control+o');
    await expect(visitors.checkOutBox).toBeFocused();
    await page.keyboard.type(`FDV1:${visit!.id}`);
    await page.keyboard.press('Enter');
    await expect(visitors.boardRow('陈伟强')).toHaveCount(0);
    await expect(visitors.checkOutBox).toHaveValue('');
    await expect(visitors.checkOutBox).toBeFocused();
    await expect(page.getByTestId('onsite-count')).toHaveText('On site now (0)');

    const [left] = await visitors.visits();
    expect(left).toMatchObject({ id: visit!.id, status: 'left', checkOutMethod: 'badgeScan', checkedOutBy: await app.supervisorId() });
    expect(left!.leftAt).toBeGreaterThanOrEqual(left!.arrivedAt!);
    const audit = (await visitors.audit()).filter((e) => e.entityId === visit!.id).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['checkIn', 'update', 'checkOut']));

    // Scanning the same badge again says so and changes nothing.
    await page.keyboard.type(`FDV1:${visit!.id}`);
    await page.keyboard.press('Enter');
    await expect(page.getByText('The visitor on this badge is not on site any more').first()).toBeVisible();
  });

  test('a returning visitor is checked in with at most 5 keystrokes after 2 typed letters', async ({ page }) => {
    await visitors.checkIn({ name: '陈伟强', company: '恒泰科技', host: '3002', purpose: '送合同' });
    const [first] = await visitors.visits();
    await visitors.checkOutBox.fill(`FDV1:${first!.id}`);
    await visitors.checkOutBox.press('Enter');
    await expect(visitors.boardRow('陈伟强')).toHaveCount(0);

    await page.keyboard.press('Control+r');
    await expect(visitors.name).toBeFocused();
    await page.keyboard.type('cw');
    await expect(visitors.suggestions.getByRole('option').first()).toContainText('陈伟强');

    // Count the keystrokes the page receives from here on; each one must do its step, and the visitor must
    // be on the board within 5 of them.
    await page.evaluate(() => {
      const w = window as unknown as { __keys: number };
      w.__keys = 0;
      window.addEventListener('keydown', () => { w.__keys += 1; }, { capture: true });
    });
    await page.keyboard.press('ArrowDown');
    await expect(visitors.suggestions.getByRole('option', { selected: true })).toContainText('陈伟强');
    await page.keyboard.press('Enter');
    await expect(visitors.name).toHaveValue('陈伟强');
    await expect(visitors.company).toHaveValue('恒泰科技');
    await page.keyboard.press('Enter');
    await expect(visitors.boardRow('陈伟强')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __keys: number }).__keys)).toBeLessThanOrEqual(5);

    await expect(visitors.boardRow('陈伟强')).toBeVisible();
    const visits = await visitors.visits();
    expect(visits).toHaveLength(2);
    const second = visits.find((v) => v.id !== first!.id)!;
    expect(second).toMatchObject({ status: 'onSite', visitorId: first!.visitorId, hostStaffId: first!.hostStaffId, purpose: '送合同' });
    expect(await visitors.visitors()).toHaveLength(1);
    await expect(visitors.arrival).toContainText('Notify the host 张三, extension 3002');
  });

  test('a wrong resident ID checksum is flagged; saving needs an explicit override', async ({ page }) => {
    await visitors.fill({ name: '王明', host: '2002', purpose: '面试', idType: 'residentId', idNumber: '110105194912310021' });
    await visitors.purpose.click();
    await expect(page.getByText('The ID number check digit does not match: check every digit')).toBeVisible();
    await visitors.checkInButton.click();
    await expect(visitors.idNumber).toBeFocused();
    expect(await visitors.visits()).toHaveLength(0);

    const override = page.getByRole('checkbox', { name: 'I have checked the document: register this number anyway' });
    await override.check();
    await visitors.checkInButton.click();
    await expect(visitors.boardRow('王明')).toBeVisible();
    const [visitor] = await visitors.visitors();
    expect(visitor!.idNumber).toBe('110105194912310021');
    expect((await visitors.audit()).some((e) => e.entityId === visitor!.id && e.summary.includes('saved despite a failed check'))).toBe(true);

    // A valid number is masked except the last four characters once the field is left.
    await visitors.fill({ name: '李雷', host: '2002', idType: 'residentId', idNumber: '11010519491231002X' });
    await visitors.purpose.click();
    await expect(visitors.idNumber).toHaveValue('**************002X');
    await expect(page.getByRole('checkbox', { name: /register this number anyway/ })).toHaveCount(0);
  });

  test('phone and plate problems are explained in the language of the desk', async ({ app, page }) => {
    await app.open({ language: 'zh-CN', screen: 'visitors' });
    await page.getByRole('combobox', { name: /^姓名/ }).fill('赵六');
    await page.getByRole('combobox', { name: '电话' }).fill('12800138000');
    await page.getByRole('button', { name: '登记入场', exact: true }).click();
    await expect(page.getByText('手机号码应为 11 位，以 13–19 开头')).toBeVisible();
    await expect(page.getByText('请从通讯录中选择被访人')).toBeVisible();
    expect(await visitors.visits()).toHaveLength(0);
  });

  test('a pre-registered visitor is checked in with one action, and a CSV import previews bad rows', async ({ page }) => {
    await visitors.tab('Expected visitors').click();
    await page.getByRole('textbox', { name: /^Name/ }).fill('周杰');
    await page.getByRole('textbox', { name: 'Organisation' }).fill('远景资本');
    await visitors.pickHost('2003', page.getByRole('combobox', { name: /^Host/ }).last());
    await typeIntoDateTimeField(page, page, 'Expected at', '1030A');
    await page.getByRole('button', { name: 'Add expected visitor' }).click();
    const list = page.getByRole('table', { name: 'Expected list' });
    await expect(list.getByRole('row').filter({ hasText: '周杰' })).toContainText('曾国华');
    const [expected] = await visitors.visits();
    expect(expected).toMatchObject({ status: 'expected' });
    // Read in the desk's time zone (the browser's), not the test runner's.
    expect(await page.evaluate((at) => new Date(at).getHours(), expected!.expectedAt!)).toBe(10);

    const csv = 'name,organisation,phone,host,time,purpose\n韩梅梅,新华书店,13912345678,2001,14:00,送书\n赵六,,12800000000,2001,15:00,\n孙七,,,不存在的人,,\n';
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'guests.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const dialog = page.getByRole('dialog', { name: 'Import expected visitors from CSV' });
    await expect(dialog).toContainText('1 rows ready to import, 2 rows with problems (not imported).');
    const bad = dialog.getByRole('table', { name: 'Rows with problems' });
    await expect(bad.getByRole('row').nth(1)).toHaveText(['3', 'Phone', 'A mobile number has 11 digits and starts with 13–19', '12800000000'].join(''));
    await expect(bad.getByRole('row').nth(2)).toHaveText(['4', 'Host', 'Not in the directory', '不存在的人'].join(''));
    await dialog.getByRole('button', { name: 'Import 1 rows' }).click();
    await expect(list.getByRole('row').filter({ hasText: '韩梅梅' })).toBeVisible();
    // Each row's buttons say whose visit they act on (a screen reader hears the name).
    await expect(list.getByRole('button', { name: 'Mark 周杰 as no-show' })).toBeVisible();
    await expect(list.getByRole('button', { name: 'Cancel the visit of 韩梅梅' })).toBeVisible();

    // One action: Enter on the focused row.
    await list.getByRole('row').filter({ hasText: '周杰' }).focus();
    await page.keyboard.press('Enter');
    await expect(list.getByRole('row').filter({ hasText: '周杰' })).toHaveCount(0);
    const arrived = (await visitors.visits()).find((v) => v.id === expected!.id);
    expect(arrived).toMatchObject({ status: 'onSite' });
    expect(arrived!.arrivedAt).toBeGreaterThan(0);

    // And the button on the row.
    await list.getByRole('button', { name: 'Check in 韩梅梅' }).click();
    await expect(list.getByRole('row').filter({ hasText: '韩梅梅' })).toHaveCount(0);
    await visitors.tab('Register & on site').click();
    await expect(visitors.boardRow('周杰')).toBeVisible();
    await expect(visitors.boardRow('韩梅梅')).toBeVisible();
  });

  test('the end-of-day check-out of everybody left is recorded as done by the person signed in', async ({ app, page }) => {
    await visitors.checkIn({ name: '甲乙', host: '2001' });
    await visitors.checkIn({ name: '丙丁', host: '2002' });
    await visitors.tab('End of day').click();
    const table = page.getByRole('table', { name: 'Never checked out' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await page.getByRole('button', { name: 'Check everybody out (2)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Check everybody out' });
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText('Everybody has checked out.')).toBeVisible();
    const visits = await visitors.visits();
    expect(visits).toHaveLength(2);
    const supervisor = await app.supervisorId();
    for (const visit of visits) expect(visit).toMatchObject({ status: 'left', checkOutMethod: 'bulkEndOfDay', checkedOutBy: supervisor });
    const audit = (await visitors.audit()).filter((e) => e.action === 'checkOut');
    expect(audit.map((e) => e.summary)).toEqual([expect.stringContaining('by the desk at the end of the day'), expect.stringContaining('by the desk at the end of the day')]);
  });

  test('Ctrl+E opens the emergency roll call', async ({ page }) => {
    await page.keyboard.press('Control+e');
    await expect(page.getByRole('dialog').first()).toBeVisible();
  });

  test('typing over a chosen host keeps every key, and Enter at scanner speed picks what was typed', async ({ page }) => {
    await visitors.pickHost('3002');
    await expect(visitors.host).toHaveValue('张三 (ext. 3002)');
    // Select the chosen host and type over it: "szg" (孙志刚) must not lose its "s" and become "zg" (曾国华).
    await visitors.host.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('szg');
    await expect(visitors.host).toHaveValue('szg');
    await page.keyboard.press('Enter');
    await expect(visitors.host).toHaveValue('孙志刚 (ext. 3005)');

    // A scanner-speed typist: "3003" and Enter with no pause; "300" alone would list 李秀英 (3001) first.
    await visitors.host.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect(visitors.host).toHaveValue('');
    await page.keyboard.type('3003');
    await page.keyboard.press('Enter');
    await expect(visitors.host).toHaveValue('赵丽娟 (ext. 3003)');
  });

  test('a check-out from the board can be undone, and both are audited', async ({ app, page }) => {
    await visitors.checkIn({ name: '韩梅梅', host: '3002', purpose: '面试' });
    const row = visitors.boardRow('韩梅梅');
    await row.getByRole('button', { name: 'Check out 韩梅梅' }).click();
    await expect(row).toHaveCount(0);
    const undoBar = app.main.getByRole('status').filter({ hasText: '韩梅梅 checked out. A mistake?' });
    await expect(undoBar).toBeVisible();
    await undoBar.getByRole('button', { name: 'Undo check-out' }).click();
    await expect(visitors.boardRow('韩梅梅')).toBeVisible();
    await expect(undoBar).toHaveCount(0);
    const [visit] = await visitors.visits();
    expect(visit).toMatchObject({ status: 'onSite' });
    expect(visit).not.toHaveProperty('leftAt');
    const audit = (await visitors.audit()).filter((a) => a.entityId === visit!.id).map((a) => a.summary);
    expect(audit).toEqual(expect.arrayContaining([expect.stringMatching(/^checked out \(search\)/), expect.stringMatching(/^undid the check-out \(search\)/)]));
    // The roll call counts the person again.
    await page.keyboard.press('Control+E');
    await expect(page.getByTestId('rollcall-summary')).toContainText('1 people on site');
  });

  test('changing the name after picking a returning visitor detaches the pick and clears what it filled in', async ({ page }) => {
    await visitors.checkIn({ name: '陈伟强', company: '恒泰科技', phone: '138 0013 8000', host: '3002', purpose: '送合同' });
    await page.keyboard.press('Control+r');
    await page.keyboard.type('cw');
    await expect(visitors.suggestions.getByRole('option').first()).toContainText('陈伟强');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(visitors.company).toHaveValue('恒泰科技');
    await expect(visitors.host).toHaveValue('张三 (ext. 3002)');

    await visitors.name.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('王芳');
    await expect(page.getByTestId('registration-detached')).toContainText('no longer the returning visitor 陈伟强');
    await expect(visitors.company).toHaveValue('');
    await expect(visitors.phone).toHaveValue('');
    await expect(visitors.purpose).toHaveValue('');
    await expect(visitors.host).toHaveValue('');

    await visitors.pickHost('2001');
    await visitors.purpose.fill('面试');
    await visitors.purpose.press('Enter');
    await expect(visitors.boardRow('王芳')).toBeVisible();
    const people = await visitors.visitors();
    expect(people).toHaveLength(2);
    const wang = people.find((p) => p.name === '王芳')!;
    expect(wang).not.toHaveProperty('company');
    expect(wang).not.toHaveProperty('phone');
  });
});
