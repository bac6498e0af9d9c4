import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/AppPage';

export const test = base.extend<{ app: AppPage }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(new AppPage(page));
    // An uncaught exception in the page is a failure even when the assertions passed.
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
