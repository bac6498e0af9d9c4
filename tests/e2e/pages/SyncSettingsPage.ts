import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signInAsTestSupervisor } from '../fixtures';
import { AppPage } from './AppPage';

export interface DeskSyncOptions {
  /** What the other desks call this one when it falls silent (Settings → Sync, "This desk's name"). */
  deskName?: string;
  timeout?: number;
}

/** Settings → Sync as a supervisor uses it: the server, a connection test, and "Save and start sync". */
export async function startDeskSync(page: Page, serverUrl: string, databaseName: string, options: DeskSyncOptions | number = {}): Promise<void> {
  const { deskName, timeout = 90_000 } = typeof options === 'number' ? { timeout: options } : options;
  const section = syncSection(page);
  await section.getByLabel('Server address').fill(serverUrl);
  await section.getByLabel('Database name').fill(databaseName);
  if (deskName) await section.getByLabel('This desk\'s name (optional)').fill(deskName);
  await section.getByRole('button', { name: 'Test connection' }).click();
  await expect(section.getByTestId('sync-settings-result')).toHaveText(/^Connected: the server holds \d+ records$/, { timeout: 30_000 });
  await section.getByRole('button', { name: 'Save and start sync' }).click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'upToDate', { timeout });
}

export function syncSection(page: Page) {
  return page.getByRole('region', { name: 'Sync with other desks' });
}

export interface Desk {
  context: BrowserContext;
  page: Page;
  app: AppPage;
}

/**
 * Another desk: its own browser context (its own IndexedDB and desk id), the test supervisor signed in,
 * Settings → Sync filled in and started against `serverUrl`. The caller closes `context`.
 */
export async function openDesk(browser: Browser, serverUrl: string, databaseName: string, options: DeskSyncOptions = {}): Promise<Desk> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await context.newPage();
    await signInAsTestSupervisor(page);
    const app = new AppPage(page);
    await app.open({ screen: 'settings' });
    await startDeskSync(page, serverUrl, databaseName, options);
    return { context, page, app };
  } catch (error) {
    await context.close();
    throw error;
  }
}
