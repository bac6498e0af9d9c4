import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { DashboardPage } from './pages/DashboardPage';
import { SeedData } from './pages/SeedData';

test.describe('emergency roll call', () => {
  test('lists exactly the visitors on site with the head count; CSV export and print are audited', async ({ app, page }) => {
    const dashboard = new DashboardPage(app);
    await dashboard.open();
    const seed = new SeedData(app);
    const { now } = await seed.clock();
    const [hostA, hostB] = await seed.sampleHosts();
    const minute = 60_000;
    const onSite = [
      await seed.visit(await seed.visitor('王五', '华为技术'), { status: 'onSite', arrivedAt: now - 30 * minute, partySize: 2, hostStaffId: hostA!.id }),
      await seed.visit(await seed.visitor('Alice Smith', 'ACME'), { status: 'onSite', arrivedAt: now - 20 * minute, partySize: 1, hostStaffId: hostB!.id }),
      await seed.visit(await seed.visitor('陈七'), { status: 'onSite', arrivedAt: now - 10 * minute, partySize: 3 }),
    ];
    // Gone already, or not arrived yet: must not be on the list.
    await seed.visit(await seed.visitor('Left Early'), { status: 'left', arrivedAt: now - 90 * minute, leftAt: now - 60 * minute, hostStaffId: hostA!.id });
    await seed.visit(await seed.visitor('离开的人'), { status: 'left', arrivedAt: now - 50 * minute, leftAt: now - 5 * minute });
    await seed.visit(await seed.visitor('Expected Guest'), { status: 'expected', expectedAt: now + 60 * minute, hostStaffId: hostB!.id });
    await seed.visit(await seed.visitor('预约访客'), { status: 'expected', expectedAt: now - 5 * minute });
    await seed.reload();

    const rollCall = await dashboard.openRollCall();
    await expect(rollCall.summary).toHaveText('6 people on site (3 visits)');
    await expect(rollCall.table.locator('tbody tr')).toHaveCount(3);
    const rows = await rollCall.rows();
    expect(rows.map((r) => r[3]).sort()).toEqual(['Alice Smith', '王五', '陈七'].sort());
    const wang = rows.find((r) => r[3] === '王五')!;
    expect(wang.slice(1, 3)).toEqual([hostA!.name, hostA!.extension]);
    expect(wang[4]).toBe('华为技术');
    expect(wang[6]).toBe('2');
    expect(rows.find((r) => r[3] === '陈七')![1]).toBe('(none)');
    for (const absent of ['Left Early', '离开的人', 'Expected Guest', '预约访客']) {
      await expect(rollCall.table.getByText(absent)).toHaveCount(0);
    }

    // Export: the browser stand-in downloads the CSV.
    const [download] = await Promise.all([page.waitForEvent('download'), rollCall.root.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^roll-call-\d{8}-\d{4}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFDepartment,Host,Extension,Visitor,Organisation,Arrived,Party size\r\n')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.includes('王五') && l.includes('华为技术') && l.endsWith(',2'))).toBe(true);

    await rollCall.root.getByRole('button', { name: 'Print roll call' }).click();
    await expect.poll(async () => (await app.readTable<{ entityId: string; summary: string }>('auditLog')).filter((a) => a.entityId === 'rollcall').map((a) => a.summary).sort())
      .toEqual([
        expect.stringMatching(/^emergency roll call exported: 6 people in 3 visits \(roll-call-.*\.csv\)$/),
        'emergency roll call printed: 6 people in 3 visits (browser)',
      ]);
    // The rows are exactly the seeded on-site visits, by id.
    const listed = await rollCall.table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-visit-id')));
    expect(listed.sort()).toEqual(onSite.map((v) => v.id).sort());
  });

  test('works with no network at all', async ({ app, page, context }) => {
    const dashboard = new DashboardPage(app);
    await dashboard.open();
    const seed = new SeedData(app);
    const { now } = await seed.clock();
    await seed.visit(await seed.visitor('离线访客'), { status: 'onSite', arrivedAt: now - 60_000, partySize: 4 });
    await seed.reload();
    await context.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    const rollCall = await dashboard.openRollCall();
    await expect(rollCall.summary).toHaveText('4 people on site (1 visits)');
    await expect(rollCall.table).toContainText('离线访客');
    await context.setOffline(false);
  });
});
