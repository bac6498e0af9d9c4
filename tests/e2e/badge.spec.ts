import { test, expect } from './fixtures';
import { BadgeDialogPage } from './pages/BadgeDialogPage';
import { DashboardPage } from './pages/DashboardPage';
import { SeedData } from './pages/SeedData';

test.describe('visitor badge', () => {
  test('the print preview carries a QR code that decodes to FDV1:<visit id>; a reprint warns and is audited', async ({ app, page }) => {
    const dashboard = new DashboardPage(app);
    await dashboard.open();
    const seed = new SeedData(app);
    const { now } = await seed.clock();
    const [host] = await seed.sampleHosts();
    const visit = await seed.visit(await seed.visitor('张三', '北京示例科技有限公司'), {
      status: 'onSite', arrivedAt: now - 5 * 60_000, partySize: 1, hostStaffId: host!.id, badgeNumber: 'V-0042',
    });
    await seed.reload();

    const rollCall = await dashboard.openRollCall();
    await rollCall.badgeButton('张三').click();
    const badge = new BadgeDialogPage(page);
    await expect(badge.root).toHaveAccessibleName('Visitor badge: 张三');
    await expect(badge.printCount).toHaveText('Not printed yet');
    for (const text of ['张三', '北京示例科技有限公司', host!.name, 'V-0042', 'VISITOR']) {
      await expect(badge.preview.locator('.badge')).toContainText(text);
    }
    expect(await badge.decodeQr()).toBe(`FDV1:${visit.id}`);

    // First print: no warning, counted.
    await badge.printButton.click();
    await expect(badge.root).toBeHidden();
    await expect.poll(async () => (await app.readTable<{ id: string; badgePrintCount?: number }>('visits')).find((v) => v.id === visit.id)?.badgePrintCount).toBe(1);

    // Reprint: warns with the count first, then counts and audits.
    await rollCall.badgeButton('张三').click();
    await expect(badge.printCount).toHaveText('Printed 1 times');
    await badge.printButton.click();
    await expect(badge.reprintWarning).toContainText('This badge was already printed 1 times');
    await expect(badge.printButton).toHaveText('Print again');
    await badge.printButton.click();
    await expect(badge.root).toBeHidden();
    await expect.poll(async () => (await app.readTable<{ id: string; badgePrintCount?: number }>('visits')).find((v) => v.id === visit.id)?.badgePrintCount).toBe(2);
    const audit = (await app.readTable<{ entityTable: string; entityId: string; summary: string; action: string }>('auditLog')).filter((a) => a.entityId === visit.id);
    expect(audit.map((a) => [a.action, a.summary])).toEqual([
      ['update', 'badge printed'],
      ['update', 'badge reprinted: copy 2, already printed 1 times before'],
    ]);
  });
});
