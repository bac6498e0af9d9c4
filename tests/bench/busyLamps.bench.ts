// Busy lamp update latency with 200 extensions subscribed (issue 13, item 2): the console watches the 40
// sample people plus 160 more, through the presence-enabled lab Kamailio (tests/lab/kamailio-presence.cfg);
// one sip.js agent calls another, and the time from the callee's answer to its lamp turning busy on
// screen is measured (also INVITE at the callee → ringing, and hang-up → idle), with the time the 200
// subscriptions take to show their first state. Prints figures; no pass/fail on timing.
import { test as base, expect, type SipLab } from '../e2e/fixtures';
import { SeedData } from '../e2e/pages/SeedData';
import { startKamailio } from '../lab/kamailioProcess';
import { startStaticServer } from '../lab/staticServer';
import { AGENT_DIST_DIR } from '../e2e/e2eEnvironment';
import { printFigure } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WATCHED = 200;

const test = base.extend<Record<never, never>, { sipLab: SipLab }>({
  sipLab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const kamailio = await startKamailio({ presence: true });
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

declare global {
  interface Window {
    /** Epoch ms (performance.timeOrigin + now, comparable across pages) of each state the watched lamp shows. */
    __lampTimes?: Array<{ state: string; at: number }>;
  }
}

test(`lamp update latency with ${WATCHED} extensions subscribed`, async ({ app, switchboard, sipLab, agent, page }) => {
  test.setTimeout(15 * 60_000);
  // 160 people beside the 40 of the sample directory (9000–9159), then a reload so the live queries see them.
  await app.open({ language: 'en' });
  const seed = new SeedData(app);
  const hosts = await seed.sampleHosts();
  const deskId = await seed.desk();
  const now = Date.now();
  await seed.put(
    'staff',
    Array.from({ length: WATCHED - hosts.length }, (_, i) => {
      const extension = String(9000 + i);
      return { id: seed.newId(now + i), name: `Bench ${extension}`, nameKey: `bench ${extension}`, extension, searchKeys: [extension], deskId, createdAt: now, updatedAt: now };
    }),
  );
  // (a reload: configure() only changes the hash of the page already open)
  await page.reload();
  await app.screenLoaded();
  const started = Date.now();
  await switchboard.configure(sipLab.wsUrl);
  const lamps = page.getByRole('region', { name: 'Busy lamps' });
  await expect(lamps.getByRole('img')).toHaveCount(WATCHED, { timeout: 30_000 });
  await expect(lamps.getByRole('img', { name: /: idle$/ })).toHaveCount(WATCHED, { timeout: 60_000 });
  const allShown = Date.now() - started;

  const callee = await agent('3001', '李秀英');
  const caller = await agent('3002', '张三');
  await page.evaluate(() => {
    const times: Array<{ state: string; at: number }> = [];
    window.__lampTimes = times;
    let last = '';
    const read = () => document.querySelector('section[aria-labelledby="busy-lamps-title"] [data-lamp="3001"]')?.getAttribute('data-lamp-state') ?? '';
    new MutationObserver(() => {
      const state = read();
      if (state !== last) times.push({ state, at: performance.timeOrigin + performance.now() });
      last = state;
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-lamp-state'] });
  });
  const clock = () => callee.page.evaluate(() => performance.timeOrigin + performance.now());
  const shownAfter = async (state: string, since: number) => {
    await expect.poll(() => page.evaluate(([s, t]) => window.__lampTimes!.some((e) => e.state === s && e.at >= t), [state, since] as const), { timeout: 15_000 }).toBe(true);
    return page.evaluate(([s, t]) => window.__lampTimes!.find((e) => e.state === s && e.at >= t)!.at, [state, since] as const);
  };

  const ringing: number[] = [];
  const busy: number[] = [];
  const busyFrom200: number[] = [];
  const idle: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const calleeSince = (await callee.events()).at(-1)?.seq ?? 0;
    const callId = await caller.call('3001');
    const invite = await callee.waitForEvent('invite-received', { sinceSeq: calleeSince, timeoutMs: 10_000 });
    ringing.push((await shownAfter('ringing', invite.at)) - invite.at);
    const answerAt = await clock();
    await callee.answer();
    const busyAt = await shownAfter('busy', answerAt);
    busy.push(busyAt - answerAt);
    const established = await callee.waitForEvent('established', { sinceSeq: calleeSince, timeoutMs: 10_000 });
    busyFrom200.push(busyAt - established.at);
    const hangupAt = await clock();
    await caller.hangup(callId);
    idle.push((await shownAfter('idle', hangupAt)) - hangupAt);
    await callee.waitForEvent('terminated', { sinceSeq: calleeSince, timeoutMs: 10_000 });
  }

  console.log(`BENCH busy lamps: ${WATCHED} extensions subscribed, first state of all ${WATCHED} on screen ${allShown} ms after "Save and connect"`);
  printFigure(`lamp: INVITE at the callee → ringing on screen (${WATCHED} watched)`, ringing);
  printFigure(`lamp: callee answers (accept() called) → busy on screen (${WATCHED} watched)`, busy);
  printFigure(`lamp: callee's call established → busy on screen (${WATCHED} watched)`, busyFrom200);
  printFigure(`lamp: caller hangs up → idle on screen (${WATCHED} watched)`, idle);
});
