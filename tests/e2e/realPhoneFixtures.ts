// Fixtures and probes for the console against real SIP phones (baresip) through rtpengine, shared by
// tests/e2e/realPhones.spec.ts and tests/bench/realPhones.bench.ts. Per worker: rtpengine + Kamailio
// (tests/lab/realPhoneLab.ts); per test: the baresip phones it starts (stopped after it). The console page records its
// RTCPeerConnections so a test can read what arrived (getStats, a WebAudio analyser on the remote track).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import type { BaresipPhone } from '../lab/baresipPhone';
import { startRealPhoneLab, type RealPhoneLab } from '../lab/realPhoneLab';
import { readWav, writeToneWav } from '../lab/toneWav';
import { test as base } from './fixtures';

/** What the console's microphone sends (Chromium's fake capture device plays this file). */
export const CONSOLE_TONE_HZ = 440;
/** What the baresip caller's microphone sends (its aufile source plays this file). */
export const PHONE_TONE_HZ = 700;
/** What a transfer target's microphone sends (baresip's ausine source). */
export const TARGET_TONE_HZ = 1500;
const consoleTone = writeToneWav(join(tmpdir(), `fd-console-tone-${process.pid}.wav`), CONSOLE_TONE_HZ, { seconds: 30, channels: 1 });
export const phoneTone = writeToneWav(join(tmpdir(), `fd-phone-tone-${process.pid}.wav`), PHONE_TONE_HZ, { seconds: 60 });

export const test = base.extend<{ phones: RealPhoneLab['phone'] }, { phoneLab: RealPhoneLab }>({
  phoneLab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const lab = await startRealPhoneLab();
      try {
        await use(lab);
      } finally {
        await lab.stop();
      }
    },
    { scope: 'worker' },
  ],
  phones: async ({ phoneLab }, use, testInfo) => {
    const started: BaresipPhone[] = [];
    await use(async (o) => {
      const p = await phoneLab.phone(o);
      started.push(p);
      return p;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const p of started) {
        await testInfo.attach(`baresip-${p.user}.log`, { body: p.logs().slice(-30_000), contentType: 'text/plain' });
        await testInfo.attach(`baresip-${p.user}-events.json`, { body: JSON.stringify(p.events, null, 2), contentType: 'application/json' });
      }
      await testInfo.attach('kamailio.log', { body: phoneLab.pbx.logs().slice(-20_000), contentType: 'text/plain' });
      await testInfo.attach('rtpengine.log', { body: phoneLab.relay.logs().slice(-20_000), contentType: 'text/plain' });
    }
    await phoneLab.stopPhones();
  },
  page: async ({ page }, use) => {
    // The console's peer connections, so the test can read what arrived (getStats, WebAudio on the remote track).
    await page.addInitScript(() => {
      const Native = window.RTCPeerConnection;
      const seen: RTCPeerConnection[] = [];
      (window as unknown as { __labPeerConnections: RTCPeerConnection[] }).__labPeerConnections = seen;
      window.RTCPeerConnection = class extends Native {
        constructor(config?: RTCConfiguration) {
          super(config);
          seen.push(this);
        }
      } as typeof RTCPeerConnection;
    });
    await use(page);
  },
});

/** Chromium for these tests: its fake microphone plays the console's tone; WebAudio may start without a gesture. */
export const REAL_PHONE_LAUNCH_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${consoleTone}`, '--autoplay-policy=no-user-gesture-required'],
};


export interface ConsoleInbound {
  packetsReceived: number;
  bytesReceived: number;
  codec: string;
  clockRate: number;
}

/** The console's open calls: inbound RTP counters and codec (getStats). */
export async function consoleInbound(page: Page): Promise<ConsoleInbound[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __labPeerConnections: RTCPeerConnection[] }).__labPeerConnections.filter((pc) => pc.connectionState !== 'closed');
    const out: ConsoleInbound[] = [];
    for (const pc of pcs) {
      const stats = await pc.getStats();
      stats.forEach((r: { type: string; kind?: string; packetsReceived?: number; bytesReceived?: number; codecId?: string }) => {
        if (r.type !== 'inbound-rtp' || r.kind !== 'audio') return;
        const codec = r.codecId ? (stats.get(r.codecId) as { mimeType?: string; clockRate?: number } | undefined) : undefined;
        out.push({ packetsReceived: r.packetsReceived ?? 0, bytesReceived: r.bytesReceived ?? 0, codec: codec?.mimeType ?? '', clockRate: codec?.clockRate ?? 0 });
      });
    }
    return out;
  });
}

/** The strongest frequency the console hears on its one open call (WebAudio analyser on the remote track, 0 = silence). */
export async function consoleHears(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pc = (window as unknown as { __labPeerConnections: RTCPeerConnection[] }).__labPeerConnections.find((p) => p.connectionState === 'connected');
    const track = pc?.getReceivers().find((r) => r.track.kind === 'audio')?.track;
    if (!track) return -1;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 8192;
    ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const bins = new Float32Array(analyser.frequencyBinCount);
    // let the analyser fill one FFT window (8192 samples) with what arrives
    await new Promise((r) => setTimeout(r, 400));
    analyser.getFloatFrequencyData(bins);
    await ctx.close();
    let best = 0;
    for (let i = 1; i < bins.length; i++) if (bins[i]! > bins[best]!) best = i;
    return bins[best]! < -90 ? 0 : Math.round((best * ctx.sampleRate) / analyser.fftSize);
  });
}

/** Polls until the console's received packet count grows (media is arriving now). */
export async function expectConsoleReceiving(page: Page): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const [s] = await consoleInbound(page);
        const grew = last >= 0 && (s?.packetsReceived ?? 0) > last;
        last = s?.packetsReceived ?? 0;
        return grew;
      },
      { timeout: 15_000, message: 'RTP from the phone arrives at the console' },
    )
    .toBe(true);
}

/** Polls until the console's received packet count stands still between two looks (nothing arrives). */
export async function expectConsoleNotReceiving(page: Page): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const [s] = await consoleInbound(page);
        const still = last >= 0 && (s?.packetsReceived ?? 0) === last;
        last = s?.packetsReceived ?? 0;
        return still;
      },
      { timeout: 15_000, intervals: [300], message: 'no RTP from the phone while it is held' },
    )
    .toBe(true);
}

/** Within ±15 Hz (a 5 Hz DFT scan of a codec's output). */
export function near(hz: number, wanted: number): boolean {
  return Math.abs(hz - wanted) <= 15;
}

/** What the phone recorded of the call (sndfile's -dec.wav), once baresip has closed the file. */
export function phoneRecording(phone: BaresipPhone) {
  const files = phone.receivedRecordings();
  expect(files.length, `${phone.user} recorded the call`).toBeGreaterThan(0);
  return readWav(files[files.length - 1]!);
}

