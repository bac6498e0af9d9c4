import { test, expect } from './fixtures';
import { VisitorsPage } from './pages/VisitorsPage';

test.describe('watchlist', () => {
  let visitors: VisitorsPage;

  test.beforeEach(async ({ app }) => {
    visitors = new VisitorsPage(app);
    await visitors.open();
  });

  async function addEntry(page: import('@playwright/test').Page, fields: { name?: string; idNumber?: string; organisation?: string; reason: string }) {
    await visitors.tab('Watchlist').click();
    const form = page.getByRole('form', { name: 'Add to the watchlist' });
    if (fields.name) await form.getByRole('textbox', { name: 'Name' }).fill(fields.name);
    if (fields.idNumber) await form.getByRole('textbox', { name: 'ID number' }).fill(fields.idNumber);
    if (fields.organisation) await form.getByRole('textbox', { name: 'Organisation' }).fill(fields.organisation);
    await form.getByRole('textbox', { name: /^Reason/ }).fill(fields.reason);
    await form.getByRole('button', { name: 'Add to watchlist' }).click();
    await expect(page.getByRole('table', { name: 'Watchlist entries' }).getByRole('row').filter({ hasText: fields.reason })).toBeVisible();
    await visitors.tab('Register & on site').click();
  }

  test('a name listed in traditional characters, typed in simplified, raises the alert; the decision is stored', async ({ page }) => {
    await addEntry(page, { name: '陳偉強', reason: '曾冒充快递员' });

    await visitors.fill({ name: '陈伟强', host: '2001', purpose: '送货' });
    await visitors.purpose.press('Enter');
    const dialog = visitors.alertDialog;
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('陈伟强 matches the watchlist');
    await expect(dialog).toContainText('Entry: 陳偉強');
    await expect(dialog).toContainText('Reason: 曾冒充快递员');
    // It cannot be dismissed without a decision.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await expect(dialog).toBeVisible();
    expect(await visitors.visits()).toHaveLength(0);

    await dialog.getByRole('radio', { name: 'Refused entry' }).check();
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('与名单照片一致，拒绝入内');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await expect(dialog).toBeHidden();
    expect(await visitors.visits()).toHaveLength(0);
    let alerts = await visitors.alerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'acknowledged', decision: 'refused', matchedOn: 'name', note: '与名单照片一致，拒绝入内', candidateName: '陈伟强' });
    expect(alerts[0]!.visitId).toBeUndefined();

    // Trying again with spaces does not get past it; this time security checks and admits.
    await visitors.fill({ name: '陈 伟强', host: '2001', purpose: '送货' });
    await visitors.checkInButton.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: 'Admitted after checking' }).check();
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('保安核实身份，非同一人');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await expect(visitors.boardRow('陈 伟强')).toBeVisible();
    const [visit] = await visitors.visits();
    alerts = await visitors.alerts();
    expect(alerts).toHaveLength(2);
    expect(alerts.find((a) => a.decision === 'admitted')).toMatchObject({ visitId: visit!.id, status: 'acknowledged' });
    const audit = await visitors.audit();
    expect(audit.filter((e) => e.action === 'acknowledge')).toHaveLength(2);

    // The management view lists the alerts with their decisions.
    await visitors.tab('Watchlist').click();
    const log = page.getByRole('table', { name: 'Alerts' });
    await expect(log.getByRole('row').filter({ hasText: 'Refused entry' })).toBeVisible();
    await expect(log.getByRole('row').filter({ hasText: 'Admitted after checking' })).toBeVisible();
  });

  test('a simplified entry matches a traditional name and an ID number typed with spaces; deactivating stops it', async ({ page }) => {
    await addEntry(page, { name: '郑丽华', reason: '前员工，禁止入内' });
    await addEntry(page, { idNumber: '11010519491231002X', reason: '证件挂失冒用' });

    await visitors.fill({ name: '鄭麗華', host: '2001' });
    await visitors.purpose.press('Enter');
    await expect(visitors.alertDialog).toContainText('Matched on: name');
    await visitors.alertDialog.getByRole('radio', { name: 'Security called' }).check();
    await visitors.alertDialog.getByRole('textbox', { name: /^Note/ }).fill('已通知保安到大堂');
    await visitors.alertDialog.getByRole('button', { name: 'Record decision' }).click();
    await expect(visitors.alertDialog).toBeHidden();
    expect(await visitors.visits()).toHaveLength(0);

    await visitors.fill({ name: '某访客', host: '2001', idType: 'residentId', idNumber: '110105 19491231 002x' });
    await visitors.purpose.press('Enter');
    await expect(visitors.alertDialog).toContainText('Matched on: ID number');
    await visitors.alertDialog.getByRole('radio', { name: 'Refused entry' }).check();
    await visitors.alertDialog.getByRole('textbox', { name: /^Note/ }).fill('拒绝');
    await visitors.alertDialog.getByRole('button', { name: 'Record decision' }).click();
    const alerts = await visitors.alerts();
    expect(alerts.map((a) => [a.matchedOn, a.decision]).sort()).toEqual([['idNumber', 'refused'], ['name', 'securityCalled']]);

    await visitors.tab('Watchlist').click();
    await page.getByRole('button', { name: 'Deactivate 郑丽华' }).click();
    await expect(page.getByRole('table', { name: 'Watchlist entries' }).getByRole('row').filter({ hasText: '郑丽华' })).toContainText('Deactivated');
    await visitors.tab('Register & on site').click();
    await visitors.checkIn({ name: '鄭麗華', host: '2001' });
    expect(await visitors.visits()).toHaveLength(1);
  });
});
