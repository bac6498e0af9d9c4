import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

const screenshotPath = fileURLToPath(new URL('../../docs/shell.png', import.meta.url));

test.describe('console shell', () => {
  test('loads in Simplified Chinese by default', async ({ app, page }) => {
    await page.goto('/index.html');
    await expect(app.navLink('访客登记')).toBeVisible();
    await expect(app.navLink('总机')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(app.heading).toHaveText('今日概览');
    // The tiles come from live queries: wait for every figure so the picture shows the real screen.
    await expect(app.main.locator('a[data-tile] [data-figure]')).toHaveCount(17);
    await expect(app.phoneStatus).toHaveText('话机：未配置');
  });

  for (const [language, visitors, settings, switchboard] of [
    ['zh-TW', '訪客登記', '設定', '總機'],
    ['en', 'Visitors', 'Settings', 'Switchboard'],
  ] as const) {
    test(`loads in ${language}`, async ({ app, page }) => {
      await app.open({ language });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(app.navLink(visitors)).toBeVisible();
      await expect(app.navLink(settings)).toBeVisible();
      await expect(app.navLink(switchboard)).toBeVisible();
    });
  }

  test('switches language at runtime and keeps the choice after a reload', async ({ app, page }) => {
    await app.open({ language: 'en' });
    // The top bar's switch is a native <select> (renderer/ui/CompactLanguageSwitch.tsx), operable from the
    // keyboard: focused, an arrow key picks the language above (简体中文, 繁體中文, English).
    const language = page.getByRole('combobox', { name: 'Language' });
    await expect(language).toHaveValue('en');
    await language.focus();
    await page.keyboard.press('ArrowUp');
    // Its name is now in the language it switched to.
    await expect(page.getByRole('combobox', { name: '語言' })).toHaveValue('zh-TW');
    await expect(app.navLink('訪客登記')).toBeVisible();
    // The screen's own strings switch too (its namespace's zh-TW strings load with the switch).
    await expect(page.getByRole('heading', { level: 1, name: '今日概覽' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('介面語言已切換為 繁體中文');
    await page.goto('/index.html');
    await expect(app.navLink('訪客登記')).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('frontdesk.language'))).toBe('zh-TW');
  });

  test('an unknown language code is refused with a clear message', async ({ app, page }) => {
    await page.goto('/index.html?lang=xx-YY');
    await expect(app.navLink('访客登记')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('不支持的语言代码“xx-YY”');
    const panel = await app.openNotifications();
    await expect(panel).toContainText('xx-YY');
    // A stored preference that went bad is refused the same way and replaced by the default.
    await page.evaluate(() => localStorage.setItem('frontdesk.language', 'klingon'));
    await page.goto('/index.html');
    await expect(page.getByRole('alert')).toContainText('klingon');
    await expect(app.navLink('访客登记')).toBeVisible();
  });

  test('every screen is reachable from the keyboard and says what it will hold', async ({ app, page }) => {
    await app.open({ language: 'en' });
    await app.navigate('visitors');
    await expect(app.heading).toHaveText('Visitor log');
    await app.navigate('dashboard');
    await expect(app.main.getByRole('heading', { level: 1 })).toBeVisible();
    await app.navigate('parcels');
    await expect(app.heading).toHaveText('Mail and parcels');
    await app.navigate('switchboard');
    await expect(app.heading).toHaveText('Switchboard');
    await expect(page.getByTestId('registration')).toContainText('The phone is not configured yet');
    await app.navigate('archive');
    await expect(app.heading).toHaveText('Archive');
    await expect(app.main).toContainText('A bundle is one ZIP file');
    await app.navigate('settings');
    await expect(app.heading).toHaveText('Settings');
    await expect(page.getByTestId('about-version')).toContainText('browser preview');
    await expect(app.navLink('Settings')).toHaveAttribute('aria-current', 'page');
  });

  test('F1 shows the shortcut help listing the navigation shortcuts', async ({ app, page }) => {
    await app.open({ language: 'en' });
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('row', { name: /Alt\+1 Open "Visitors"/ })).toBeVisible();
    await expect(help.getByRole('row', { name: /Alt\+8 Open "Settings"/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('Ctrl+E opens the emergency roll call from any screen', async ({ app, page }) => {
    await app.open({ language: 'en', screen: 'directory' });
    await page.keyboard.press('Control+e');
    await expect(page.getByRole('dialog', { name: /Emergency roll call/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await app.navigate('settings');
    await page.keyboard.press('Control+e');
    await expect(page.getByRole('dialog', { name: /Emergency roll call/ })).toBeVisible();
  });

  test('status bar reports the phone and storage state', async ({ app }) => {
    await app.open({ language: 'en' });
    await expect(app.phoneStatus).toHaveText('Phone: not configured');
    await expect(app.storageStatus).toHaveAttribute('data-state', /persisted|notPersisted/);
    await expect(app.storageStatus).toContainText('Storage:');
  });

  test('every button and field has an accessible name', async ({ app, page }) => {
    await app.open({ language: 'en', screen: 'settings' });
    for (const role of ['button', 'link', 'combobox', 'textbox'] as const) {
      for (const control of await page.getByRole(role).all()) {
        await expect(control).toHaveAccessibleName(/\S/);
      }
    }
  });

  test('README screenshot of the shell, on the screen it opens on', async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 760 });
    await app.open({ language: 'zh-CN' });
    await expect(app.heading).toHaveText('今日概览');
    // The tiles come from live queries: wait for every figure so the picture shows the real screen.
    await expect(app.main.locator('a[data-tile] [data-figure]')).toHaveCount(17);
    await page.screenshot({ path: screenshotPath });
    expect(statSync(screenshotPath).size).toBeGreaterThan(10_000);
  });
});
