// Switchboard figures on the SIP lab (loopback): incoming-call pop-up latency, answer → media, and
// blind and attended transfer completion. Prints figures; no pass/fail on timing.
import { test, expect } from '../e2e/fixtures';
import { printFigure } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** ICE gathering timeout of the agents playing caller and target (sip.js default waits for gathering to complete). */
const AGENT_ICE_MS = process.env.BENCH_AGENT_ICE_MS ? Number(process.env.BENCH_AGENT_ICE_MS) : undefined;

test('switchboard latency on the SIP lab', async ({ switchboard, sipLab, agent, page }) => {
  await switchboard.configure(sipLab.wsUrl);
  const agentOptions = AGENT_ICE_MS !== undefined ? { iceGatheringTimeout: AGENT_ICE_MS } : {};
  const caller = await agent('1001', undefined, agentOptions);
  const target = await agent('3001', undefined, agentOptions);
  await target.autoAnswer({ after: 0 });
  // Wall time at which each pop-up appeared, seen from inside the console page.
  await page.evaluate(() => {
    const w = window as unknown as { popupSeenAt: number[] };
    w.popupSeenAt = [];
    new MutationObserver(() => {
      const n = document.querySelectorAll('[role="alertdialog"]').length;
      if (n > 0 && (w.popupSeenAt.length === 0 || (document.body.dataset.popup ?? '') !== 'shown')) {
        w.popupSeenAt.push(Date.now());
        document.body.dataset.popup = 'shown';
      } else if (n === 0) document.body.dataset.popup = '';
    }).observe(document.body, { childList: true, subtree: true });
  });

  const wirePopup: number[] = [];
  const answerToMedia: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const before = (await caller.events()).length;
    const callId = await caller.call('2000');
    const popup = switchboard.incomingCall('1001');
    await expect(popup).toBeVisible();
    const sent = (await caller.events(before)).find((e) => e.type === 'invite-sent');
    const seen = await page.evaluate(() => (window as unknown as { popupSeenAt: number[] }).popupSeenAt.at(-1) ?? 0);
    if (sent) wirePopup.push(seen - sent.wall);
    const pressedAt = await page.evaluate(() => Date.now());
    await page.keyboard.press('F2');
    const flowing = await caller.waitForEvent('media-flowing', { sinceSeq: before, timeoutMs: 10_000 });
    answerToMedia.push(flowing.wall - pressedAt);
    await caller.hangup(callId);
    await switchboard.expectLineState(switchboard.lineWith('1001'), 'ended');
    await expect(popup).toBeHidden();
  }

  for (let i = 0; i < RUNS; i += 1) {
    await caller.call('2000');
    const line = await switchboard.answerWithF2('1001');
    await switchboard.transferTo('3001', 'F7');
    await switchboard.expectLineState(line, 'ended');
    await target.hangup();
    await expect.poll(async () => (await caller.state()).active.length).toBe(0);
  }

  // Where an attended transfer's time goes, from the console's and the agents' logs (absolute times).
  const legs = { referToCaller: [] as number[], callerInviteOut: [] as number[], inviteToTarget: [] as number[], targetAnswer: [] as number[], notifyBack: [] as number[] };
  for (let i = 0; i < RUNS; i += 1) {
    const callerSeq = (await caller.events()).at(-1)?.seq ?? 0;
    const targetSeq = (await target.events()).at(-1)?.seq ?? 0;
    await caller.call('2000');
    const line = await switchboard.answerWithF2('1001');
    await switchboard.transferTo('3001', 'F8');
    await switchboard.expectLineState(switchboard.lineWith('3001'), 'active');
    await page.keyboard.press('F9');
    await switchboard.expectLineState(line, 'ended');
    const m = await page.evaluate(() => (window as unknown as { __frontdeskMetrics?: () => Record<string, number[]> }).__frontdeskMetrics?.() ?? {});
    const sent = m.attendedReferSentAt?.at(-1);
    const done = m.attendedReferDoneAt?.at(-1);
    const ce = await caller.events(callerSeq);
    const te = await target.events(targetSeq);
    const referIn = ce.find((e) => e.type === 'refer-received')?.at;
    const replacingSent = ce.filter((e) => e.type === 'invite-sent').at(-1)?.at;
    const targetIn = te.filter((e) => e.type === 'invite-received').at(-1)?.at;
    const targetUp = te.filter((e) => e.type === 'established').at(-1)?.at;
    if (sent && done && referIn && replacingSent && targetIn && targetUp) {
      legs.referToCaller.push(referIn - sent);
      legs.callerInviteOut.push(replacingSent - referIn);
      legs.inviteToTarget.push(targetIn - replacingSent);
      legs.targetAnswer.push(targetUp - targetIn);
      legs.notifyBack.push(done - targetUp);
    }
    await target.hangup();
    await expect.poll(async () => (await caller.state()).active.length).toBe(0);
  }

  const metrics = await page.evaluate(() => (window as unknown as { __frontdeskMetrics?: () => Record<string, number[]> }).__frontdeskMetrics?.() ?? {});
  console.log(`\nagents' ICE gathering timeout: ${AGENT_ICE_MS ?? 'sip.js default'}`);
  printFigure('INVITE arrival in the console → pop-up painted', metrics.popupMs ?? [], '< 50 ms');
  printFigure('INVITE sent by the caller → pop-up in the DOM (wall clock, 1 ms resolution)', wirePopup, '< 50 ms');
  printFigure('answer (F2) → caller hears media (wall clock)', answerToMedia);
  printFigure('answer → session established (console)', metrics.answerToEstablishedMs ?? []);
  printFigure('blind transfer: REFER → NOTIFY 2xx (target answered)', metrics.blindTransferMs ?? []);
  printFigure('attended transfer: REFER with Replaces → NOTIFY 2xx', metrics.attendedTransferMs ?? [], '≤ 250 ms median');
  printFigure('  attended leg: console REFER sent → caller receives it', legs.referToCaller);
  printFigure('  attended leg: caller builds and sends the INVITE with Replaces (SDP offer, ICE)', legs.callerInviteOut);
  printFigure('  attended leg: INVITE → target receives it', legs.inviteToTarget);
  printFigure('  attended leg: target answers → established (SDP answer, ICE)', legs.targetAnswer);
  printFigure('  attended leg: established → console has the NOTIFY 2xx', legs.notifyBack);
  expect((metrics.popupMs ?? []).length).toBeGreaterThan(0);
});
