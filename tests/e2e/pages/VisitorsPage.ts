import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

export interface StoredVisit {
  id: string;
  visitorId: string;
  hostStaffId?: string;
  status: string;
  purpose?: string;
  partySize: number;
  arrivedAt?: number;
  expectedAt?: number;
  leftAt?: number;
  hostNotifiedAt?: number;
  hostNotifiedVia?: string;
  checkOutMethod?: string;
  checkedOutBy?: string;
}

export interface StoredVisitor {
  id: string;
  name: string;
  company?: string;
  idNumber?: string;
  searchKeys: string[];
}

export interface StoredAlert {
  id: string;
  watchlistId: string;
  visitId?: string;
  matchedOn: string;
  status: string;
  decision?: string;
  note?: string;
  candidateName?: string;
}

export interface StoredAudit {
  action: string;
  entityTable: string;
  entityId: string;
  summary: string;
}

export interface WalkIn {
  name: string;
  company?: string;
  phone?: string;
  /** What to type in the host picker (name, pinyin or extension); the first match is picked. */
  host: string;
  purpose?: string;
  idType?: string;
  idNumber?: string;
}

/** The visitor log as the desk uses it: registration form, check-out box, on-site board, tabs. */
export class VisitorsPage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  /** Opens the console in English (fresh database) on the visitor log. */
  async open(): Promise<void> {
    await this.app.open({ language: 'en', screen: 'visitors' });
    await expect(this.app.heading).toHaveText('Visitor log');
    await expect(this.name).toBeFocused();
  }

  get name(): Locator {
    return this.page.getByRole('combobox', { name: /^Name/ });
  }

  get company(): Locator {
    return this.page.getByRole('combobox', { name: 'Organisation' });
  }

  get phone(): Locator {
    return this.page.getByRole('combobox', { name: 'Phone' });
  }

  get host(): Locator {
    return this.page.getByRole('combobox', { name: /^Host/ });
  }

  get purpose(): Locator {
    return this.page.getByRole('textbox', { name: 'Purpose' });
  }

  get idType(): Locator {
    return this.page.getByRole('combobox', { name: 'ID document' });
  }

  get idNumber(): Locator {
    return this.page.getByRole('textbox', { name: 'ID number' });
  }

  get suggestions(): Locator {
    return this.page.getByRole('listbox', { name: 'Returning visitors' });
  }

  get checkInButton(): Locator {
    return this.page.getByRole('button', { name: 'Check in', exact: true });
  }

  get checkOutBox(): Locator {
    return this.page.getByRole('combobox', { name: 'Check out: scan the badge or type a name' });
  }

  get board(): Locator {
    return this.page.getByRole('table', { name: /^On site now/ });
  }

  boardRow(text: string): Locator {
    return this.board.getByRole('row').filter({ hasText: text });
  }

  get alertDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Watchlist alert' });
  }

  get arrival(): Locator {
    return this.page.getByRole('region', { name: /checked in at/ });
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  notification(text: string | RegExp): Locator {
    return this.page.getByText(text).first();
  }

  /** Picks the host by typing into the picker and pressing Enter on the first match. */
  async pickHost(query: string, picker: Locator = this.host): Promise<void> {
    await picker.fill(query);
    await expect(this.page.getByRole('listbox', { name: 'Host matches' }).getByRole('option').first()).toBeVisible();
    await picker.press('Enter');
    await expect(picker).toHaveValue(/\(ext\. \d+\)|no extension/);
  }

  /** Fills the registration form (no check-in yet). */
  async fill(visit: WalkIn): Promise<void> {
    await this.name.fill(visit.name);
    if (visit.company) await this.company.fill(visit.company);
    if (visit.phone) await this.phone.fill(visit.phone);
    await this.pickHost(visit.host);
    if (visit.purpose) await this.purpose.fill(visit.purpose);
    if (visit.idType) await this.idType.selectOption(visit.idType);
    if (visit.idNumber) await this.idNumber.fill(visit.idNumber);
  }

  /** Registers a walk-in and checks them in with Enter in the purpose field. */
  async checkIn(visit: WalkIn): Promise<void> {
    await this.fill(visit);
    await this.purpose.press('Enter');
    await expect(this.boardRow(visit.name)).toBeVisible();
    // The form clears itself after the save; wait for it before typing the next visitor.
    await expect(this.name).toHaveValue('');
  }

  async visits(): Promise<StoredVisit[]> {
    return this.app.readTable<StoredVisit>('visits');
  }

  async visitors(): Promise<StoredVisitor[]> {
    return this.app.readTable<StoredVisitor>('visitors');
  }

  async alerts(): Promise<StoredAlert[]> {
    return this.app.readTable<StoredAlert>('watchlistAlerts');
  }

  async audit(): Promise<StoredAudit[]> {
    return this.app.readTable<StoredAudit>('auditLog');
  }

  async staffId(name: string): Promise<string> {
    const staff = await this.app.readTable<{ id: string; name: string }>('staff');
    const person = staff.find((p) => p.name === name);
    if (!person) throw new Error(`No staff member ${name}`);
    return person.id;
  }
}
