// Several desks, one log (issue 14): two desks (two browser contexts, each its own IndexedDB and desk id)
// replicate through a CouchDB-protocol server on 127.0.0.1 (tests/support/syncServer.ts) behind a TCP
// proxy the test cuts. Set up from Settings → Sync as a supervisor does; what each desk's person sees, and
// every stored row, are compared.
import { test, expect, signInAsTestSupervisor } from './fixtures';
import { AppPage } from './pages/AppPage';
import { VisitorsPage } from './pages/VisitorsPage';
import { startDeskSync } from './pages/SyncSettingsPage';
import { startCutProxy, startSyncServer, type CutProxy, type SyncServer } from '../support/syncServer';
import { canonical } from '../../shared/sync/conflictRules';

test.describe.configure({ timeout: 240_000 });

/** Every row of a replicated table, as stored, in a form two desks can compare. */
async function rows(app: AppPage, table: string): Promise<string[]> {
  return (await app.readTable(table)).map((row) => canonical(row)).sort();
}

test.describe('several desks share one log', () => {
  let server: SyncServer;
  let proxy: CutProxy;
  test.beforeEach(async () => {
    server = await startSyncServer();
    proxy = await startCutProxy(server.port);
  });
  test.afterEach(async () => {
    await proxy.close();
    await server.close();
  });

  test('a visitor checked in at desk A is on desk B\'s board; cut off, both keep working, and they converge row by row', async ({ app, page, browser }) => {
    const databaseName = `frontdesk-e2e-${Date.now()}`;
    await app.open({ screen: 'settings' });
    await startDeskSync(page, proxy.url, databaseName);

    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    try {
      const pageB = await context.newPage();
      await signInAsTestSupervisor(pageB);
      const b = new AppPage(pageB);
      await b.open({ screen: 'settings' });
      await startDeskSync(pageB, proxy.url, databaseName);

      const visitorsA = new VisitorsPage(app);
      const visitorsB = new VisitorsPage(b);
      await visitorsA.open();
      await visitorsB.open();
      await visitorsA.checkIn({ name: '林同步', company: '大堂访客', host: '3002', purpose: '面试' });
      await expect(visitorsB.boardRow('林同步')).toBeVisible({ timeout: 30_000 });

      // The network goes: both desks work on, and say they are offline with changes waiting.
      proxy.cut();
      await visitorsA.checkIn({ name: '甲断网', host: '2001' });
      await visitorsB.checkIn({ name: '乙断网', host: '2002' });
      await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });
      await expect(page.getByTestId('sync-status')).toHaveText(/Sync: offline since \d\d:\d\d( [AP]M)?, [1-9]\d* changes waiting/);
      await expect(visitorsA.boardRow('乙断网')).toHaveCount(0);

      // It returns: each desk gets the other's visitor, and every replicated table is the same at both.
      proxy.restore();
      await expect(visitorsA.boardRow('乙断网')).toBeVisible({ timeout: 60_000 });
      await expect(visitorsB.boardRow('甲断网')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'upToDate', { timeout: 60_000 });
      await expect(pageB.getByTestId('sync-status')).toHaveAttribute('data-state', 'upToDate', { timeout: 60_000 });
      for (const table of ['visitors', 'visits', 'staff', 'departments', 'auditLog']) {
        await expect.poll(async () => JSON.stringify(await rows(app, table)) === JSON.stringify(await rows(b, table)), { timeout: 60_000, message: table }).toBe(true);
      }
      expect((await visitorsA.visits()).length).toBe(3);
      // Each desk kept its own identity, and nothing was queued twice or left behind.
      expect(await app.readTable('syncOutbox')).toHaveLength(0);
      expect(await b.readTable('syncOutbox')).toHaveLength(0);
      const desks = new Set((await visitorsA.visits()).map((v) => (v as unknown as { deskId: string }).deskId));
      expect(desks.size).toBe(2);
      // The server holds what the desks hold.
      const onServer = await server.database(databaseName).allDocs();
      expect(onServer.rows.filter((r) => r.id.startsWith('visits:'))).toHaveLength(3);
    } finally {
      await context.close();
    }
  });
});
