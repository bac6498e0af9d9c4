import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

export interface StoredCall {
  id: string;
  direction: string;
  remoteNumber: string;
  disposition: string;
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  ringMs?: number;
  talkMs?: number;
  holdMs?: number;
  statusCode?: number;
  transferKind?: string;
  transferredTo?: string;
  transferConfirmed?: number;
  consultFor?: string;
  line?: number;
  extension?: string;
}

/** The operator's switchboard as a person uses it: settings form, lines, pop-up, shortcuts. */
export class SwitchboardPage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  /** Opens the console in English, enters the PBX in Settings → Phone, and waits for registration. */
  async configure(
    wsUrl: string,
    extension = '2000',
    displayName = 'Front desk',
    options: { dtmfViaInfo?: boolean; lines?: number; holdRecallSeconds?: number } = {},
  ): Promise<void> {
    await this.app.open({ language: 'en', screen: 'settings' });
    const form = this.page.getByRole('form', { name: 'Phone (SIP)' });
    await form.getByLabel('PBX WebSocket address').fill(wsUrl);
    await form.getByLabel('Extension').fill(extension);
    await form.getByLabel('Display name').fill(displayName);
    await form.getByLabel('Recall a held call after (seconds)').fill(String(options.holdRecallSeconds ?? 60));
    if (options.lines !== undefined) {
      await form.getByRole('combobox', { name: 'Lines' }).click();
      await this.page.getByRole('option', { name: String(options.lines), exact: true }).click();
      await expect(form.getByRole('combobox', { name: 'Lines' })).toHaveText(String(options.lines));
    }
    if (options.dtmfViaInfo) await form.getByLabel('Send keypad tones as SIP INFO (default RFC 4733)').check();
    await form.getByRole('button', { name: 'Save and connect' }).click();
    await this.app.navigate('switchboard');
    await expect(this.registration).toHaveAttribute('data-state', 'registered', { timeout: 15_000 });
  }

  get registration(): Locator {
    return this.page.getByTestId('registration');
  }

  /** The pop-up for an incoming call (there is one per ringing line). */
  incomingCall(number?: string): Locator {
    const all = this.page.getByRole('alertdialog', { name: /Incoming call/ });
    return number ? all.filter({ hasText: number }) : all;
  }

  /** Waits for the pop-up of this caller and answers with F2, as the operator does. */
  async answerWithF2(number: string): Promise<Locator> {
    await expect(this.incomingCall(number)).toBeVisible();
    await this.page.keyboard.press('F2');
    const line = this.lineWith(number);
    await this.expectLineState(line, 'active');
    return line;
  }

  line(n: number): Locator {
    return this.page.locator(`section[data-line-no="${n}"]`);
  }

  lineWith(remote: string): Locator {
    return this.page.locator('section[data-line-no]').filter({ has: this.page.getByTestId('line-remote').filter({ hasText: remote }) });
  }

  async expectLineState(line: Locator, state: 'ringing' | 'dialing' | 'active' | 'held' | 'ended'): Promise<void> {
    await expect(line).toHaveAttribute('data-state', state, { timeout: 15_000 });
  }

  /** Types into the transfer dialog and confirms with Enter, the way an operator does it. */
  async transferTo(target: string, key: 'F7' | 'F8'): Promise<void> {
    await this.page.keyboard.press(key);
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Transfer to' }).fill(target);
    // Enter when what is shown belongs to what was typed: the highlighted match is the target, or the
    // directory has answered that nobody matches (then the number is used as typed).
    const highlighted = dialog.getByRole('option', { selected: true });
    const nobody = dialog.getByText(/Nobody in the directory matches/);
    await expect
      .poll(async () => ((await highlighted.count()) === 1 ? ((await highlighted.textContent()) ?? '').includes(target) : await nobody.isVisible()))
      .toBe(true);
    await this.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  }

  /** Waits until the call record with this remote number reaches one of the given dispositions. */
  async storedCall(remoteNumber: string, disposition: string | RegExp, options: { consult?: boolean } = {}): Promise<StoredCall> {
    let found: StoredCall | undefined;
    await expect
      .poll(
        async () => {
          const calls = await this.app.readTable<StoredCall>('calls');
          found = calls
            .filter((c) => c.remoteNumber === remoteNumber && (options.consult === undefined || Boolean(c.consultFor) === options.consult))
            .sort((a, b) => b.startedAt - a.startedAt)[0];
          return found?.disposition ?? 'none';
        },
        { timeout: 15_000 },
      )
      // A string is one exact disposition ('answered' must not accept 'unanswered'); a RegExp is anchored.
      .toMatch(typeof disposition === 'string' ? new RegExp(`^${disposition.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : new RegExp(`^(?:${disposition.source})$`, disposition.flags));
    return found!;
  }
}
