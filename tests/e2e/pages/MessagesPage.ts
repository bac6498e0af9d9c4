import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';
import { SignatureWidget } from './signature';

export interface StoredMessage {
  id: string;
  status: string;
  toName?: string;
  toStaffId?: string;
  fromName?: string;
  fromPhone?: string;
  fromPhoneKey?: string;
  content: string;
  deliveries?: { channel: string; ok: 0 | 1; statusCode?: number; target?: string }[];
  acknowledgedBy?: string;
  acknowledgement?: { name: string; method: string; signature?: string; strokes?: number };
  closedAt?: number;
  closeReason?: string;
}

/** The Messages screen and its dialogs (features/messages). */
export class MessagesPage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  get followUp(): Locator {
    return this.app.main.getByRole('table', { name: 'Messages to follow up' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Message for / });
  }

  signature(): SignatureWidget {
    return new SignatureWidget(this.page, this.dialog);
  }

  /** Picks the recipient in the composer by typing, as the operator does, and choosing the match. */
  async pickRecipient(composer: Locator, query: string, name: string | RegExp): Promise<void> {
    const box = composer.getByRole('combobox', { name: /For \(person or department\)/ });
    await box.fill(query);
    await composer.page().getByRole('option', { name }).first().click();
  }

  async stored(): Promise<StoredMessage[]> {
    return this.app.readTable<StoredMessage>('messages');
  }

  async storedOne(id: string): Promise<StoredMessage | undefined> {
    return (await this.stored()).find((m) => m.id === id);
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.dialog.getByTestId('message-status')).toContainText(status);
  }
}
