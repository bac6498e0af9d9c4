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
});
