#!/usr/bin/env node
// Measures the SIP lab (median / p90 of N runs, default 20):
//   INVITE sent → callee sees it; answer → caller's media flowing (first inbound RTP);
//   blind transfer (REFER → caller↔target established / NOTIFY 2xx); attended transfer (same).
// Usage: node tests/lab/measure.mjs [runs]     (prints a table and a JSON line)
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { LAB_DIR, loadLabHelpers } from './loadHelpers.mjs';

const RUNS = Number(process.argv[2] ?? 20);
const lab = await loadLabHelpers();

const root = await lab.buildAgentPage({ srcDir: join(LAB_DIR, 'agent') });
const pbx = await lab.startKamailio();
const web = await lab.startStaticServer({ root });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: lab.LAB_CHROMIUM_ARGS, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });

const samples = {
  'INVITE sent → callee sees it': [],
  'callee answer → caller 200 OK (established)': [],
  'callee answer → caller ICE connected': [],
  'callee answer → caller media flowing': [],
  'call() → INVITE sent (SDP offer, ICE gathering)': [],
  'blind: REFER sent → caller↔target established': [],
  'blind: REFER sent → NOTIFY 2xx at operator': [],
  'blind: REFER sent → caller hears target': [],
  'attended: REFER sent → caller↔target established': [],
  'attended: REFER sent → NOTIFY 2xx at operator': [],
  'attended: REFER sent → caller hears target': [],
  'hold re-INVITE round trip': [],
};

const lastSeq = async (a) => (await a.events()).reduce((m, e) => Math.max(m, e.seq), 0);
const waitIdle = async (...agents) => {
  for (const a of agents) {
    const until = Date.now() + 10_000;
    while ((await a.state()).active.length > 0) {
      if (Date.now() > until) throw new Error(`${a.user} not idle`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
};

try {
  const open = (user, displayName) => lab.LabAgent.open(browser, web.url, { wsUrl: pbx.wsUrl, user, displayName });
  const [caller, operator, target] = await Promise.all([open('1001', '张三 (客户)'), open('2000', 'Switchboard'), open('3001', 'Finance')]);
  await target.autoAnswer({ after: 0 });

  // caller → operator, answered by the operator manually; returns the leg id
  const connect = async (record) => {
    const [sc, so] = [await lastSeq(caller), await lastSeq(operator)];
    const id = await caller.call('2000');
    const sent = await caller.waitForEvent('invite-sent', { sinceSeq: sc });
    const seen = await operator.waitForEvent('invite-received', { sinceSeq: so });
    await operator.answer(id);
    const ans = await operator.waitForEvent('answered', { sinceSeq: so });
    const est = await caller.waitForEvent('established', { sessionId: id, sinceSeq: sc });
    const media = await caller.waitForEvent('media-flowing', { sessionId: id, sinceSeq: sc });
    const ice = await caller.waitForEvent('ice-connected', { sessionId: id, sinceSeq: sc });
    await operator.waitForEvent('media-flowing', { sessionId: id, sinceSeq: so });
    if (record) {
      samples['INVITE sent → callee sees it'].push(seen.at - sent.at);
      samples['callee answer → caller 200 OK (established)'].push(est.at - ans.at);
      samples['callee answer → caller ICE connected'].push(ice.at - ans.at);
      samples['callee answer → caller media flowing'].push(media.at - ans.at);
      const dialing = await caller.waitForEvent('dialing', { sessionId: id, sinceSeq: sc });
      samples['call() → INVITE sent (SDP offer, ICE gathering)'].push(sent.at - dialing.at);
    }
    return id;
  };

  // one warm-up of each, then RUNS measured
  for (let i = 0; i <= RUNS; i++) {
    const record = i > 0;
    // 1. basic call + hold round trip
    {
      const id = await connect(record);
      const t0 = performance.now();
      await operator.hold(id);
      if (record) samples['hold re-INVITE round trip'].push(performance.now() - t0);
      await operator.unhold(id);
      await caller.hangup(id);
      await waitIdle(caller, operator);
    }
    // 2. blind transfer
    {
      const id = await connect(false);
      const [sc, st] = [await lastSeq(caller), await lastSeq(target)];
      const r = await operator.blindTransfer(id, '3001');
      if (!r.ok) throw new Error(`blind transfer failed: ${JSON.stringify(r)}`);
      const est = await target.waitForEvent('established', { sinceSeq: st });
      const callerLeg = (await caller.state()).active.find((s) => s.referredFrom === id);
      const media = await caller.waitForEvent('media-flowing', { sessionId: callerLeg?.id, sinceSeq: sc });
      if (record) {
        samples['blind: REFER sent → caller↔target established'].push(est.at - r.startedAt);
        samples['blind: REFER sent → NOTIFY 2xx at operator'].push(r.finishedAt - r.startedAt);
        samples['blind: REFER sent → caller hears target'].push(media.at - r.startedAt);
      }
      await caller.hangup();
      await waitIdle(caller, operator, target);
    }
    // 3. attended transfer
    {
      const id = await connect(false);
      await operator.hold(id);
      const consult = await operator.call('3001');
      await operator.waitForEvent('established', { sessionId: consult });
      const [sc, st] = [await lastSeq(caller), await lastSeq(target)];
      const r = await operator.attendedTransfer(id, consult);
      if (!r.ok) throw new Error(`attended transfer failed: ${JSON.stringify(r)}`);
      const est = await target.waitForEvent('established', { sinceSeq: st });
      const callerLeg = (await caller.state()).active.find((s) => s.referredFrom === id);
      const media = await caller.waitForEvent('media-flowing', { sessionId: callerLeg?.id, sinceSeq: sc });
      if (record) {
        samples['attended: REFER sent → caller↔target established'].push(est.at - r.startedAt);
        samples['attended: REFER sent → NOTIFY 2xx at operator'].push(r.finishedAt - r.startedAt);
        samples['attended: REFER sent → caller hears target'].push(media.at - r.startedAt);
      }
      await caller.hangup();
      await waitIdle(caller, operator, target);
    }
    process.stderr.write(record ? '.' : 'w');
  }
  process.stderr.write('\n');

  const pct = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p + 0.5))];
  };
  const rows = Object.entries(samples).map(([name, xs]) => ({ name, n: xs.length, median: pct(xs, 0.5), p90: pct(xs, 0.9), min: Math.min(...xs), max: Math.max(...xs) }));
  console.log(`SIP lab figures (${RUNS} runs, Kamailio ${pbx.wsUrl}, loopback, ms)`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(66)} median ${r.median.toFixed(1).padStart(7)}  p90 ${r.p90.toFixed(1).padStart(7)}  min ${r.min.toFixed(1).padStart(7)}  max ${r.max.toFixed(1).padStart(7)}`);
  }
  console.log(JSON.stringify({ runs: RUNS, figures: Object.fromEntries(rows.map((r) => [r.name, { median: +r.median.toFixed(1), p90: +r.p90.toFixed(1) }])) }));
  await Promise.all([caller.close(), operator.close(), target.close()]);
} finally {
  await browser.close();
  await web.close();
  await pbx.stop();
}
