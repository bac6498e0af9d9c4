import { expect, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The visitor badge dialog: its print preview (an iframe holding the print document) and print button. */
export class BadgeDialogPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole('dialog', { name: /^Visitor badge/ });
  }

  get preview() {
    return this.page.frameLocator('iframe[title="Badge preview"]');
  }

  get printButton(): Locator {
    return this.root.getByRole('button', { name: /^(Print badge|Print again)$/ });
  }

  get printCount(): Locator {
    return this.root.getByTestId('badge-print-count');
  }

  get reprintWarning(): Locator {
    return this.root.getByRole('alert');
  }

  /** Screenshots the QR code as the preview draws it and decodes it, as a scanner at the desk would. */
  async decodeQr(): Promise<string | undefined> {
    const qr = this.preview.locator('.qr svg');
    await expect(qr).toBeVisible();
    const png = PNG.sync.read(await qr.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    return code?.data;
  }
}
