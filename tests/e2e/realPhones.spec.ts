// The switchboard against plain SIP phones nobody here wrote: baresip (Debian) registers at the lab's Kamailio, and
// rtpengine (userspace) relays its plain RTP to the console's WebRTC (ICE, DTLS-SRTP). Every scenario drives the
// console as the operator does (keys and buttons by their names), checks the audio both ends heard (baresip's
// recording of the console's tone; the console's received RTP and the tone in it) and the call record stored.
// Lab plumbing: tests/lab/realPhoneLab.ts; facts it relies on: tests/lab/README.md, "Real phones".
import type { BaresipPhone } from '../lab/baresipPhone';
import { startRealPhoneLab } from '../lab/realPhoneLab';
import { dominantFrequency, readWav, rms } from '../lab/toneWav';
import { expect } from './fixtures';
import {
  CONSOLE_TONE_HZ,
  PHONE_TONE_HZ,
  REAL_PHONE_LAUNCH_OPTIONS,
  TARGET_TONE_HZ,
  consoleHears,
  consoleInbound,
  expectConsoleNotReceiving,
  expectConsoleReceiving,
  near,
  phoneRecording,
  phoneTone,
  test,
} from './realPhoneFixtures';

test.use({ launchOptions: REAL_PHONE_LAUNCH_OPTIONS });

/**
 * Caller and target (two baresip phones) talk: once both have hung up, each one's latest recording holds the other's
 * tone. The caller hangs up; the target sees the BYE.
 */
async function expectTwoTalking(caller: BaresipPhone, target: BaresipPhone): Promise<void> {
  // let them talk until the target has recorded a second of the call (sndfile writes as it goes)
  await expect
    .poll(() => {
      const files = target.receivedRecordings();
      if (files.length === 0) return 0;
      const pcm = readWav(files[files.length - 1]!);
      return pcm.samples.length / pcm.sampleRate;
    }, { timeout: 10_000, message: 'seconds the target has recorded' })
    .toBeGreaterThan(1);
  const closedBefore = target.find((e) => e.type === 'CALL_CLOSED').length;
  await caller.hangup();
  await expect.poll(() => target.find((e) => e.type === 'CALL_CLOSED').length, { message: 'the target sees the hang-up' }).toBe(closedBefore + 1);
  const atTarget = phoneRecording(target);
  const atCaller = phoneRecording(caller);
  expect(rms(atTarget, 0.3, 0.5), 'loudness at the target').toBeGreaterThan(0.05);
  expect(near(dominantFrequency(atTarget, 0.3, 0.5), PHONE_TONE_HZ), `the target hears the caller's ${PHONE_TONE_HZ} Hz`).toBe(true);
  expect(rms(atCaller, 0.3, 0.5), 'loudness at the caller').toBeGreaterThan(0.05);
  expect(near(dominantFrequency(atCaller, 0.3, 0.5), TARGET_TONE_HZ), `the caller hears the target's ${TARGET_TONE_HZ} Hz`).toBe(true);
}

test.describe('real SIP phones through a media relay', () => {
  test('a baresip phone calls the console: rings, F2 answers, audio both ways, hold and resume, hang-up, recorded', async ({ switchboard, phoneLab, phones, page }) => {
    await switchboard.configure(phoneLab.pbx.wsUrl);
    const caller = await phones({ user: '2001', audioFile: phoneTone, codecs: 'pcmu,pcma' });
    await caller.dial(phoneLab.uriOf('2000'));

    const popup = switchboard.incomingCall('2001');
    await expect(popup).toBeVisible();
    await caller.waitForEvent((e) => e.type === 'CALL_RINGING', 10_000, 'ringing (180)');
    const line = await switchboard.answerWithF2('2001');
    await caller.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000, 'established');
    await caller.waitForEvent((e) => e.type === 'CALL_RTPESTAB', 10_000, 'RTP from the console');

    // the console hears the phone's tone
    await expectConsoleReceiving(page);
    const [inbound] = await consoleInbound(page);
    expect(inbound?.codec).toBe('audio/PCMU');
    await expect.poll(() => consoleHears(page), { timeout: 10_000, message: `the console hears the phone's ${PHONE_TONE_HZ} Hz` }).toBeGreaterThan(0);
    expect(near(await consoleHears(page), PHONE_TONE_HZ), `console hears ${PHONE_TONE_HZ} Hz`).toBe(true);

    // hold (F5): the phone is told (sendonly), stops sending; resume (the line's button) brings the audio back
    const sdpBefore = caller.find((e) => e.type === 'CALL_REMOTE_SDP').length;
    await page.keyboard.press('F5');
    await switchboard.expectLineState(line, 'held');
    await expect.poll(() => caller.find((e) => e.type === 'CALL_REMOTE_SDP').length).toBeGreaterThan(sdpBefore);
    await expectConsoleNotReceiving(page);
    await line.getByRole('button', { name: 'Resume' }).click();
    await switchboard.expectLineState(line, 'active');
    await expectConsoleReceiving(page);
    expect(near(await consoleHears(page), PHONE_TONE_HZ)).toBe(true);

    // the operator hangs up (F4); the phone sees the BYE
    await page.keyboard.press('F4');
    await switchboard.expectLineState(line, 'ended');
    await caller.waitForEvent((e) => e.type === 'CALL_CLOSED', 10_000, 'call closed');

    // the phone heard the console's tone, and no silence
    const heard = phoneRecording(caller);
    expect(heard.samples.length / heard.sampleRate, 'seconds recorded').toBeGreaterThan(1);
    expect(rms(heard, 0.3, 0.5), 'loudness of what the phone heard').toBeGreaterThan(0.05);
    expect(dominantFrequency(heard, 0.3, 0.5), `the phone hears ${CONSOLE_TONE_HZ} Hz`).toBeGreaterThanOrEqual(CONSOLE_TONE_HZ - 15);
    expect(dominantFrequency(heard, 0.3, 0.5)).toBeLessThanOrEqual(CONSOLE_TONE_HZ + 15);

    const record = await switchboard.storedCall('2001', 'answered');
    expect(record).toMatchObject({ direction: 'inbound', extension: '2000', line: 1 });
    expect(record.talkMs).toBeGreaterThan(0);
    expect(record.holdMs).toBeGreaterThan(0);
    expect(record.answeredAt).toBeGreaterThanOrEqual(record.startedAt);
  });

  // The lab fact behind shared/phone/dtmfMethod.ts: baresip 1.0.0 only knows telephone-event/8000, so on an Opus call
  // Chromium's RFC 4733 events (sent at 48 kHz) never arrive. The console must pick a way that does.
  for (const { codecs, wire, way } of [
    { codecs: 'pcmu', wire: 'audio/PCMU', way: 'RFC 4733' },
    { codecs: 'pcma', wire: 'audio/PCMA', way: 'RFC 4733' },
    { codecs: 'g722/16000/1', wire: 'audio/G722', way: 'RFC 4733' },
    { codecs: 'opus/48000/2,pcmu', wire: 'audio/opus', way: 'SIP INFO' },
  ] as const) {
    test(`DTMF typed on the keypad arrives at a baresip phone on a ${wire} call (${way})`, async ({ switchboard, phoneLab, phones, page }) => {
      await switchboard.configure(phoneLab.pbx.wsUrl);
      const caller = await phones({ user: '2003', audioFile: phoneTone, codecs });
      await caller.dial(phoneLab.uriOf('2000'));
      const line = await switchboard.answerWithF2('2003');
      await caller.waitForEvent((e) => e.type === 'CALL_RTPESTAB', 10_000, 'RTP from the console');
      await expectConsoleReceiving(page);
      const [inbound] = await consoleInbound(page);
      expect(inbound?.codec, 'the codec the call runs on').toBe(wire);

      const before = caller.events.length;
      await line.getByRole('button', { name: 'Keypad' }).click();
      const keypad = page.getByRole('dialog', { name: 'Keypad' });
      await keypad.getByLabel('Digits').fill('159#*0');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => caller.receivedDigits(before), { timeout: 10_000, message: 'digits baresip reports (CALL_DTMF_START)' })
        .toBe('159#*0');
      await expect(keypad).toContainText('159#*0');
      // how they travelled: SIP INFO requests in baresip's SIP trace, or none (then they came as RTP events)
      const infos = (caller.logs().match(/^INFO sip:/gm) ?? []).length;
      if (way === 'SIP INFO') expect(infos, 'INFO requests baresip received').toBe(6);
      else expect(infos, 'INFO requests baresip received').toBe(0);
      await page.keyboard.press('Escape');

      await caller.hangup();
      await switchboard.expectLineState(line, 'ended');
      await switchboard.storedCall('2003', 'answered');
    });
  }

  test('DTMF on an Opus call to a phone that takes no SIP INFO: the console moves the call to PCMU first, then the digits arrive as RFC 4733', async ({ switchboard, page }) => {
    // its own PBX: this one strips INFO from the phone's Allow header (tests/lab/kamailio-rtpengine.cfg)
    const lab = await startRealPhoneLab({ kamailio: { defines: ['PHONES_WITHOUT_INFO'] } });
    try {
      await switchboard.configure(lab.pbx.wsUrl);
      const caller = await lab.phone({ user: '2004', audioFile: phoneTone, codecs: 'opus/48000/2,pcmu' });
      await caller.dial(lab.uriOf('2000'));
      const line = await switchboard.answerWithF2('2004');
      await caller.waitForEvent((e) => e.type === 'CALL_RTPESTAB', 10_000, 'RTP from the console');
      await expectConsoleReceiving(page);
      expect((await consoleInbound(page))[0]?.codec).toBe('audio/opus');

      const before = caller.events.length;
      await page.keyboard.press('Alt+K');
      await page.getByRole('dialog', { name: 'Keypad' }).getByLabel('Digits').fill('2468');
      await page.keyboard.press('Enter');
      await expect.poll(() => caller.receivedDigits(before), { timeout: 10_000, message: 'digits baresip reports' }).toBe('2468');
      expect(caller.logs().match(/^INFO sip:/gm) ?? [], 'no SIP INFO was sent').toEqual([]);
      await expect.poll(async () => (await consoleInbound(page))[0]?.codec, { message: 'the call now runs on PCMU' }).toBe('audio/PCMU');
      await page.keyboard.press('Escape');
      await expect(line).toHaveAttribute('data-state', 'active');
      await caller.hangup();
      await switchboard.expectLineState(line, 'ended');
      await switchboard.storedCall('2004', 'answered');
    } finally {
      await lab.stop();
    }
  });

  test('hold (F5) pressed as soon as the call is answered waits for the caller\'s late ACK: the call survives and is held', async ({ switchboard, page }) => {
    // its own PBX: this one holds the phone's ACK for 500 ms (tests/lab/kamailio-rtpengine.cfg, SLOW_ACK)
    const lab = await startRealPhoneLab({ kamailio: { defines: ['SLOW_ACK'] } });
    try {
      await switchboard.configure(lab.pbx.wsUrl);
      const caller = await lab.phone({ user: '2005', audioFile: phoneTone });
      await caller.dial(lab.uriOf('2000'));
      await expect(switchboard.incomingCall('2005')).toBeVisible();
      await page.keyboard.press('F2');
      const line = switchboard.lineWith('2005');
      await switchboard.expectLineState(line, 'active');
      await page.keyboard.press('F5');
      await switchboard.expectLineState(line, 'held');
      expect(caller.find((e) => e.type === 'CALL_CLOSED'), 'the phone still has its call').toEqual([]);
      await page.keyboard.press('F5');
      await switchboard.expectLineState(line, 'active');
      await expectConsoleReceiving(page);
      expect(caller.find((e) => e.type === 'CALL_CLOSED')).toEqual([]);
      await caller.hangup();
      await switchboard.expectLineState(line, 'ended');
      const record = await switchboard.storedCall('2005', 'answered');
      expect(record.holdMs).toBeGreaterThan(0);
    } finally {
      await lab.stop();
    }
  });

  test('blind transfer (F7) of a baresip caller to a baresip extension: the two talk, the operator leg ends, recorded', async ({ switchboard, phoneLab, phones }) => {
    await switchboard.configure(phoneLab.pbx.wsUrl);
    const target = await phones({ user: '2102', toneHz: TARGET_TONE_HZ });
    const caller = await phones({ user: '2101', audioFile: phoneTone });
    await caller.dial(phoneLab.uriOf('2000'));
    const line = await switchboard.answerWithF2('2101');
    await caller.waitForEvent((e) => e.type === 'CALL_RTPESTAB', 10_000, 'RTP from the console');

    const mark = caller.events.length;
    await switchboard.transferTo('2102', 'F7');
    await caller.waitForEvent((e) => e.type === 'TRANSFER', 10_000, 'the REFER', mark);
    await switchboard.expectLineState(line, 'ended');
    // the caller's new call is with the target, through the proxy and the relay
    await caller.waitForEvent((e) => e.type === 'CALL_ESTABLISHED' && (e.peeruri ?? '').includes('2102'), 10_000, 'caller ↔ target', mark);
    await target.waitForEvent((e) => e.type === 'CALL_RTPESTAB', 10_000, 'RTP at the target');
    await caller.waitForEvent((e) => e.type === 'CALL_RTPESTAB', 10_000, 'RTP at the caller', mark + 1);
    await expectTwoTalking(caller, target);

    const record = await switchboard.storedCall('2101', 'transferred-blind');
    expect(record).toMatchObject({ transferredTo: '2102', transferKind: 'blind', transferConfirmed: 1 });
  });

  test('attended transfer (F8, F9) to a baresip extension that ignores Replaces: the console ends its consult leg, caller and target talk', async ({ switchboard, phoneLab, phones, page }) => {
    await switchboard.configure(phoneLab.pbx.wsUrl);
    const target = await phones({ user: '2202', toneHz: TARGET_TONE_HZ });
    const caller = await phones({ user: '2201', audioFile: phoneTone });
    await caller.dial(phoneLab.uriOf('2000'));
    const callerLine = await switchboard.answerWithF2('2201');

    await switchboard.transferTo('2202', 'F8');
    await switchboard.expectLineState(callerLine, 'held');
    const consultLine = switchboard.lineWith('2202');
    await switchboard.expectLineState(consultLine, 'active');
    await target.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000, 'the consult call');
    await expect(consultLine).toContainText('Consulting for the caller on line 1');

    const mark = caller.events.length;
    await page.keyboard.press('F9');
    await caller.waitForEvent((e) => e.type === 'TRANSFER', 10_000, 'the REFER', mark);
    await switchboard.expectLineState(callerLine, 'ended');
    // baresip 1.0.0 takes the replacing INVITE as a new call and keeps the consult leg: the console ends it itself
    await switchboard.expectLineState(consultLine, 'ended');
    await expect.poll(() => target.find((e) => e.type === 'CALL_CLOSED').length, { message: 'the consult leg is closed at the target' }).toBe(1);
    await caller.waitForEvent((e) => e.type === 'CALL_ESTABLISHED' && (e.peeruri ?? '').includes('2202'), 10_000, 'caller ↔ target', mark);
    await expectTwoTalking(caller, target);

    const callerRecord = await switchboard.storedCall('2201', 'transferred-attended');
    expect(callerRecord).toMatchObject({ transferredTo: '2202', transferKind: 'attended', transferConfirmed: 1 });
    const consultRecord = await switchboard.storedCall('2202', /answered|transferred.*/, { consult: true });
    expect(consultRecord.consultFor).toBe(callerRecord.id);
  });

  test('attended transfer refused by a busy target keeps the caller with the operator (F10 returns to them)', async ({ switchboard, phoneLab, phones, page }) => {
    await switchboard.configure(phoneLab.pbx.wsUrl);
    // one call at a time: the caller's INVITE to it gets 486 while the consultation is up
    const target = await phones({ user: '2302', toneHz: TARGET_TONE_HZ, maxCalls: 1 });
    const caller = await phones({ user: '2301', audioFile: phoneTone });
    await caller.dial(phoneLab.uriOf('2000'));
    const callerLine = await switchboard.answerWithF2('2301');
    await switchboard.transferTo('2302', 'F8');
    const consultLine = switchboard.lineWith('2302');
    await switchboard.expectLineState(consultLine, 'active');

    const mark = caller.events.length;
    await page.keyboard.press('F9');
    await caller.waitForEvent((e) => e.type === 'TRANSFER', 10_000, 'the REFER', mark);
    await expect(callerLine.getByTestId('line-transfer')).toHaveAttribute('data-progress', 'failed');
    await switchboard.expectLineState(callerLine, 'held');
    await switchboard.expectLineState(consultLine, 'active');
    expect(caller.find((e) => e.type === 'CALL_CLOSED' && !(e.param ?? '').includes('486'), mark)).toEqual([]);

    await page.keyboard.press('F10');
    await switchboard.expectLineState(consultLine, 'ended');
    await target.waitForEvent((e) => e.type === 'CALL_CLOSED', 10_000, 'the consultation ends at the target');
    await switchboard.expectLineState(callerLine, 'active');
    await expectConsoleReceiving(page);
    expect(near(await consoleHears(page), PHONE_TONE_HZ), 'the operator hears the caller again').toBe(true);
    await page.keyboard.press('F4');
    await switchboard.expectLineState(callerLine, 'ended');
    const record = await switchboard.storedCall('2301', 'transfer-failed');
    expect(record).toMatchObject({ transferredTo: '2302', transferKind: 'attended' });
    expect(record.transferConfirmed).toBeUndefined();
  });

  test('the console calls a baresip extension from the dial box: audio both ways, the phone hangs up, recorded', async ({ switchboard, phoneLab, phones, page }) => {
    await switchboard.configure(phoneLab.pbx.wsUrl);
    const phone = await phones({ user: '2402', audioFile: phoneTone });
    await page.keyboard.press('Control+D');
    await page.getByLabel('Number or name').fill('2402');
    await page.keyboard.press('Enter');
    const line = switchboard.lineWith('2402');
    await switchboard.expectLineState(line, 'active');
    await phone.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000, 'answered (auto)');
    await phone.waitForEvent((e) => e.type === 'CALL_RTPESTAB', 10_000, 'RTP from the console');
    await expectConsoleReceiving(page);
    await expect.poll(() => consoleHears(page), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(near(await consoleHears(page), PHONE_TONE_HZ), `the console hears ${PHONE_TONE_HZ} Hz`).toBe(true);
    const [inbound] = await consoleInbound(page);
    expect(inbound?.codec, 'a codec both offer (G722 or Opus, not transcoded)').toMatch(/^audio\/(G722|opus|PCMU|PCMA)$/);

    await phone.hangup();
    await switchboard.expectLineState(line, 'ended');
    await phone.waitForEvent((e) => e.type === 'CALL_CLOSED', 10_000, 'closed');
    const heard = phoneRecording(phone);
    expect(rms(heard, 0.3, 0.5), 'loudness of what the phone heard').toBeGreaterThan(0.05);
    const hz = dominantFrequency(heard, 0.3, 0.5);
    expect(near(hz, CONSOLE_TONE_HZ), `the phone hears ${CONSOLE_TONE_HZ} Hz (got ${hz})`).toBe(true);
    const record = await switchboard.storedCall('2402', 'answered');
    expect(record).toMatchObject({ direction: 'outbound', extension: '2000' });
    expect(record.talkMs).toBeGreaterThan(0);
  });
});
