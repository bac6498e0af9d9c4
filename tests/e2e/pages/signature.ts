import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The signature widget (renderer/ui/signature/SignatureField.tsx) as a person uses it: draws strokes on the
 * canvas with the mouse (page.mouse over the canvas's box, so signature_pad gets real pointer events).
 */
export class SignatureWidget {
  /** `scope` holds exactly one signature field (a dialog, a form); `padName` is the canvas's accessible name. */
  constructor(
    readonly page: Page,
    readonly scope: Locator,
    readonly padName: string | RegExp = /Signature pad|签名区|簽名區/,
  ) {}

  get canvas(): Locator {
    return this.scope.getByRole('img', { name: this.padName });
  }

  get status(): Locator {
    return this.scope.locator('[data-signature-status]');
  }

  async strokes(): Promise<number> {
    return Number(await this.canvas.getAttribute('data-strokes'));
  }

  /** Draws `strokes` zig-zag strokes across the canvas and waits until the widget has counted them. */
  async draw(strokes = 2): Promise<void> {
    const before = await this.strokes();
    await this.canvas.scrollIntoViewIfNeeded();
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('signature canvas is not visible');
    for (let s = 0; s < strokes; s++) {
      const y0 = box.y + box.height * (0.3 + 0.4 * (s / Math.max(strokes, 1)));
      await this.page.mouse.move(box.x + box.width * 0.15, y0);
      await this.page.mouse.down();
      for (let i = 1; i <= 12; i++) {
        const x = box.x + box.width * (0.15 + (0.7 * i) / 12);
        const y = y0 + (i % 2 === 0 ? -1 : 1) * box.height * 0.12;
        await this.page.mouse.move(x, y, { steps: 3 });
      }
      await this.page.mouse.up();
    }
    await expect(this.canvas).toHaveAttribute('data-strokes', String(before + strokes));
  }

  async typeName(name: string, label: string | RegExp = /type your name|输入姓名|輸入姓名/i): Promise<void> {
    await this.scope.getByLabel(label).fill(name);
  }

  async clear(): Promise<void> {
    await this.scope.getByRole('button', { name: /^(Clear|清除)/ }).click();
    await expect(this.canvas).toHaveAttribute('data-strokes', '0');
  }
}

/** Function form for a one-off draw: `await drawSignature(page, dialog)`. */
export async function drawSignature(page: Page, scope: Locator, strokes = 2): Promise<void> {
  await new SignatureWidget(page, scope).draw(strokes);
}
