import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

/** Suggestions and complaints: a tab of the visitor log. */
export class ComplaintsPage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  async open(): Promise<void> {
    await this.app.open({ language: 'en', screen: 'visitors' });
    await this.app.main.getByRole('tab', { name: /complaints/i }).click();
    await expect(this.panel).toBeVisible();
  }

  get panel(): Locator {
    return this.app.main.getByRole('region', { name: 'Suggestions and complaints' });
  }

  get table(): Locator {
    return this.panel.getByRole('table', { name: 'Suggestions and complaints' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^(New suggestion or complaint|Suggestion or complaint)$/ });
  }

  row(text: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: text });
  }

  field(name: string | RegExp): Locator {
    return this.dialog.getByRole('textbox', { name });
  }
}
