#!/usr/bin/env node
// npm run lab — a live SIP lab for trying the console's switchboard by hand.
//   Kamailio on ws://127.0.0.1:8088 (or the next free port), headless Chromium with lab agents:
//   demo callers 1001 "张三 (客户)" and 1002 "李四" call extension 2000 (the console) every ~20–40 s;
//   extensions 3001–3003 auto-answer (transfer targets) and send Chromium's fake audio.
//   Ctrl-C stops everything (Kamailio by PID, the browser, the web server).
// Options: --ws-port N  --udp-port N  --no-callers  --interval MIN-MAX (seconds)  --verbose
import { chromium } from '@playwright/test';
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { join } from 'node:path';
import { LAB_DIR, loadLabHelpers } from './loadHelpers.mjs';

const argv = process.argv.slice(2);
const arg = (name, def) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
};
const flag = (name) => argv.includes(name);
const [minGap, maxGap] = String(arg('--interval', '20-40')).split('-').map(Number);
const VERBOSE = flag('--verbose');

const tcpFree = (port) =>
  new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
const udpFree = (port) =>
  new Promise((resolve) => {
    const s = createSocket('udp4');
    s.once('error', () => resolve(false));
    s.bind(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
async function firstFree(start, check) {
  for (let p = start; p < start + 20; p++) if (await check(p)) return p;
  return undefined; // let the OS choose
}

const ts = () => new Date().toLocaleTimeString('en-GB', { hour12: false });
const say = (msg) => console.log(`${ts()}  ${msg}`);

let pbx, web, browser;
let shuttingDown = false;
const timers = new Set();

async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const t of timers) clearTimeout(t);
  say('stopping…');
  await browser?.close().catch(() => undefined);
  await web?.close().catch(() => undefined);
  if (pbx) {
    const pid = pbx.pid;
    await pbx.stop().catch((e) => console.error(e));
    say(`Kamailio (pid ${pid}) stopped`);
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const lab = await loadLabHelpers();
  const root = await lab.buildAgentPage({ srcDir: join(LAB_DIR, 'agent') });
  const wsPort = arg('--ws-port') ? Number(arg('--ws-port')) : await firstFree(8088, tcpFree);
  const udpPort = arg('--udp-port') ? Number(arg('--udp-port')) : await firstFree(5060, udpFree);
  // with the presence server: the console's busy lamps show the demo extensions' calls
  pbx = await lab.startKamailio({ presence: true, ...(wsPort ? { wsPort } : {}), ...(udpPort ? { udpPort } : {}) });
  web = await lab.startStaticServer({ root });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: lab.LAB_CHROMIUM_ARGS, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });

  const open = (user, displayName) => lab.LabAgent.open(browser, web.url, { wsUrl: pbx.wsUrl, user, displayName, iceGatheringTimeout: 500 });
  const targets = await Promise.all([open('3001', '财务部 Finance'), open('3002', '人事部 HR'), open('3003', '总经理办公室')]);
  for (const t of targets) await t.autoAnswer({ after: 1500 });
  const callers = flag('--no-callers') ? [] : await Promise.all([open('1001', '张三 (客户)'), open('1002', '李四')]);

  console.log(`
FrontDesk Console SIP lab is running (Kamailio pid ${pbx.pid}, Chromium headless)
  WebSocket server : ${pbx.wsUrl}          (UDP for SIP tools: 127.0.0.1:${pbx.udpPort})
  Allowed origins  : http://127.0.0.1:<any port>, http://localhost:<any port>, app://frontdesk

In the console: Settings → Phone
  Server (WebSocket URL) : ${pbx.wsUrl}
  SIP domain             : 127.0.0.1
  Extension / user       : 2000
  Password               : (leave empty — the lab registrar has no authentication)
  Display name           : 总机 (anything)

Extensions to transfer to: 3001 财务部 Finance, 3002 人事部 HR, 3003 总经理办公室 (auto-answer after 1.5 s)
Not registered (transfer fails with 404): 3999
${callers.length ? `Demo callers 1001 张三 (客户) and 1002 李四 call 2000 every ~${minGap}–${maxGap} s.` : 'Demo callers are off (--no-callers).'}
Press Ctrl-C to stop.
`);

  // ---- what happens on the agents, printed as it happens
  const lastSeq = new Map();
  const describe = (a, e) => {
    const d = e.detail ?? {};
    switch (e.type) {
      case 'invite-received': return `${a.user} ← incoming call from ${d.from}${d.replaces ? ' (replaces a call: attended transfer)' : ''}`;
      case 'established': return `${a.user} ✆ connected with ${d.remote}`;
      case 'terminated':
        return d.reason === '404 Not Found' && callers.includes(a)
          ? `${a.user} ✕ 2000 is not registered (404) — register the console as 2000 at ${pbx.wsUrl}`
          : `${a.user} ✕ call ended (${d.reason})`;
      case 'refer-received': return `${a.user} ↪ asked to transfer to ${d.referTo}`;
      case 'registered': return (d.count ?? 1) > 1 && !VERBOSE ? null : `${a.user} registered`;
      case 'transport-disconnected': return `${a.user} lost the connection to Kamailio`;
      case 'error': return `${a.user} ERROR ${d.message}`;
      default: return VERBOSE ? `${a.user} ${e.type} ${JSON.stringify(d)}` : null;
    }
  };
  const pollEvents = async () => {
    for (const a of [...callers, ...targets]) {
      const evs = await a.events(lastSeq.get(a) ?? 0).catch(() => []);
      for (const e of evs) {
        lastSeq.set(a, e.seq);
        const line = describe(a, e);
        if (line) say(line);
      }
    }
  };
  const later = (ms, fn) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!shuttingDown) fn();
    }, ms);
    timers.add(t);
  };
  const pump = () => pollEvents().finally(() => later(300, pump));
  pump();

  // ---- demo callers: call 2000, give up after 45 s ringing, talk 30–90 s (also after being transferred)
  const rand = (a, b) => a + Math.random() * (b - a);
  for (const [i, c] of callers.entries()) {
    const cycle = async () => {
      try {
        const st = await c.state();
        if (st.active.length === 0) {
          say(`${c.user} dialling 2000…`);
          const id = await c.call('2000', { extraHeaders: ['X-Lab-Demo: 1'] });
          later(45_000, async () => {
            const s = await c.session(id).catch(() => undefined);
            if (s && s.state !== 'Established' && s.state !== 'Terminated') {
              say(`${c.user} gives up (no answer)`);
              await c.hangup(id).catch(() => undefined);
            }
          });
        } else {
          const talkMs = rand(30_000, 90_000);
          for (const s of st.active) {
            if (s.state === 'Established' && s.establishedAt && Date.now() - s.establishedAt > talkMs) {
              say(`${c.user} hangs up`);
              await c.hangup(s.id).catch(() => undefined);
            }
          }
        }
      } catch (e) {
        say(`${c.user}: ${e.message ?? e}`);
      }
      later(rand(minGap, maxGap) * 1000, cycle);
    };
    later(3000 + i * 7000, cycle);
  }
} catch (e) {
  console.error(e);
  await shutdown(1);
}
