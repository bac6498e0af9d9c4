// Issue 13, items 3 and 4, against the SIP lab (Kamailio on 127.0.0.1, sip.js agents as callers):
// the desk's number of lines (8 at once, a ninth caller refused 486 and recorded as missed), the hold queue
// (longest waiting first, Alt+H takes the first back), recall (a call held past the recall time rings back),
// and connection health in the status bar (PBX round trip from OPTIONS pings, last call's audio quality).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { LabAgent } from '../lab/labAgentDriver';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('lines, hold queue, recall and connection health', () => {
  test('8 lines busy at once: a ninth caller gets 486 Busy Here and is in the call log as missed; the hold queue lists the waiting longest first and Alt+H takes that one back', async ({ switchboard, sipLab, agent, app, page }) => {
    test.setTimeout(240_000);
    await switchboard.configure(sipLab.wsUrl, '2000', 'Front desk', { lines: 8 });
    const settings = await app.readTable<{ key: string; value: { lines?: number } }>('settings');
    expect(settings.find((s) => s.key === 'phone')?.value.lines).toBe(8);

    // Eight callers, each answered with F2: answering one puts the one being talked to on hold.
    const callers: Array<{ agent: LabAgent; user: string; callId: string }> = [];
    for (let i = 1; i <= 8; i += 1) {
      const user = `100${i}`;
      const caller = await agent(user);
      const callId = await caller.call('2000');
      const line = await switchboard.answerWithF2(user);
      await expect(line).toHaveAttribute('data-line-no', String(i));
      callers.push({ agent: caller, user, callId });
    }
    for (const c of callers) await expect.poll(async () => (await c.agent.session(c.callId))?.state).toBe('Established');
    const queue = page.getByRole('region', { name: 'Hold queue' });
    // Line 1 went on hold first (when line 2 was answered), line 7 last.
    await expect(queue.getByRole('listitem')).toHaveText(callers.slice(0, 7).map((c, i) => new RegExp(`^Line ${i + 1} ${c.user} waiting \\d+:\\d\\d`)));

    // The ninth caller: every line is taken.
    const ninth = await agent('1009', 'Ninth caller');
    const ninthCall = await ninth.call('2000');
    const terminated = await ninth.waitForEvent('terminated', { sessionId: ninthCall, timeoutMs: 15_000 });
    expect(String(terminated.detail?.reason)).toMatch(/^486\b/);
    expect(await switchboard.incomingCall('1009').count()).toBe(0);
    const record = await switchboard.storedCall('1009', 'missed');
    expect(record).toMatchObject({ direction: 'inbound', statusCode: 486 });
    expect(record.line).toBeUndefined();
    expect(record.answeredAt).toBeUndefined();
    await expect(page.getByRole('table', { name: "Today's calls" }).getByRole('row', { name: /1009.*Ninth caller.*Missed/ })).toBeVisible();
    // The eight calls are untouched.
    for (const c of callers) expect((await c.agent.session(c.callId))?.state).toBe('Established');

    // Alt+H: the caller waiting longest (line 1) comes back; the one being talked to (line 8) goes on hold.
    await page.keyboard.press('Alt+H');
    await switchboard.expectLineState(switchboard.line(1), 'active');
    await switchboard.expectLineState(switchboard.line(8), 'held');
    await expect(queue.getByRole('listitem').first()).toHaveText(/^Line 2 1002 /);
    await expect(queue.getByRole('listitem').last()).toHaveText(/^Line 8 1008 /);
    // The queue's buttons are named by whom they take back.
    await expect(queue.getByRole('button', { name: /^Take back Line 2 1002 \(waiting \d+:\d\d\)$/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a call held longer than the recall time rings back: the line is marked Recall, the console rings, the operator is told; taking it back ends the recall', async ({ switchboard, sipLab, agent, page }) => {
    test.setTimeout(120_000);
    await switchboard.configure(sipLab.wsUrl, '2000', 'Front desk', { holdRecallSeconds: 10 });
    const caller = await agent('13900139000', '李四');
    const callId = await caller.call('2000');
    const line = await switchboard.answerWithF2('13900139000');
    const ringtone = page.locator('audio[data-role="ringtone"]');
    // it rang for the incoming call and stopped once answered
    await expect(ringtone).toHaveAttribute('data-playing', 'false');
    await page.keyboard.press('F5');
    await switchboard.expectLineState(line, 'held');
    await expect.poll(async () => (await caller.session(callId))?.state).toBe('Established');
    await expect(line.getByTestId('line-recall')).toHaveCount(0);

    // No fixed wait: the recall shows once the 10 s are up.
    await expect(line.getByTestId('line-recall')).toHaveText('Recall: on hold too long', { timeout: 25_000 });
    await expect(line).toHaveAttribute('aria-label', /^Line 1: 李四 · 13900139000, On hold, recall$/);
    await expect(page.getByRole('region', { name: 'Hold queue' }).getByRole('listitem').first()).toHaveAttribute('data-recall', 'true');
    await expect(ringtone).toHaveAttribute('data-playing', 'true');
    await expect(page.getByRole('alert').filter({ hasText: /Line 1 李四 has been on hold for 0:1\d: go back to the caller\./ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Alt+H');
    await switchboard.expectLineState(line, 'active');
    await expect(line.getByTestId('line-recall')).toHaveCount(0);
    await expect(ringtone).toHaveAttribute('data-playing', 'false');
    await expect.poll(async () => (await caller.session(callId))?.media.flowing ?? false, { timeout: 15_000 }).toBe(true);
    await caller.hangup(callId);
    await switchboard.expectLineState(line, 'ended');
    const record = await switchboard.storedCall('13900139000', 'answered');
    expect(record.holdMs).toBeGreaterThanOrEqual(10_000);
  });

  test('the status bar shows the PBX round trip after registration, unreachable while Kamailio is down, and the last call’s audio as good on loopback', async ({ switchboard, sipLab, agent, page }) => {
    test.setTimeout(120_000);
    await switchboard.configure(sipLab.wsUrl);
    const pbx = page.getByTestId('pbx-health');
    // A number, never "unknown": on a loaded machine the first ping may count as slow, which is still a round trip.
    await expect(pbx).toHaveText(/^PBX: \d+ ms( \(slow\))?$/);
    await expect(pbx).toHaveAttribute('data-state', /^(reachable|slow)$/);
    await expect(pbx).toHaveAccessibleName(/^PBX round trip \d+ milliseconds(, slow)?$/);
    await expect(page.getByTestId('audio-quality')).toHaveCount(0);

    const caller = await agent('1010');
    const callId = await caller.call('2000');
    const line = await switchboard.answerWithF2('1010');
    await expect.poll(async () => (await caller.session(callId))?.media.flowing ?? false, { timeout: 15_000 }).toBe(true);
    const audio = page.getByTestId('audio-quality');
    await expect(audio).toHaveText('Last call audio: good', { timeout: 15_000 });
    await caller.hangup(callId);
    await switchboard.expectLineState(line, 'ended');
    await expect(audio).toHaveAttribute('data-state', 'good');
    await expect(audio).toHaveAccessibleName(/^Last call audio quality good: 0% packets lost, jitter \d+ milliseconds$/);

    await sipLab.kamailio.halt();
    try {
      await expect(pbx).toHaveText('PBX: unreachable', { timeout: 15_000 });
      await expect(pbx).toHaveAccessibleName('PBX unreachable: no answer to the OPTIONS ping');
    } finally {
      await sipLab.kamailio.resume();
    }
    await expect(switchboard.registration).toHaveAttribute('data-state', 'registered', { timeout: 30_000 });
    await expect(pbx).toHaveText(/^PBX: \d+ ms( \(slow\))?$/, { timeout: 15_000 });
  });
});
