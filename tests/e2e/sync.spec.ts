// Several desks, one log (issue 14): two desks (two browser contexts, each its own IndexedDB and desk id)
// replicate through a CouchDB-protocol server on 127.0.0.1 (tests/support/syncServer.ts) behind a TCP
// proxy the test cuts. Set up from Settings → Sync as a supervisor does; what each desk's person sees, and
// every stored row, are compared.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, signInAsTestSupervisor } from './fixtures';
import { AppPage } from './pages/AppPage';
import { VisitorsPage } from './pages/VisitorsPage';
import { RollCallDialogPage } from './pages/DashboardPage';
import { BadgeDialogPage } from './pages/BadgeDialogPage';
import { MessagesPage } from './pages/MessagesPage';
import { ParcelsPage } from './pages/ParcelsPage';
import { openDesk, startDeskSync, syncSection } from './pages/SyncSettingsPage';
import { startCutProxy, startSyncServer, type CutProxy, type SyncServer } from '../support/syncServer';
import { canonical } from '../../shared/sync/conflictRules';

test.describe.configure({ timeout: 240_000 });

/** Serious and critical axe findings on what the page shows now (the same rule as accessibility.spec.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

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
    // Each desk loaded the sample directory on its first run; the joining desk must not bring a second copy.
    const directoryAtA = (await app.readTable('staff')).length;
    expect(directoryAtA).toBeGreaterThan(0);

    const { context, page: pageB, app: b } = await openDesk(browser, proxy.url, databaseName);
    try {

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
      expect(await app.readTable('staff')).toHaveLength(directoryAtA);
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

  test('the roll call and the board name a desk that has not synced for over a minute, and stop once it is back', async ({ app, page, browser }) => {
    // Desk A runs on the test clock, so "over a minute" passes without waiting for it; desk B runs on real time
    // behind a proxy of its own, which the test cuts.
    await page.clock.install();
    const databaseName = `frontdesk-e2e-stale-${Date.now()}`;
    await app.open({ screen: 'settings' });
    await startDeskSync(page, proxy.url, databaseName, { deskName: 'Main lobby' });
    const proxyB = await startCutProxy(server.port);
    const deskB = await openDesk(browser, proxyB.url, databaseName, { deskName: 'Side entrance' });
    try {
      const visitorsA = new VisitorsPage(app);
      await visitorsA.open();
      const boardWarning = page.getByTestId('onsite-stale-desks');
      // B's record reaches A; a minute later B has written again, so it is never named while it is in touch.
      await page.clock.fastForward('01:05');
      await expect(boardWarning).toHaveCount(0, { timeout: 40_000 });

      proxyB.cut();
      await expect(deskB.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });
      await page.clock.fastForward('01:05');
      await expect(boardWarning).toHaveText(/^Count may be staleNot synced for over a minute: Side entrance\. The count may be stale/, { timeout: 20_000 });
      await expect(boardWarning).not.toContainText('Main lobby');
      expect(await seriousViolations(page)).toEqual([]);

      await page.keyboard.press('Control+e');
      const rollCall = new RollCallDialogPage(page);
      await expect(rollCall.root).toBeVisible();
      await expect(rollCall.root.getByRole('alert').filter({ hasText: 'Count may be stale' })).toContainText('Not synced for over a minute: Side entrance.');
      // The exported file says it too, after the rows.
      const [download] = await Promise.all([page.waitForEvent('download'), rollCall.root.getByRole('button', { name: 'Export CSV' }).click()]);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFFDepartment,Host,Extension,Visitor,Organisation,Arrived,Party size\r\n')).toBe(true);
      const csvLines = csv.trimEnd().split('\r\n');
      expect(csvLines.slice(-2)).toEqual(['', expect.stringMatching(/^⚠ Not synced for over a minute: Side entrance\. The count may be stale/)]);
      // The dialog stays open while the export is being recorded (its buttons are disabled meanwhile).
      await expect(rollCall.root.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
      await page.keyboard.press('Escape');
      await expect(rollCall.root).toHaveCount(0);

      // A supervisor takes B off the list of desks (Settings → Sync): while B is cut it cannot write its record
      // back, so the warning goes at once. The server's database is compacted. Both are audited.
      await app.navigate('settings');
      const section = syncSection(page);
      const desks = section.getByRole('table', { name: 'Desks' });
      await expect(desks.getByRole('row').filter({ hasText: 'Main lobby (this desk)' })).toContainText('In touch');
      await expect(desks.getByRole('row').filter({ hasText: 'Side entrance' })).toContainText('Not synced for over a minute');
      expect(await seriousViolations(page)).toEqual([]);
      await desks.getByRole('button', { name: 'Remove desk Side entrance' }).click();
      await expect(desks.getByRole('row').filter({ hasText: 'Side entrance' })).toHaveCount(0);
      await section.getByRole('button', { name: 'Compact the server database' }).click();
      await expect(section.getByTestId('sync-settings-result')).toHaveText('Server database compacted', { timeout: 30_000 });
      const summaries = (await app.readTable<{ summary: string }>('auditLog')).map((e) => e.summary);
      expect(summaries).toEqual(expect.arrayContaining(['removed desk Side entrance from sync', `compacted the server database ${databaseName}`]));
      await app.navigate('visitors');
      await expect(boardWarning).toHaveCount(0);

      // The network returns: B syncs and writes its record again, and the warning goes.
      proxyB.restore();
      await expect(deskB.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'upToDate', { timeout: 60_000 });
      await expect(boardWarning).toHaveCount(0, { timeout: 40_000 });
    } finally {
      await deskB.context.close();
      await proxyB.close();
    }
  });

  test('three desks: a parcel logged at C is handed over at B, a message taken at A is acknowledged at C, a watchlist entry added at A reaches B and C', async ({ app, page, browser }) => {
    const databaseName = `frontdesk-e2e-three-${Date.now()}`;
    await app.open({ screen: 'settings' });
    await startDeskSync(page, proxy.url, databaseName, { deskName: 'Main lobby' });
    const deskB = await openDesk(browser, proxy.url, databaseName, { deskName: 'Side entrance' });
    const deskC = await openDesk(browser, proxy.url, databaseName, { deskName: 'Mailroom' });
    try {
      // The parcel: logged in the mailroom (C), waiting on B's list, handed over at B with a signature.
      const parcelsC = new ParcelsPage(deskC.app);
      await parcelsC.open();
      await parcelsC.scanIn('SF1234567890123', '2001');
      await expect(parcelsC.sessionCount).toHaveText('1 items recorded in this session');
      const parcelsB = new ParcelsPage(deskB.app);
      await parcelsB.open();
      await parcelsB.tab('Waiting').click();
      await expect(parcelsB.row('SF1234567890123')).toBeVisible({ timeout: 30_000 });
      await parcelsB.tab('Hand-over').click();
      await parcelsB.handOverFind.focus();
      await deskB.page.keyboard.type('SF1234567890123', { delay: 5 });
      await deskB.page.keyboard.press('Enter');
      await expect(parcelsB.handOverItems).toHaveCount(1);
      await parcelsB.signature.draw(2);
      await deskB.app.main.getByRole('button', { name: 'Hand over 1 item' }).click();
      await expect(parcelsB.handOverItems).toHaveCount(0);
      // Collected at C too, with B's hand-over event in its timeline.
      await expect.poll(async () => (await deskC.app.readTable<{ trackingKey: string; status: string }>('parcels')).find((p) => p.trackingKey === 'SF1234567890123')?.status, { timeout: 30_000 }).toBe('collected');
      await parcelsC.tab('Waiting').click();
      await expect(parcelsC.row('SF1234567890123')).toHaveCount(0);
      const deskIdB = await deskIdOf(deskB.page);
      await expect.poll(async () => (await deskC.app.readTable<{ kind: string; deskId: string }>('parcelEvents')).filter((e) => e.kind === 'handedOver').map((e) => e.deskId), { timeout: 30_000 }).toEqual([deskIdB]);

      // The message: taken at A, acknowledged with a signature at C.
      const messagesA = new MessagesPage(app);
      await app.navigate('messages');
      await app.main.getByRole('button', { name: 'New message' }).click();
      const composer = page.getByRole('dialog', { name: 'New message' });
      await messagesA.pickRecipient(composer, '2001', /2001/);
      await composer.getByLabel("Caller's name").fill('Zhang San');
      await composer.getByLabel('Message', { exact: false }).last().fill('Please call back about the contract');
      await composer.getByRole('button', { name: 'Save message' }).click();
      await expect(composer).toBeHidden();
      await expect(messagesA.dialog).toBeVisible();
      await page.keyboard.press('Escape');
      const messagesC = new MessagesPage(deskC.app);
      await deskC.app.navigate('messages');
      const rowAtC = messagesC.followUp.getByRole('row').filter({ hasText: 'Zhang San' });
      await expect(rowAtC).toBeVisible({ timeout: 30_000 });
      await rowAtC.getByRole('button', { name: /^Open the message for .* \(from Zhang San\)$/ }).click();
      await expect(messagesC.dialog).toBeVisible();
      await messagesC.signature().draw(2);
      await messagesC.dialog.getByRole('button', { name: 'Confirm acknowledgement' }).click();
      await messagesC.expectStatus('Acknowledged');
      await expect.poll(async () => (await messagesA.stored()).find((m) => m.fromName === 'Zhang San')?.status, { timeout: 30_000 }).toBe('acknowledged');
      const atA = (await messagesA.stored()).find((m) => m.fromName === 'Zhang San')!;
      expect(atA.acknowledgement).toMatchObject({ method: 'drawn', strokes: 2 });

      // The watchlist: an entry added at A is listed at B and C, and C's check-in of that name raises the alert.
      const visitorsA = new VisitorsPage(app);
      await visitorsA.open();
      await visitorsA.tab('Watchlist').click();
      const form = page.getByRole('form', { name: 'Add to the watchlist' });
      await form.getByRole('textbox', { name: 'Name' }).fill('陈伟强');
      await form.getByRole('textbox', { name: /^Reason/ }).fill('曾冒充快递员');
      await form.getByRole('button', { name: 'Add to watchlist' }).click();
      for (const desk of [deskB, deskC]) {
        const visitors = new VisitorsPage(desk.app);
        await visitors.open();
        await visitors.tab('Watchlist').click();
        await expect(desk.page.getByRole('table', { name: 'Watchlist entries' }).getByRole('row').filter({ hasText: '曾冒充快递员' })).toBeVisible({ timeout: 30_000 });
        await visitors.tab('Register & on site').click();
      }
      const visitorsC = new VisitorsPage(deskC.app);
      await visitorsC.fill({ name: '陈伟强', host: '2001', purpose: '送货' });
      await visitorsC.purpose.press('Enter');
      await expect(visitorsC.alertDialog).toContainText('陈伟强 matches the watchlist');

      // Every replicated table is the same at the three desks, row by row.
      for (const table of ['parcels', 'parcelEvents', 'messages', 'watchlist', 'visitors', 'visits', 'staff', 'departments', 'auditLog']) {
        await expect.poll(async () => {
          const [a, b, c] = await Promise.all([rows(app, table), rows(deskB.app, table), rows(deskC.app, table)]);
          return JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(b) === JSON.stringify(c);
        }, { timeout: 60_000, message: table }).toBe(true);
      }
    } finally {
      await deskC.context.close();
      await deskB.context.close();
    }
  });

  test('a new desk\'s first sync shows its progress, can be paused, and a reload in the middle loses nothing', async ({ app, page, browser }) => {
    const databaseName = `frontdesk-e2e-first-${Date.now()}`;
    await app.open({ screen: 'settings' });
    await startDeskSync(page, proxy.url, databaseName);
    // The site's log already holds thousands of visitors (as other desks wrote them over the years).
    const remote = server.database(databaseName);
    const at = Date.now();
    for (let from = 0; from < 6_000; from += 1_000) {
      await remote.bulkDocs(Array.from({ length: 1_000 }, (_, k) => {
        const id = `01JF${String(from + k).padStart(22, '0')}`;
        return { _id: `visitors:${id}`, table: 'visitors', row: { id, createdAt: at, updatedAt: at, deskId: '01JF0000000000000000000000', name: `旧访客${from + k}`, searchKeys: [`旧访客${from + k}`] } };
      }));
    }
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    try {
      const pageB = await context.newPage();
      await signInAsTestSupervisor(pageB);
      const b = new AppPage(pageB);
      await b.open({ screen: 'settings' });
      const section = syncSection(pageB);
      await section.getByLabel('Server address').fill(proxy.url);
      await section.getByLabel('Database name').fill(databaseName);
      await section.getByRole('button', { name: 'Save and start sync' }).click();
      // The bar in the status bar counts the replica's documents against the server's.
      const bar = pageB.getByRole('contentinfo').getByRole('progressbar', { name: 'First sync of this desk' });
      await expect(bar).toBeVisible({ timeout: 30_000 });
      await expect(bar).toHaveAttribute('aria-valuetext', /^First sync: [\d,]+ of [\d,]+ records$/);
      await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
      expect(await seriousViolations(pageB)).toEqual([]);

      // Paused: it stops where it is, and the settings say so; resumed, it goes on.
      await pageB.getByRole('contentinfo').getByRole('button', { name: 'Pause sync' }).click();
      await expect(pageB.getByTestId('sync-status')).toHaveAttribute('data-state', 'paused');
      await expect(pageB.getByTestId('sync-status')).toHaveText('Sync: paused');
      await section.getByRole('button', { name: 'Resume sync' }).click();
      await expect(bar).toBeVisible({ timeout: 30_000 });

      // Reloaded in the middle: the sync starts again with the window and picks up where the replica was.
      await pageB.reload();
      await expect(b.navigation).toBeVisible();
      await expect(pageB.getByTestId('sync-status')).toHaveAttribute('data-state', 'upToDate', { timeout: 180_000 });
      await expect(bar).toHaveCount(0);
      for (const table of ['visitors', 'visits', 'staff', 'departments', 'auditLog']) {
        await expect.poll(async () => JSON.stringify(await rows(app, table)) === JSON.stringify(await rows(b, table)), { timeout: 120_000, message: table }).toBe(true);
      }
      expect((await b.readTable('visitors')).filter((v) => String(v.name).startsWith('旧访客'))).toHaveLength(6_000);
      expect(await b.readTable('syncOutbox')).toHaveLength(0);
    } finally {
      await context.close();
    }
  });

  test('the same visit checked out at A and its badge reprinted at B while cut keeps both facts, and the overwritten version is listed for a supervisor', async ({ app, page, browser }) => {
    const databaseName = `frontdesk-e2e-conflict-${Date.now()}`;
    await app.open({ screen: 'settings' });
    await startDeskSync(page, proxy.url, databaseName);
    const deskB = await openDesk(browser, proxy.url, databaseName);
    try {
      const visitorsA = new VisitorsPage(app);
      const visitorsB = new VisitorsPage(deskB.app);
      await visitorsA.open();
      await visitorsB.open();
      await visitorsA.checkIn({ name: '周冲突', host: '2001' });
      await expect(visitorsB.boardRow('周冲突')).toBeVisible({ timeout: 30_000 });
      const badgeB = new BadgeDialogPage(deskB.page);
      const printAtB = async (reprint: boolean) => {
        await visitorsB.boardRow('周冲突').getByRole('button', { name: 'Print badge for 周冲突' }).click();
        await badgeB.printButton.click();
        if (reprint) {
          await expect(badgeB.reprintWarning).toBeVisible();
          await badgeB.printButton.click();
        }
        await expect(badgeB.root).toBeHidden();
      };
      await printAtB(false);
      const visitId = (await visitorsA.visits())[0]!.id;
      const storedAt = async (desk: AppPage) => (await desk.readTable<{ id: string; status: string; badgePrintCount?: number; leftAt?: number }>('visits')).find((v) => v.id === visitId);
      await expect.poll(async () => (await storedAt(app))?.badgePrintCount, { timeout: 30_000 }).toBe(1);

      // Cut: A checks the visitor out; B, not knowing, prints the badge again a moment later.
      proxy.cut();
      await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });
      await expect(deskB.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });
      await visitorsA.boardRow('周冲突').getByRole('button', { name: 'Check out 周冲突' }).click();
      await expect(visitorsA.boardRow('周冲突')).toHaveCount(0);
      await expect.poll(async () => (await storedAt(app))?.status).toBe('left');
      await printAtB(true);
      expect(await storedAt(deskB.app)).toMatchObject({ status: 'onSite', badgePrintCount: 2 });

      // Back: at both desks the visitor has left (a stale edit never brings them back on site) and the reprint counts.
      proxy.restore();
      await expect(visitorsB.boardRow('周冲突')).toHaveCount(0, { timeout: 60_000 });
      for (const desk of [app, deskB.app]) {
        await expect.poll(async () => { const v = await storedAt(desk); return v && [v.status, v.badgePrintCount, typeof v.leftAt]; }, { timeout: 60_000 }).toEqual(['left', 2, 'number']);
      }
      await expect.poll(async () => JSON.stringify(await rows(app, 'visits')) === JSON.stringify(await rows(deskB.app, 'visits')), { timeout: 60_000 }).toBe(true);

      // The version whose value was overwritten (A's count of 1) is listed in Settings → Sync for a supervisor.
      const conflictsAt = async (desk: AppPage) => (await desk.readTable<{ rowId: string; status: string }>('syncConflicts')).filter((c) => c.rowId === visitId && c.status === 'open').length;
      await expect.poll(async () => (await conflictsAt(app)) + (await conflictsAt(deskB.app)), { timeout: 60_000 }).toBeGreaterThan(0);
      const supervisorDesk = (await conflictsAt(app)) > 0 ? app : deskB.app;
      await supervisorDesk.navigate('settings');
      const listed = syncSection(supervisorDesk.page).getByRole('table', { name: /^Sync conflicts/ }).getByRole('row').filter({ hasText: visitId });
      // Which of the two versions lost a value depends on the order the desks met them: B's stale "on site", or
      // A's older count.
      await expect(listed).toHaveText(/^visits.*(status: "onSite"|badgePrintCount: 1)/);
    } finally {
      await deskB.context.close();
    }
  });
});

/** The desk id a page's console stamps its rows with. */
function deskIdOf(page: import('@playwright/test').Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('frontdesk.deskId'));
}
