// The e2e fixtures, with the console's page in a browser profile on disk. A Playwright context is
// incognito-like: its IndexedDB lives in the browser process's memory, and at the benchmarks' sizes
// (a million rows) writing into it slowed to a stall and then crashed the browser (measured here: a
// 1M-parcel seed made no progress for ten minutes at 1.9 GB). The Electron app keeps its database in a
// profile on disk, so the large benches do too. Each profile is a temporary folder, removed afterwards.
// Seeds that take minutes must keep the desk awake (`keepAwake`) or unlock it (`unlockIfLocked`): the
// desk's idle lock (5 minutes by default) closes it while no one touches it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, BrowserType, Page } from '@playwright/test';
import { test as e2e, expect, TEST_SUPERVISOR } from '../e2e/fixtures';
import type { AppPage } from '../e2e/pages/AppPage';
import { SignInPage } from '../e2e/pages/SignInPage';

export { expect } from '../e2e/fixtures';

export interface DiskDesk {
  context: BrowserContext;
  close(): Promise<void>;
}

type LaunchOptions = Parameters<BrowserType['launchPersistentContext']>[1];

/** A browser with its own temporary on-disk profile; `close` also removes the profile. */
async function launchDiskDesk(chromium: BrowserType, options: LaunchOptions): Promise<DiskDesk> {
  const profile = await mkdtemp(join(tmpdir(), 'frontdesk-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...options, headless: true });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export const test = e2e.extend<{ openDiskDesk: () => Promise<DiskDesk> }>({
  context: async ({ playwright, baseURL, locale, timezoneId, launchOptions }, use) => {
    const desk = await launchDiskDesk(playwright.chromium, { ...launchOptions, baseURL, locale, timezoneId });
    try {
      await use(desk.context);
    } finally {
      await desk.close();
    }
  },
  /** A second desk (its own browser and on-disk profile), e.g. to restore a bundle into an empty desk. */
  openDiskDesk: async ({ playwright, baseURL, locale, timezoneId, launchOptions }, use) => {
    const opened: DiskDesk[] = [];
    await use(async () => {
      const desk = await launchDiskDesk(playwright.chromium, { ...launchOptions, baseURL, locale, timezoneId });
      opened.push(desk);
      return desk;
    });
    for (const desk of opened) await desk.close().catch(() => undefined);
  },
});

/** The operator is at the desk: a pointer move, so the idle lock does not close it during a long seed. */
export async function keepAwake(page: Page, step: number): Promise<void> {
  await page.mouse.move(20 + (step % 2) * 10, 20);
}

/** After a reload: unlock the desk as the operator would if it locked itself, then wait for the screen. */
export async function unlockIfLocked(app: AppPage): Promise<void> {
  const signIn = new SignInPage(app);
  await expect(signIn.lockScreen.or(app.navigation).first()).toBeVisible({ timeout: 60_000 });
  if (await signIn.lockScreen.isVisible()) {
    await signIn.unlock(TEST_SUPERVISOR.secret);
    await expect(signIn.lockScreen).toBeHidden({ timeout: 30_000 });
  }
  await app.screenLoaded();
}
