import { expect, type Page } from '@playwright/test';
import { monotonicFactory } from 'ulid';
import type { AppPage } from './AppPage';

const ulid = monotonicFactory();

/** Rows are written straight into the page's 'frontdesk' IndexedDB, in the shapes of shared/domain. */
export type Row = Record<string, unknown> & { id: string };

export interface SeedClock {
  /** The browser's now and the start of its local day (the desk's time zone decides "today"). */
  now: number;
  startOfDay: number;
}

export interface SampleHost {
  id: string;
  name: string;
  extension?: string;
  departmentId?: string;
}

/**
 * Seeds visits, visitors, calls and complaints the way the registration screens and the softphone would
 * store them. Raw IndexedDB writes do not wake Dexie's live queries, so callers reload afterwards.
 */
export class SeedData {
  readonly page: Page;
  private deskId: string | undefined;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  newId(at = Date.now()): string {
    return ulid(at);
  }

  async clock(): Promise<SeedClock> {
    return this.page.evaluate(() => {
      const start = new Date();
      start.setHours(0, 0, 0, 0);
      return { now: Date.now(), startOfDay: start.getTime() };
    });
  }

  /** The desk's id, as the app settled it when it first opened the database. */
  async desk(): Promise<string> {
    if (!this.deskId) {
      await this.page.waitForFunction(() => Boolean(localStorage.getItem('frontdesk.deskId')));
      this.deskId = (await this.page.evaluate(() => localStorage.getItem('frontdesk.deskId'))) ?? undefined;
    }
    return this.deskId!;
  }

  /** People of the sample directory that have an extension (it loads on first run). */
  async sampleHosts(): Promise<SampleHost[]> {
    // Polls one read that both sees the sample directory (loaded in one transaction) and returns its hosts.
    // (page.waitForFunction does not wait for an async predicate's promise: a promise is truthy at once.)
    let hosts: SampleHost[] = [];
    await expect
      .poll(async () => {
        hosts = await this.page.evaluate(async () => {
          const db: IDBDatabase = await new Promise((resolve, reject) => {
            const req = indexedDB.open('frontdesk');
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          try {
            if (!db.objectStoreNames.contains('staff')) return [];
            const staff = await new Promise<(SampleHost & { deletedAt?: number })[]>((resolve) => {
              const req = db.transaction('staff', 'readonly').objectStore('staff').getAll();
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => resolve([]);
            });
            return staff.length >= 40 ? staff.filter((s) => s.extension && s.deletedAt === undefined) : [];
          } finally {
            db.close();
          }
        });
        return hosts.length;
      }, { message: 'the sample directory is loaded', timeout: 15_000 })
      .toBeGreaterThan(0);
    return hosts;
  }

  async put(table: string, rows: Row[]): Promise<void> {
    await this.page.evaluate(
      async ({ table, rows }) => {
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const req = indexedDB.open('frontdesk');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        try {
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction(table, 'readwrite');
            for (const row of rows) tx.objectStore(table).put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        } finally {
          db.close();
        }
      },
      { table, rows },
    );
  }

  async visitor(name: string, company?: string): Promise<Row> {
    const at = Date.now();
    const row: Row = { id: this.newId(at), createdAt: at, updatedAt: at, deskId: await this.desk(), name, searchKeys: [name.toLowerCase()] };
    if (company) row.company = company;
    await this.put('visitors', [row]);
    return row;
  }

  async visit(visitor: Row, fields: Record<string, unknown> & { status: string }): Promise<Row> {
    const at = Number(fields.arrivedAt ?? fields.expectedAt ?? Date.now());
    const row: Row = { id: this.newId(at), createdAt: at, updatedAt: at, deskId: await this.desk(), visitorId: visitor.id, partySize: 1, ...fields };
    await this.put('visits', [row]);
    return row;
  }

  async call(fields: Record<string, unknown> & { startedAt: number; disposition: string }): Promise<Row> {
    const row: Row = {
      id: this.newId(fields.startedAt),
      createdAt: fields.startedAt,
      updatedAt: fields.startedAt,
      deskId: await this.desk(),
      direction: 'inbound',
      remoteNumber: '010 8888 0000',
      remoteNumberDigits: '01088880000',
      ...fields,
    };
    await this.put('calls', [row]);
    return row;
  }

  async complaint(fields: Record<string, unknown> & { content: string; status: string }): Promise<Row> {
    const at = Number(fields.createdAt ?? Date.now());
    const row: Row = { id: this.newId(at), createdAt: at, updatedAt: at, deskId: await this.desk(), kind: 'complaint', followUps: [], ...fields };
    await this.put('complaints', [row]);
    return row;
  }

  /** Reloads so the live queries read the seeded rows. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.app.navigation.waitFor();
  }
}
