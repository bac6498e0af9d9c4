import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

export type TileId = 'visitorsToday' | 'onSite' | 'overdue' | 'expected' | 'complaints' | 'calls' | 'answerMedian' | 'answerP90' | 'abandoned' | 'missed';

/** Today at a glance: tiles that are links named "<label>: <figure>[, <detail>]", and the roll call button. */
export class DashboardPage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  async open(): Promise<void> {
    await this.app.open({ language: 'en', screen: 'dashboard' });
    await expect(this.app.heading).toHaveText('Today at a glance');
  }

  tile(id: TileId): Locator {
    return this.app.main.locator(`a[data-tile="${id}"]`);
  }

  figure(id: TileId): Locator {
    return this.tile(id).locator('[data-figure]');
  }

  get rollCallButton(): Locator {
    return this.app.main.getByRole('button', { name: 'Emergency roll call' });
  }

  async openRollCall(): Promise<RollCallDialogPage> {
    await this.rollCallButton.click();
    const dialog = new RollCallDialogPage(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

export class RollCallDialogPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole('dialog', { name: 'Emergency roll call: on site now' });
  }

  get summary(): Locator {
    return this.root.getByTestId('rollcall-summary');
  }

  get table(): Locator {
    return this.root.getByRole('table', { name: 'Visitors on site now' });
  }

  /** Body rows as arrays of cell texts (the actions column left out). */
  async rows(): Promise<string[][]> {
    const rows = this.table.locator('tbody tr');
    const count = await rows.count();
    const out: string[][] = [];
    for (let i = 0; i < count; i += 1) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      out.push(cells.slice(0, 7).map((c) => c.trim()));
    }
    return out;
  }

  badgeButton(visitorName: string): Locator {
    return this.root.getByRole('button', { name: `Badge of ${visitorName}` });
  }
}
