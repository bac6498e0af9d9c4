import { expect, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { AppPage } from './AppPage';
import { SignatureWidget } from './signature';

/** The mail-and-parcels screen as the concierge uses it (English interface). */
export class ParcelsPage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  async open(): Promise<void> {
    await this.app.open({ language: 'en', screen: 'parcels' });
    await expect(this.app.heading).toHaveText('Mail and parcels');
  }

  tab(name: 'Intake' | 'Waiting' | 'Hand-over' | 'Outgoing'): Locator {
    return this.app.main.getByRole('tab', { name });
  }

  get tracking(): Locator {
    return this.app.main.getByRole('textbox', { name: 'Tracking number' });
  }

  get recipient(): Locator {
    return this.app.main.getByRole('combobox', { name: 'Recipient' });
  }

  get carrierChoice(): Locator {
    return this.app.main.getByRole('listbox', { name: /fits several carriers/ });
  }

  get carrier(): Locator {
    return this.app.main.getByTestId('parcels-carrier');
  }

  get sessionCount(): Locator {
    return this.app.main.getByTestId('parcels-session-count');
  }

  get duplicate(): Locator {
    return this.app.main.getByTestId('parcels-duplicate');
  }

  /**
   * One item by keyboard only, the way a USB scanner and the desk do it: the number typed a few ms per
   * character then Enter, a carrier picked with one key when asked, the recipient typed, Enter.
   */
  async scanIn(code: string, recipient: string, options: { carrierKey?: string; urgent?: boolean } = {}): Promise<void> {
    await expect(this.tracking).toBeFocused();
    await this.page.keyboard.type(code, { delay: 5 });
    await this.page.keyboard.press('Enter');
    if (options.carrierKey) {
      await expect(this.carrierChoice).toBeFocused();
      await this.page.keyboard.press(options.carrierKey);
    }
    await expect(this.recipient).toBeFocused();
    if (options.urgent) await this.page.keyboard.press('Alt+U');
    await this.page.keyboard.type(recipient, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  get waitingRows(): Locator {
    return this.app.main.getByTestId('parcels-waiting').locator('tbody tr');
  }

  row(item: string | RegExp): Locator {
    return this.waitingRows.filter({ hasText: item });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  get handOverFind(): Locator {
    return this.app.main.getByRole('textbox', { name: /Scan the item or its shelf label/ });
  }

  get handOverItems(): Locator {
    return this.app.main.getByTestId('parcels-handover-items').getByRole('listitem');
  }

  get signature(): SignatureWidget {
    return new SignatureWidget(this.page, this.app.main.locator('#parcels-panel-handOver'));
  }

  get labelPreview() {
    return this.page.frameLocator('iframe[title="Label preview"]');
  }

  /** Screenshots the label's QR code as the preview draws it and decodes it, as the desk's scanner would. */
  async decodeLabelQr(): Promise<string | undefined> {
    const qr = this.labelPreview.locator('.qr svg');
    await expect(qr).toBeVisible();
    const png = PNG.sync.read(await qr.screenshot());
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)?.data;
  }
}
