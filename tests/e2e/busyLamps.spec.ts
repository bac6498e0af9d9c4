// Busy lamps (issue 13, item 2) against the lab's presence-enabled Kamailio (tests/lab/kamailio-presence.cfg):
// the console subscribes to the dialog state of every directory extension; sip.js lab agents registered
// as directory extensions call each other through the proxy, and pua_dialoginfo publishes each call.
// The subscriptions' lifetime is capped short here, so refreshes happen during the tests.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test as base, expect, type SipLab } from './fixtures';
import { startKamailio } from '../lab/kamailioProcess';
import { startStaticServer } from '../lab/staticServer';
import { AGENT_DIST_DIR } from './e2eEnvironment';

/** Seconds a lamp subscription lives before sip.js must refresh it (Kamailio caps the SUBSCRIBE's Expires). */
const SUBSCRIPTION_S = 6;

const test = base.extend<Record<never, never>, { sipLab: SipLab }>({
  sipLab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const kamailio = await startKamailio({ presence: { subscribeMaxExpires: SUBSCRIPTION_S } });
      const web = await startStaticServer({ root: AGENT_DIST_DIR });
      try {
        await use({ wsUrl: kamailio.wsUrl, agentPageUrl: web.url, kamailio });
      } finally {
        await web.close();
        await kamailio.stop();
      }
    },
    { scope: 'worker' },
  ],
});

// Sample directory people (resources/sample-directory.csv) whose extensions the lab agents register as.
const LI = { name: '李秀英', extension: '3001' };
const ZHANG = { name: '张三', extension: '3002' };
const ZHAO = { name: '赵丽娟', extension: '3003' };
const SUN = { name: '孙志刚', extension: '3005' };

type Person = { name: string; extension: string };
type State = 'idle' | 'ringing' | 'busy' | 'unknown';

const panel = (page: Page): Locator => page.getByRole('region', { name: 'Busy lamps' });
/** A lamp in the switchboard's panel, by its accessible name: the person, the extension and the state. */
const panelLamp = (page: Page, who: Person, state: State): Locator => panel(page).getByRole('img', { name: `${who.name}, extension ${who.extension}: ${state}`, exact: true });

/** Serious and critical axe violations on the page as it is now (as tests/e2e/accessibility.spec.ts scans). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test.describe('busy lamps', () => {
  test('a lamp turns ringing, then busy when the extension answers, and idle after hang-up, in the panel and the directory', async ({ switchboard, sipLab, agent, app, page }) => {
    await switchboard.configure(sipLab.wsUrl);
    // The PBX says the extension has no call: idle (an extension nobody watches yet starts unknown).
    await expect(panelLamp(page, LI, 'idle')).toBeVisible({ timeout: 15_000 });
    await expect(panel(page).getByRole('img')).toHaveCount(40);

    const callee = await agent(LI.extension, LI.name);
    const caller = await agent(ZHANG.extension, ZHANG.name);
    const since = (await callee.events()).at(-1)?.seq ?? 0;
    const callId = await caller.call(LI.extension);
    await callee.waitForEvent('invite-received', { sinceSeq: since, timeoutMs: 10_000 });
    await expect(panelLamp(page, LI, 'ringing')).toBeVisible();
    // the caller's own phone is in use while it rings out
    await expect(panelLamp(page, ZHANG, 'busy')).toBeVisible();

    await callee.answer();
    await expect(panelLamp(page, LI, 'busy')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The directory shows the same lamp beside the person's extension.
    await app.navigate('directory');
    await page.getByRole('combobox', { name: 'Search the directory' }).fill(LI.extension);
    const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: LI.name });
    await expect(option).toHaveAccessibleName(/Extension 3001: busy/);
    await expect(option).toContainText('busy');
    expect(await seriousViolations(page)).toEqual([]);

    await caller.hangup(callId);
    await expect(option).toHaveAccessibleName(/Extension 3001: idle/);
    await app.navigate('switchboard');
    await expect(panelLamp(page, LI, 'idle')).toBeVisible();
    await expect(panelLamp(page, ZHANG, 'idle')).toBeVisible();
  });

  test('a transfer to a busy extension warns first and goes ahead only when the operator confirms', async ({ switchboard, sipLab, agent, page }) => {
    await switchboard.configure(sipLab.wsUrl);
    const target = await agent(LI.extension, LI.name);
    const colleague = await agent(ZHANG.extension, ZHANG.name);
    const busyCall = await colleague.call(LI.extension);
    await target.waitForEvent('invite-received', { timeoutMs: 10_000 });
    await target.answer();
    await expect(panelLamp(page, LI, 'busy')).toBeVisible({ timeout: 15_000 });

    const caller = await agent('1010');
    await caller.call('2000');
    const line = await switchboard.answerWithF2('1010');

    await page.keyboard.press('F7');
    const dialog = page.getByRole('dialog', { name: 'Transfer (blind)' });
    await dialog.getByRole('combobox', { name: 'Transfer to' }).fill(LI.extension);
    const match = dialog.getByRole('option', { selected: true });
    await expect(match).toContainText(LI.name);
    await expect(match).toHaveAccessibleName(/Extension 3001: busy/);
    const before = (await target.events()).at(-1)?.seq ?? 0;
    await page.keyboard.press('Enter');

    // Warned, not transferred: the dialog stays, the caller is still on the line, nobody was called.
    await expect(dialog.getByRole('alert')).toHaveText(`${LI.name} (${LI.extension}) is busy (on a call). Transfer anyway?`);
    await switchboard.expectLineState(line, 'active');
    expect((await target.events(before)).filter((e) => e.type === 'invite-received')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // "Choose someone else" takes the warning back; confirming transfers.
    await dialog.getByRole('button', { name: 'Choose someone else' }).click();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog.getByRole('combobox', { name: 'Transfer to' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toBeVisible();
    await dialog.getByRole('button', { name: 'Transfer anyway' }).click();
    await expect(dialog).toBeHidden();
    const invite = await target.waitForEvent('invite-received', { sinceSeq: before, timeoutMs: 10_000 });
    expect(invite.detail).toMatchObject({ from: '1010' });
    await colleague.hangup(busyCall);
  });

  test('Kamailio stopped: every lamp turns unknown; after the restart the console re-subscribes and the lamps work again', async ({ switchboard, sipLab, agent, page }) => {
    await switchboard.configure(sipLab.wsUrl);
    await expect(panelLamp(page, LI, 'idle')).toBeVisible({ timeout: 15_000 });

    await sipLab.kamailio.halt();
    try {
      await expect(panelLamp(page, LI, 'unknown')).toBeVisible({ timeout: 15_000 });
      await expect(panel(page).getByRole('img', { name: /: unknown$/ })).toHaveCount(40);
      await expect(panel(page)).toContainText('busy 0 · ringing 0 · idle 0 · unknown 40');
    } finally {
      await sipLab.kamailio.resume();
    }
    await expect(switchboard.registration).toHaveAttribute('data-state', 'registered', { timeout: 30_000 });
    // The old subscriptions died with the PBX: only new ones bring the lamps back.
    await expect(panelLamp(page, LI, 'idle')).toBeVisible({ timeout: 15_000 });
    await expect(panel(page).getByRole('img', { name: /: idle$/ })).toHaveCount(40);

    const callee = await agent(ZHAO.extension, ZHAO.name);
    const caller = await agent(SUN.extension, SUN.name);
    const callId = await caller.call(ZHAO.extension);
    await callee.waitForEvent('invite-received', { timeoutMs: 10_000 });
    await expect(panelLamp(page, ZHAO, 'ringing')).toBeVisible();
    await callee.answer();
    await expect(panelLamp(page, ZHAO, 'busy')).toBeVisible();
    await caller.hangup(callId);
    await expect(panelLamp(page, ZHAO, 'idle')).toBeVisible();
  });

  test('a call longer than several subscription lifetimes stays busy: each refresh brings the state again', async ({ switchboard, sipLab, agent, page }) => {
    test.setTimeout(120_000);
    await switchboard.configure(sipLab.wsUrl);
    const callee = await agent(LI.extension, LI.name);
    const caller = await agent(ZHANG.extension, ZHANG.name);
    const callId = await caller.call(LI.extension);
    await callee.waitForEvent('invite-received', { timeoutMs: 10_000 });
    await callee.answer();
    await expect(panelLamp(page, LI, 'busy')).toBeVisible({ timeout: 15_000 });

    // Every state the lamp shows from now on, as it changes on screen.
    await page.evaluate((extension) => {
      const seen: string[] = [];
      (window as unknown as { __lampSeen: string[] }).__lampSeen = seen;
      const lamp = () => document.querySelector(`section[aria-labelledby="busy-lamps-title"] [data-lamp="${extension}"]`);
      let last = lamp()?.getAttribute('data-lamp-state') ?? 'missing';
      seen.push(last);
      new MutationObserver(() => {
        const now = lamp()?.getAttribute('data-lamp-state') ?? 'missing';
        if (now !== last) seen.push(now);
        last = now;
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-lamp-state'] });
    }, LI.extension);

    // Four lifetimes of the subscription pass with the call up (sip.js refreshes at 90 % of each).
    const answeredAt = (await callee.state()).sessions.find((s) => s.state === 'Established')?.establishedAt ?? Date.now();
    await expect.poll(() => page.evaluate(() => Date.now()), { timeout: 60_000, intervals: [1000] }).toBeGreaterThan(answeredAt + 4 * SUBSCRIPTION_S * 1000);
    await expect(panelLamp(page, LI, 'busy')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __lampSeen: string[] }).__lampSeen)).toEqual(['busy']);

    await caller.hangup(callId);
    await expect(panelLamp(page, LI, 'idle')).toBeVisible();
  });
});
