import { expect, type Page } from '@playwright/test';

/** Settings → Sync as a supervisor uses it: the server, a connection test, and "Save and start sync". */
export async function startDeskSync(page: Page, serverUrl: string, databaseName: string, timeout = 90_000): Promise<void> {
  const section = page.getByRole('region', { name: 'Sync with other desks' });
  await section.getByLabel('Server address').fill(serverUrl);
  await section.getByLabel('Database name').fill(databaseName);
  await section.getByRole('button', { name: 'Test connection' }).click();
  await expect(section.getByTestId('sync-settings-result')).toHaveText(/^Connected: the server holds \d+ records$/, { timeout: 30_000 });
  await section.getByRole('button', { name: 'Save and start sync' }).click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'upToDate', { timeout });
}
