// INVITE → ringing shown on the console for a plain SIP phone (baresip, through Kamailio + rtpengine) and, in the
// same run and through the same PBX and relay, for a sip.js caller (issue 13, "Benchmark"). The phone's figure starts
// when the test sends baresip its `dial` command (so it includes the control connection and baresip building its
// offer); the sip.js caller's starts at its own "INVITE sent". Both end when the pop-up enters the console's DOM
// (Date.now() in the page: one clock for all three processes on this machine). Prints figures; no pass/fail on timing.
import { AGENT_DIST_DIR } from '../e2e/e2eEnvironment';
import { expect } from '../e2e/fixtures';
import { REAL_PHONE_LAUNCH_OPTIONS, phoneTone, test } from '../e2e/realPhoneFixtures';
import { LabAgent } from '../lab/labAgentDriver';
import { startStaticServer } from '../lab/staticServer';
import { printFigure, summarise } from './stats';

test.use({ launchOptions: REAL_PHONE_LAUNCH_OPTIONS });

const RUNS = Number(process.env.BENCH_REAL_PHONE_RUNS ?? 20);

declare global {
  interface Window {
    /** Date.now() of each appearance of an incoming-call pop-up */
    __popupSeen?: number[];
  }
}

test('INVITE → ringing shown: a baresip phone through rtpengine and a sip.js caller, same run', async ({ switchboard, phoneLab, phones, page, browser }) => {
  test.setTimeout(15 * 60_000);
  await switchboard.configure(phoneLab.pbx.wsUrl);
  const phone = await phones({ user: '2001', audioFile: phoneTone });
  const web = await startStaticServer({ root: AGENT_DIST_DIR });
  const caller = await LabAgent.open(browser, web.url, { wsUrl: phoneLab.pbx.wsUrl, user: '1001' });
  try {
    await page.evaluate(() => {
      const seen: number[] = [];
      window.__popupSeen = seen;
      let shown = false;
      new MutationObserver(() => {
        const now = document.querySelector('[role="alertdialog"]') !== null;
        if (now && !shown) seen.push(Date.now());
        shown = now;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const popupCount = () => page.evaluate(() => window.__popupSeen!.length);
    const lastPopup = () => page.evaluate(() => window.__popupSeen!.at(-1)!);

    const ringPhone = async (): Promise<number> => {
      const before = await popupCount();
      const mark = phone.events.length;
      const sentAt = Date.now();
      await phone.dial(phoneLab.uriOf('2000'));
      await expect(switchboard.incomingCall('2001')).toBeVisible();
      await expect.poll(popupCount).toBeGreaterThan(before);
      const seen = await lastPopup();
      await phone.waitForEvent((e) => e.type === 'CALL_RINGING', 10_000, 'ringing', mark);
      await phone.hangup();
      await expect(switchboard.incomingCall('2001')).toBeHidden();
      await phone.waitForEvent((e) => e.type === 'CALL_CLOSED', 10_000, 'closed', mark);
      return seen - sentAt;
    };
    const ringWeb = async (): Promise<number> => {
      const before = await popupCount();
      const since = (await caller.events()).at(-1)?.seq ?? 0;
      const callId = await caller.call('2000');
      await expect(switchboard.incomingCall('1001')).toBeVisible();
      await expect.poll(popupCount).toBeGreaterThan(before);
      const seen = await lastPopup();
      const sent = (await caller.events(since)).find((e) => e.type === 'invite-sent');
      await caller.hangup(callId);
      await expect(switchboard.incomingCall('1001')).toBeHidden();
      return sent ? seen - sent.wall : NaN;
    };

    for (let i = 0; i < 3; i += 1) {
      await ringPhone();
      await ringWeb();
    }
    const phoneMs: number[] = [];
    const webMs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      // alternating order, so neither caller always rings right after the other's call ended
      if (i % 2 === 0) {
        phoneMs.push(await ringPhone());
        webMs.push(await ringWeb());
      } else {
        webMs.push(await ringWeb());
        phoneMs.push(await ringPhone());
      }
    }
    console.log('');
    printFigure('ringing: baresip `dial` → console pop-up in the DOM (Kamailio + rtpengine)', phoneMs);
    printFigure('ringing: sip.js INVITE sent → console pop-up in the DOM (same PBX and relay)', webMs.filter(Number.isFinite));
    const ratio = summarise(phoneMs).median / summarise(webMs.filter(Number.isFinite)).median;
    console.log(`BENCH ringing: baresip / sip.js caller (medians, same run): ${ratio.toFixed(2)}×`);
    expect(phoneMs).toHaveLength(RUNS);
  } finally {
    await caller.close();
    await web.close();
  }
});
