import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage, ScreenName } from './AppPage';

export interface StoredOperator {
  id: string;
  name: string;
  role: string;
  roles?: string[];
  pinHash?: string;
  failedAttempts?: number;
  lockedUntil?: number;
}

export interface StoredAudit {
  id: string;
  at: number;
  actorId: string;
  action: string;
  entityTable: string;
  entityId: string;
  summary: string;
}

/** Sign-in, the desk lock, switching person and staff accounts, as a person at the desk uses them. */
export class SignInPage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  get firstRun(): Locator {
    return this.page.getByRole('region', { name: 'First start: set up the supervisor' });
  }

  get signInForm(): Locator {
    return this.page.getByRole('region', { name: 'Sign in to the console' });
  }

  get lockScreen(): Locator {
    return this.page.getByRole('dialog', { name: 'Desk locked' });
  }

  get person(): Locator {
    return this.page.getByTestId('session-person');
  }

  async setUpFirstRun(name: string, secret: string): Promise<void> {
    await this.firstRun.getByLabel('Supervisor name').fill(name);
    await this.firstRun.getByRole('textbox', { name: 'PIN or password', exact: true }).fill(secret);
    await this.firstRun.getByRole('textbox', { name: 'PIN or password again' }).fill(secret);
    await this.firstRun.getByRole('button', { name: 'Set up and sign in' }).click();
    await expect(this.person).toHaveText(`Signed in: ${name}`, { timeout: 20_000 });
  }

  async signIn(name: string, secret: string): Promise<void> {
    await this.signInForm.getByLabel('Person').selectOption({ label: name });
    await this.signInForm.getByLabel('PIN or password').fill(secret);
    await this.signInForm.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Ctrl+U, the person and their PIN: the screen underneath stays as it was. */
  async switchTo(name: string, secret: string): Promise<void> {
    await this.page.keyboard.press('Control+u');
    const dialog = this.page.getByRole('dialog', { name: 'Switch person' });
    await dialog.getByLabel('Person').selectOption({ label: name });
    await dialog.getByLabel('PIN or password').fill(secret);
    await dialog.getByRole('button', { name: 'Switch person' }).click();
    await expect(this.person).toHaveText(`Signed in: ${name}`, { timeout: 20_000 });
    await expect(dialog).toBeHidden();
  }

  async unlock(secret: string, supervisor?: string): Promise<void> {
    if (supervisor) {
      await this.lockScreen.getByLabel('Unlock as a supervisor').check();
      await this.lockScreen.getByLabel('Supervisor name').fill(supervisor);
    }
    await this.lockScreen.getByLabel('PIN or password').fill(secret);
    await this.lockScreen.getByRole('button', { name: 'Unlock' }).click();
  }

  /** Settings → staff accounts → add person (as a supervisor). */
  async addPerson(name: string, roles: string[], secret: string): Promise<void> {
    await this.app.navigate('settings');
    const panel = this.page.getByRole('region', { name: 'Sign-in and staff accounts' });
    const form = panel.getByRole('form', { name: 'Add person' });
    await form.getByLabel('Name').fill(name);
    for (const role of ['Receptionist', 'Operator', 'Concierge', 'Supervisor']) {
      const box = form.getByRole('checkbox', { name: role });
      if (roles.includes(role)) await box.check();
      else await box.uncheck();
    }
    await form.getByLabel('First PIN or password').fill(secret);
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect(panel.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) })).toBeVisible({ timeout: 20_000 });
  }

  /** The screens the navigation lists, in order. */
  async listedScreens(): Promise<string[]> {
    return this.app.navigation.getByRole('link').allTextContents();
  }

  async operators(): Promise<StoredOperator[]> {
    return this.app.readTable<StoredOperator>('operators');
  }

  async operatorId(name: string): Promise<string> {
    const found = (await this.operators()).find((o) => o.name === name);
    if (!found) throw new Error(`no operator ${name}`);
    return found.id;
  }

  async audit(): Promise<StoredAudit[]> {
    return (await this.app.readTable<StoredAudit>('auditLog')).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  }

  async goTo(screen: ScreenName): Promise<void> {
    await this.app.navigate(screen);
  }
}
