// The archive with a large database: 1,000,000 calls + 500,000 visits (BENCH_ARCHIVE_CALLS / _VISITS to
// change), seeded in the page's real IndexedDB in bounded chunks with valid rows (ULID keys), then:
// - export: Archive → Export bundle (JSON lines + CSV), timed from the click to the saved bundle → rows/s;
// - verify + preview + restore into a second, empty desk (its own browser profile on disk), each step timed → rows/s;
// - the renderer's peak JS heap during each (Chrome DevTools Protocol, sampled every 250 ms).
// Prints figures; no pass/fail on timing (README: speed targets are measured, not tested).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { signInAsTestSupervisor } from '../e2e/fixtures';
import { test, expect, keepAwake, unlockIfLocked } from './fixtures';
import { AppPage } from '../e2e/pages/AppPage';

const CALLS = Number(process.env.BENCH_ARCHIVE_CALLS ?? 1_000_000);
const VISITS = Number(process.env.BENCH_ARCHIVE_VISITS ?? 500_000);
const CHUNK = 20_000;

async function seed(page: Page, table: 'calls' | 'visits', from: number, count: number): Promise<void> {
  await page.evaluate(
    async ({ table, from, count }) => {
      const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
      const encode = (value: number, length: number) => {
        let out = '';
        for (let i = 0; i < length; i += 1) {
          out = CROCKFORD[value % 32] + out;
          value = Math.floor(value / 32);
        }
        return out;
      };
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('frontdesk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const now = Date.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(table, 'readwrite');
        const store = tx.objectStore(table);
        for (let i = from; i < from + count; i += 1) {
          const at = now - 1 - ((i * 104_729) % (700 * 86_400_000));
          const id = encode(at, 10) + encode(i, 16);
          const base = { id, createdAt: at, updatedAt: at, deskId: 'bench' };
          if (table === 'calls') {
            const answered = i % 10 !== 0;
            const ringMs = 2_000 + ((i * 31) % 12_000);
            const number = `1${String(3_000_000_000 + ((i * 2_654_435_761) % 999_999_999)).slice(0, 10)}`;
            store.put({
              ...base, direction: 'inbound', remoteNumber: number, remoteNumberDigits: number, remoteNumberKey: `+86${number}`, extension: '2000', line: 1 + (i % 4),
              sipCallId: `bench-${i}`, startedAt: at, ringMs, disposition: answered ? 'answered' : 'unanswered',
              ...(answered ? { answeredAt: at + ringMs, endedAt: at + ringMs + 60_000, talkMs: 60_000 } : { endedAt: at + ringMs }),
            });
          } else {
            store.put({
              ...base, visitorId: encode(at, 10) + encode(i % 120_000, 16), status: 'left', purpose: '商务洽谈', partySize: 1 + (i % 3),
              arrivedAt: at, leftAt: at + 3_600_000, checkOutMethod: 'badgeScan', checkedOutBy: 'desk',
            });
          }
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { table, from, count },
  );
}

/** Samples the page's used JS heap until stopped; returns the peak in MB. */
async function heapSampler(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await cdp.detach();
    return peak / 1024 / 1024;
  };
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;

test('archive: export, verify and restore with 1M calls + 500k visits', async ({ app, page, openDiskDesk }) => {
  test.setTimeout(90 * 60_000);
  const folder = await mkdtemp(join(tmpdir(), 'frontdesk-archive-bench-'));
  try {
    await app.open({ language: 'en', screen: 'dashboard' });
    const seeded = Date.now();
    for (const [table, total] of [['calls', CALLS], ['visits', VISITS]] as const) {
      for (let from = 0; from < total; from += CHUNK) {
        await seed(page, table, from, Math.min(CHUNK, total - from));
        await keepAwake(page, from / CHUNK);
      }
    }
    console.log(`\nseeded ${CALLS} calls + ${VISITS} visits in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    await page.reload();
    await unlockIfLocked(app);
    await app.navigate('archive');
    const rows = CALLS + VISITS;

    let stopHeap = await heapSampler(page);
    let started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60 * 60_000 }), page.getByRole('button', { name: 'Export bundle' }).click()]);
    await expect(page.getByRole('status').filter({ hasText: 'Bundle saved' })).toBeVisible({ timeout: 60 * 60_000 });
    const exportMs = Date.now() - started;
    let peak = await stopHeap();
    const path = join(folder, 'bundle.zip');
    await download.saveAs(path);
    const size = (await stat(path)).size;
    console.log(`BENCH archive export (JSON lines + CSV, ${rows} rows, ${(size / 1024 / 1024).toFixed(0)} MB zip): ${(exportMs / 1000).toFixed(1)} s, ${rate(rows, exportMs)}, peak JS heap ${peak.toFixed(0)} MB — target ≥ 50,000 rows/s, < 500 MB`);

    // The empty desk restored into: its own browser with its database on disk, as the first one.
    const desk = await openDiskDesk();
    try {
      const otherPage = await desk.context.newPage();
      await signInAsTestSupervisor(otherPage);
      const other = new AppPage(otherPage);
      await other.open({ language: 'en', screen: 'archive' });
      await other.page.getByRole('tab', { name: 'Verify and restore' }).click();
      stopHeap = await heapSampler(other.page);
      started = Date.now();
      await other.page.getByLabel('Choose a bundle').setInputFiles(path);
      await expect(other.page.getByRole('status').filter({ hasText: 'The bundle is intact' })).toBeVisible({ timeout: 60 * 60_000 });
      const verifyMs = Date.now() - started;
      started = Date.now();
      await other.page.getByRole('button', { name: 'Preview restore' }).click();
      await expect(other.page.getByRole('table', { name: 'Restore preview' })).toBeVisible({ timeout: 60 * 60_000 });
      const previewMs = Date.now() - started;
      started = Date.now();
      await other.page.getByRole('button', { name: /^Restore \d+ records$/ }).click();
      await expect(other.page.getByRole('status').filter({ hasText: /records restored/ })).toBeVisible({ timeout: 60 * 60_000 });
      const applyMs = Date.now() - started;
      peak = await stopHeap();
      const restoreMs = previewMs + applyMs;
      console.log(`BENCH archive verify (${rows} rows): ${(verifyMs / 1000).toFixed(1)} s, ${rate(rows, verifyMs)}`);
      console.log(`BENCH archive restore into an empty desk (preview + apply, ${rows} rows): ${(restoreMs / 1000).toFixed(1)} s (preview ${(previewMs / 1000).toFixed(1)} s, apply ${(applyMs / 1000).toFixed(1)} s), ${rate(rows, restoreMs)}, peak JS heap ${peak.toFixed(0)} MB — target ≥ 20,000 rows/s, < 500 MB`);
      const stored = await other.page.evaluate(async () => {
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const req = indexedDB.open('frontdesk');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const count = await new Promise<number>((resolve, reject) => {
          const req = db.transaction('calls').objectStore('calls').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        db.close();
        return count;
      });
      expect(stored).toBe(CALLS);
    } finally {
      await desk.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
