// Scheduled backups from the browser build: there is no main process to write files, so the Backups tab says
// backups need the desktop app, offers no control that would pretend otherwise, and the status bar claims no
// backup at all (main's side is unit-tested with a temporary folder: main/handlers/backupHandlers.test.ts).
import { test, expect } from './fixtures';

test.describe('scheduled backups in the browser build', () => {
  test('the Backups tab says they need the desktop app, and the status bar shows no backup state', async ({ app, page }) => {
    await app.open({ language: 'en', screen: 'archive' });
    await expect(app.heading).toHaveText('Archive');
    const tab = page.getByRole('tab', { name: 'Backups' });
    await tab.focus();
    await page.keyboard.press('Enter');
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel', { name: 'Backups' });
    await expect(panel.getByRole('status')).toHaveText(/Scheduled backups need the desktop app/);
    await expect(panel.getByRole('button')).toHaveCount(0);
    const bar = page.getByRole('contentinfo');
    await expect(bar.getByTestId('phone-status')).toBeVisible();
    await expect(bar.getByTestId('backup-status')).toHaveCount(0);
    await expect(bar).not.toContainText(/backup/i);
    // Nothing was written or recorded as a backup: no audit entry of an archive export.
    const audit = await app.readTable<{ action: string; entityTable?: string }>('auditLog');
    expect(audit.filter((e) => e.entityTable === 'archive')).toEqual([]);
  });

  test('the same in Chinese: the tab and its explanation are translated', async ({ app, page }) => {
    await app.open({ language: 'zh-CN', screen: 'archive' });
    await page.getByRole('tab', { name: '定时备份' }).click();
    await expect(page.getByRole('tabpanel', { name: '定时备份' }).getByRole('status')).toHaveText(/定时备份需要桌面版/);
    await expect(page.getByRole('contentinfo')).not.toContainText('备份');
  });
});
