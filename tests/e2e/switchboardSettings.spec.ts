// Settings → Switchboard records (issue 10) in the real browser: the answer-time target changed through
// the form is what the dashboard counts by, and the supervisor sees today's figures per operator; the
// settings section and the dashboard with its operator table pass the axe scan in all three languages.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DashboardPage } from './pages/DashboardPage';
import { SeedData } from './pages/SeedData';

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('switchboard record settings', () => {
  test('the answer-time target set in Settings is what the dashboard counts by; the supervisor sees it per operator', async ({ app, page }) => {
    test.setTimeout(180_000);
    const dashboard = new DashboardPage(app);
    await dashboard.open();
    const seed = new SeedData(app);
    const { now, startOfDay } = await seed.clock();
    const startedAt = Math.floor(startOfDay + (now - startOfDay) / 2);
    await seed.call({ startedAt, answeredAt: startedAt + 25_000, ringMs: 25_000, endedAt: startedAt + 90_000, disposition: 'answered' });
    await seed.reload();
    const within = app.main.locator('a[data-tile="withinTarget"]');
    await expect(within).toHaveAccessibleName('Answered within three rings: 0%, of answered calls, within 18 s');

    await app.navigate('settings');
    const form = page.getByRole('form', { name: 'Switchboard records' });
    const target = form.getByLabel('Answer-time target (seconds)');
    await expect(target).toHaveValue('18');
    await target.fill('30');
    await form.getByRole('button', { name: 'Save switchboard record settings' }).click();
    await expect(page.getByText('Switchboard record settings saved')).toBeVisible();

    await app.navigate('dashboard');
    await expect(within).toHaveAccessibleName('Answered within three rings: 100%, of answered calls, within 30 s');
    const table = app.main.getByRole('table', { name: 'Today by operator (table)' });
    await expect(table.getByRole('columnheader', { name: 'Within 30 s' })).toBeVisible();
    await expect(table.getByRole('row', { name: /nobody signed in/ })).toContainText('25.0 s');

    const stored = await page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('frontdesk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rows: { key: string; value: unknown; deletedAt?: number }[] = await new Promise((resolve, reject) => {
        const req = db.transaction('settings').objectStore('settings').getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return rows.filter((r) => r.key === 'dashboard.answerTargetMs' && r.deletedAt === undefined).map((r) => r.value);
    });
    expect(stored).toEqual([30_000]);
  });

  for (const language of ['zh-CN', 'zh-TW', 'en'] as const) {
    test(`the settings section and the dashboard's operator table pass the axe scan (${language})`, async ({ app, page }) => {
      test.setTimeout(180_000);
      await app.open({ language, screen: 'dashboard' });
      const seed = new SeedData(app);
      const { now, startOfDay } = await seed.clock();
      const startedAt = Math.floor(startOfDay + (now - startOfDay) / 2);
      await seed.call({ startedAt, answeredAt: startedAt + 4000, ringMs: 4000, endedAt: startedAt + 60_000, disposition: 'answered' });
      await seed.reload();
      await expect(app.main.locator('section[aria-labelledby="dashboard-operators"] table')).toBeVisible();
      const found = await seriousViolations(page, 'dashboard');
      await app.open({ language, screen: 'settings' });
      await expect(page.locator('#settings-records')).toBeVisible();
      await expect(page.locator('#settings-answer-target')).toBeEnabled();
      found.push(...(await seriousViolations(page, 'settings')));
      expect(found).toEqual([]);
    });
  }
});
