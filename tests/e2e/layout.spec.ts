// Layout defects a person sees: clipped labels, columns pushed off-screen by one long value, a time field
// too narrow for its own value, a button that wraps, truncated cells with no way to read them.
import { test, expect } from './fixtures';
import { dateTimeField, dateTimeFieldParts, typeIntoDateTimeField } from './pages/dateFields';
import { DashboardPage } from './pages/DashboardPage';
import { SeedData } from './pages/SeedData';

const LONG_ORGANISATION = 'Internationale-Handelsgesellschaft-für-Präzisionsinstrumente-und-Messtechnik-GmbH-Niederlassung-Shanghai';

test.describe('layout', () => {
  test('the roll call keeps every column on screen and its "Sort by" label uncut', async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const dashboard = new DashboardPage(app);
    await dashboard.open();
    const seed = new SeedData(app);
    const { now } = await seed.clock();
    const [host] = await seed.sampleHosts();
    await seed.visit(await seed.visitor('Hans Müller', LONG_ORGANISATION), { status: 'onSite', arrivedAt: now - 60_000, hostStaffId: host!.id });
    await seed.reload();

    const rollCall = await dashboard.openRollCall();
    await expect(rollCall.table.locator('tbody tr')).toHaveCount(1);
    const content = rollCall.root.locator('.MuiDialogContent-root');
    const overflow = await content.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, 'horizontal overflow of the roll call, px').toBeLessThanOrEqual(0);
    // The last column (the badge action) is inside the dialog.
    const dialogBox = (await rollCall.root.boundingBox())!;
    const lastCell = (await rollCall.table.locator('tbody tr td').last().boundingBox())!;
    expect(lastCell.x + lastCell.width).toBeLessThanOrEqual(dialogBox.x + dialogBox.width);

    const label = content.locator('.MuiInputLabel-root').filter({ hasText: 'Sort by' });
    const labelBox = (await label.boundingBox())!;
    const contentBox = (await content.boundingBox())!;
    expect(labelBox.y, 'the label starts inside the visible content').toBeGreaterThanOrEqual(contentBox.y);
  });

  test('the expected-visitor time shows whole and the add button stays on one line', async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.open({ language: 'en', screen: 'visitors' });
    await app.main.getByRole('tab', { name: /Expected/ }).click();
    await typeIntoDateTimeField(page, app.main, 'Expected at', '0900A');
    const time = dateTimeField(app.main, 'Expected at');
    await expect.poll(() => dateTimeFieldParts(app.main, 'Expected at')).toEqual(['09', '00', 'AM']);
    // The value (with AM/PM in English) fits: nothing scrolls inside the field.
    expect(await time.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect((await time.boundingBox())!.width).toBeGreaterThanOrEqual(120);
    const add = app.main.getByRole('button', { name: 'Add expected visitor' });
    const lineHeight = await add.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const box = (await add.boundingBox())!;
    expect(box.height, 'one line of text plus padding').toBeLessThan(lineHeight * 2);
  });

  test('a truncated on-site board cell shows its full text on hover', async ({ app }) => {
    await app.open({ language: 'en', screen: 'visitors' });
    const seed = new SeedData(app);
    const { now } = await seed.clock();
    await seed.visit(await seed.visitor('Hans Müller', LONG_ORGANISATION), { status: 'onSite', arrivedAt: now - 60_000 });
    await seed.reload();
    const cell = app.main.getByRole('cell', { name: LONG_ORGANISATION });
    await expect(cell).toHaveAttribute('title', LONG_ORGANISATION);
    expect(await cell.evaluate((el) => el.scrollWidth > el.clientWidth), 'the cell really is truncated').toBe(true);
  });

  test('English buttons keep their case', async ({ app }) => {
    await app.open({ language: 'en', screen: 'dashboard' });
    const button = app.main.getByRole('button', { name: 'Emergency roll call' });
    await expect(button).toHaveCSS('text-transform', 'none');
  });
});
