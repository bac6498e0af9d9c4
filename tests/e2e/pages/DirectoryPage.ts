import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

export interface StoredStaff {
  id: string;
  name: string;
  nameKey: string;
  departmentId?: string;
  title?: string;
  extension?: string;
  mobile?: string;
  email?: string;
  deskId: string;
  createdAt: number;
  updatedAt: number;
  deletedAt?: number;
  mobileDigits?: string;
  searchKeys: string[];
}

export interface StoredDepartment {
  id: string;
  name: string;
  deletedAt?: number;
}

/** The staff directory as the desk uses it: search box first, arrows and Enter, dialogs for the rest. */
export class DirectoryPage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  /** Opens the console in English (fresh database) on the directory screen. */
  async open(): Promise<void> {
    await this.app.open({ language: 'en' });
    await this.app.navigate('directory');
    await expect(this.app.heading).toHaveText('Directory');
  }

  get search(): Locator {
    return this.page.getByRole('combobox', { name: 'Search the directory' });
  }

  get results(): Locator {
    return this.page.getByRole('listbox', { name: 'Search results' });
  }

  get options(): Locator {
    return this.results.getByRole('option');
  }

  option(name: string | RegExp): Locator {
    return this.options.filter({ hasText: name });
  }

  get selectedOption(): Locator {
    return this.results.locator('[role="option"][aria-selected="true"]');
  }

  get total(): Locator {
    return this.page.getByText(/people in total$/);
  }

  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
  }

  get personDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^(New person|Edit person: .+)$/ });
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import the directory from CSV' });
  }

  /** Chooses a CSV file as if picked in the file dialog. */
  async chooseCsv(fileName: string, content: string): Promise<void> {
    await this.page.getByLabel('Choose a CSV file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf-8') });
    await expect(this.importDialog).toBeVisible();
  }

  /** Chooses a CSV file from disk, its bytes as they are (e.g. a fixture in GB18030). */
  async chooseCsvFile(path: string): Promise<void> {
    await this.page.getByLabel('Choose a CSV file').setInputFiles(path);
    await expect(this.importDialog).toBeVisible();
  }

  /** The latest toast of the notification area. */
  notification(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async storedStaff(): Promise<StoredStaff[]> {
    return (await this.app.readTable<StoredStaff>('staff')).filter((p) => p.deletedAt === undefined);
  }

  async storedDepartments(): Promise<StoredDepartment[]> {
    return (await this.app.readTable<StoredDepartment>('departments')).filter((d) => d.deletedAt === undefined);
  }
}
