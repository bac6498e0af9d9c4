import { expect, type Locator, type Page } from '@playwright/test';
import type { LanguageCode } from '../../../shared/i18n/languages';

export type ScreenName = 'visitors' | 'parcels' | 'switchboard' | 'messages' | 'archive' | 'directory' | 'dashboard' | 'settings' | 'audit';
const SCREEN_ORDER: ScreenName[] = ['visitors', 'parcels', 'switchboard', 'messages', 'archive', 'directory', 'dashboard', 'settings', 'audit'];

/** The console's shell as a person sees it: navigation, language switch, notifications, status bar. */
export class AppPage {
  constructor(readonly page: Page) {}

  /** Loads the console in a fresh browser context (fresh IndexedDB) in the given language. */
  async open({ language = 'en', screen }: { language?: LanguageCode | string; screen?: ScreenName } = {}): Promise<void> {
    await this.page.goto(`/index.html?lang=${encodeURIComponent(language)}${screen ? `#/${screen}` : ''}`);
    await expect(this.navigation).toBeVisible();
    await this.screenLoaded();
  }

  /**
   * Waits until the shown screen's code is in (screens load lazily, after the page's load event, where
   * goto() used to wait for the one bundle). Given the time a page load gets, not the 10 s of an
   * assertion: on a loaded 2-core machine fetching and parsing a screen's chunk can take longer.
   */
  async screenLoaded(): Promise<void> {
    await expect(this.page.locator('[data-screen-loading]')).toHaveCount(0, { timeout: 30_000 });
  }

  get navigation(): Locator {
    return this.page.locator('nav');
  }

  get main(): Locator {
    return this.page.locator('main');
  }

  get heading(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }

  navLink(label: string | RegExp): Locator {
    return this.navigation.getByRole('link', { name: label });
  }

  /** Navigates with the keyboard shortcut Alt+<n>, the way the desk does it all day. */
  async navigate(screen: ScreenName): Promise<void> {
    await this.page.keyboard.press(`Alt+${SCREEN_ORDER.indexOf(screen) + 1}`);
    await expect(this.main).toHaveAttribute('data-screen', screen);
    await this.screenLoaded();
  }

  async openNotifications(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^(Notifications|通知)/ }).click();
    return this.page.getByRole('dialog', { name: /^(Notifications|通知)$/ });
  }

  get phoneStatus(): Locator {
    return this.page.getByTestId('phone-status');
  }

  get storageStatus(): Locator {
    return this.page.getByTestId('storage-status');
  }

  /** The stored id of the signed-in test supervisor (tests/e2e/fixtures.ts signs every test in as them). */
  async supervisorId(name = 'Test Supervisor'): Promise<string> {
    const operators = await this.readTable<{ id: string; name: string }>('operators');
    const found = operators.find((o) => o.name === name);
    if (!found) throw new Error(`no operator named ${name}`);
    return found.id;
  }

  /** How many rows a table of the page's real IndexedDB database holds (counted there; no row leaves the page). */
  async countRows(table: string): Promise<number> {
    return this.page.evaluate(async (name) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('frontdesk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        return await new Promise<number>((resolve, reject) => {
          const req = db.transaction(name, 'readonly').objectStore(name).count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      } finally {
        db.close();
      }
    }, table);
  }

  /** Reads every row of a table in the page's real IndexedDB database. */
  async readTable<T = Record<string, unknown>>(table: string): Promise<T[]> {
    return this.page.evaluate(async (name) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('frontdesk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        return await new Promise<T[]>((resolve, reject) => {
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
          req.onerror = () => reject(req.error);
        });
      } finally {
        db.close();
      }
    }, table);
  }
}
