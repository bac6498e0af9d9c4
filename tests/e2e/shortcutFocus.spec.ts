// Every keyboard shortcut lands where it promises, from every screen (issue 15). The walk reads the
// shortcut registry from the page (window.__frontdeskShortcuts: what is bound right now and which
// field each shortcut promises), so a shortcut added later with a focusTarget is walked too without a
// new test. For each screen and each such shortcut: a fresh load of that screen, the key press, and the
// focus must end up in the element that registered itself as that focus target.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { ScreenName } from './pages/AppPage';

const SCREENS: ScreenName[] = ['visitors', 'parcels', 'switchboard', 'messages', 'archive', 'directory', 'dashboard', 'settings'];

interface Probe {
  pendingLoads: number;
  shortcuts: { id: string; keys: string; focusTarget?: string }[];
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __frontdeskShortcuts?: () => Probe }).__frontdeskShortcuts?.() ?? null);

/** The registry's combination ('Ctrl+D', 'Alt+1') as Playwright presses it ('Control+d', 'Alt+1'). */
function playwrightKeys(keys: string): string {
  return keys
    .split('+')
    .map((part) => (part === 'Ctrl' ? 'Control' : part.length === 1 ? part.toLowerCase() : part))
    .join('+');
}

/** Opens a screen in a fresh page load and waits until every lazily loaded part (and its shortcuts) is in. */
async function openFresh(page: Page, screen: ScreenName): Promise<Probe> {
  await page.goto('about:blank');
  await page.goto(`/index.html?lang=en#/${screen}`);
  await expect(page.locator('main')).toHaveAttribute('data-screen', screen);
  // A page load's time, not an assertion's 10 s: lazy chunks load after the load event (see AppPage.screenLoaded).
  await expect.poll(async () => (await probe(page))?.pendingLoads ?? -1, { message: `lazy parts of ${screen} loaded`, timeout: 30_000 }).toBe(0);
  await expect(page.locator('[data-screen-loading]')).toHaveCount(0);
  return (await probe(page))!;
}

/** Whether the focused element is the focus target `id` (or inside it, for a region such as the main area). */
function focusIsIn(page: Page, id: string): Promise<boolean> {
  return page.evaluate((target) => {
    const element = document.querySelector(`[data-focus-target="${CSS.escape(target)}"]`);
    const active = document.activeElement;
    return Boolean(element && active && active !== document.body && (element === active || element.contains(active)));
  }, id);
}

for (const screen of SCREENS) {
  test(`from the ${screen} screen, every shortcut that promises a field puts the cursor there`, async ({ app }) => {
    test.setTimeout(4 * 60_000);
    const page = app.page;
    const { shortcuts } = await openFresh(page, screen);
    const moving = shortcuts.filter((s) => s.focusTarget);
    // At least the navigation shortcuts (Alt+1…8) move the focus into the screen, from everywhere.
    expect(moving.length, `focus-moving shortcuts bound on ${screen}`).toBeGreaterThanOrEqual(SCREENS.length);
    for (const shortcut of moving) {
      await openFresh(page, screen);
      await page.keyboard.press(playwrightKeys(shortcut.keys));
      await expect
        .poll(() => focusIsIn(page, shortcut.focusTarget!), { message: `${shortcut.keys} (${shortcut.id}) from ${screen} focuses ${shortcut.focusTarget}` })
        .toBe(true);
    }
    console.log(`${screen}: ${moving.map((s) => `${s.keys} → ${s.focusTarget}`).join(', ')}`);
  });
}

test('Ctrl+D from the visitor log puts the cursor in the dial box: typing 1003 and Enter rings extension 1003', async ({ switchboard, sipLab, agent, app, page }) => {
  await switchboard.configure(sipLab.wsUrl);
  const callee = await agent('1003', '李四');
  await app.navigate('visitors');
  await page.keyboard.press('Control+d');
  await expect(page.getByLabel('Number or name')).toBeFocused();
  await page.keyboard.type('1003');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await callee.state()).sessions.some((s) => s.direction === 'incoming' && s.ringing && s.remoteUser === '2000'), { timeout: 15_000 }).toBe(true);
});
