// The desk is warned while there is still room: once the browser's storage estimate passes 80 % of the
// quota, the status bar says so in the desk's language.
import { test, expect } from './fixtures';

test.describe('storage', () => {
  test('the status bar warns when storage is nearly full, and not before', async ({ app, page }) => {
    // The estimate the browser reports, kept across reloads in sessionStorage.
    await page.addInitScript(() => {
      Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ usage: Number(sessionStorage.getItem('test.usage') ?? 50), quota: 100 }) });
    });
    await app.open({ language: 'zh-CN' });
    await expect(page.getByTestId('storage-status')).toContainText('已用');
    await expect(page.getByTestId('storage-nearly-full')).toHaveCount(0);

    await page.evaluate(() => sessionStorage.setItem('test.usage', '91'));
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: '存储空间即将用满' })).toHaveText('存储空间即将用满（已用 91%）：请先导出归档并释放空间，以免无法保存');
  });

  test('a database held open by an older window is explained, and the console continues once it closes', async ({ app, page, context }) => {
    // Another window of the same origin holds the database open at an older version and ignores requests
    // to close it, as an old console left open in a background tab does.
    const older = await context.newPage();
    await older.goto('/no-such-page');
    await older.evaluate(() => new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('frontdesk', 10);
      request.onsuccess = () => {
        (window as unknown as { held: IDBDatabase }).held = request.result;
        resolve();
      };
      request.onerror = () => reject(request.error);
    }));

    await page.goto('/index.html?lang=en');
    const alert = page.getByTestId('database-health');
    await expect(alert).toHaveAttribute('data-state', 'blocked');
    await expect(alert).toContainText('close that window (or tab) and this one continues by itself');

    await older.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await expect(alert).toHaveCount(0);
    await expect(app.main.locator('a[data-tile] [data-figure]')).toHaveCount(17);
  });
});
