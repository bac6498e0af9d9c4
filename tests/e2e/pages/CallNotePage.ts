import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

export interface StoredNote {
  id: string;
  callId?: string;
  callerName?: string;
  company?: string;
  phone?: string;
  phoneDigits?: string;
  reason?: string;
  category: string;
  important: 0 | 1;
  keyPoints?: { time?: string; place?: string; people?: string; matter?: string };
  deletedAt?: number;
}

/** The call note on the switchboard (features/callnotes) as the operator uses it. */
export class CallNotePage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  get panel(): Locator {
    return this.app.main.getByRole('region', { name: /^Call note:/ });
  }

  field(label: string | RegExp): Locator {
    return this.panel.getByLabel(label);
  }

  get saveState(): Locator {
    return this.panel.getByTestId('note-save-state');
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute('data-state', 'saved');
  }

  /** Every stored note of a call. */
  async storedNotes(callId: string): Promise<StoredNote[]> {
    return (await this.app.readTable<StoredNote>('callNotes')).filter((n) => n.callId === callId && n.deletedAt === undefined);
  }
}
