// The operator's switchboard against a real SIP server: Kamailio on 127.0.0.1 relays between the
// console (in Chromium, fake microphone) and sip.js agents playing callers and extensions.
// Every scenario checks what the operator sees and the call record stored in IndexedDB.
import { test, expect } from './fixtures';
import type { LabAgent } from '../lab/labAgentDriver';

async function activeWith(agent: LabAgent, remote: string) {
  return (await agent.state()).sessions.find((s) => s.remoteUser === remote && s.state === 'Established');
}

async function expectMediaBetween(agent: LabAgent, remote: string) {
  await expect.poll(async () => (await activeWith(agent, remote))?.media.flowing ?? false, { timeout: 15_000 }).toBe(true);
}

test.describe('switchboard softphone', () => {
  test('an incoming call pops up with the caller, is answered with F2, media flows, and is recorded', async ({ switchboard, sipLab, agent, page }) => {
    await switchboard.configure(sipLab.wsUrl);
    const caller = await agent('13800138000', '张三');
    const callId = await caller.call('2000');

    const popup = switchboard.incomingCall('13800138000');
    await expect(popup).toBeVisible();
    await expect(popup).toContainText('First call from this number');
    await expect(page.getByTestId('phone-status')).toHaveText('Phone: registered');
    const line = await switchboard.answerWithF2('13800138000');
    await expect(popup).toBeHidden();
    await expect.poll(async () => (await caller.session(callId))?.media.flowing ?? false, { timeout: 15_000 }).toBe(true);
    await expect(line.getByTestId('line-timer')).toContainText('Talk');

    await caller.hangup(callId);
    await switchboard.expectLineState(line, 'ended');
    const record = await switchboard.storedCall('13800138000', 'answered');
    expect(record).toMatchObject({ direction: 'inbound', extension: '2000', line: 1 });
    expect(record.ringMs).toBeGreaterThan(0);
    expect(record.talkMs).toBeGreaterThan(0);
    expect(record.answeredAt).toBeGreaterThanOrEqual(record.startedAt);
    await expect(page.getByRole('table', { name: "Today's calls" }).getByRole('row', { name: /13800138000.*Answered/ })).toBeVisible();

    // The second call from the same number is recognised.
    const again = await caller.call('2000');
    await expect(switchboard.incomingCall('13800138000')).toContainText('1 earlier calls');
    await caller.hangup(again);
  });

  test('caller hanging up while it rings is recorded as abandoned', async ({ switchboard, sipLab, agent }) => {
    await switchboard.configure(sipLab.wsUrl);
    const caller = await agent('1002');
    const callId = await caller.call('2000');
    await expect(switchboard.incomingCall('1002')).toBeVisible();
    await caller.hangup(callId);
    await expect(switchboard.incomingCall('1002')).toBeHidden();
    const record = await switchboard.storedCall('1002', 'abandoned-ringing');
    expect(record.answeredAt).toBeUndefined();
    expect(record.ringMs).toBeGreaterThan(0);
  });

  test('blind transfer: the caller ends up talking to the target and the operator leg ends', async ({ switchboard, sipLab, agent }) => {
    await switchboard.configure(sipLab.wsUrl);
    const target = await agent('3001', '王五');
    await target.autoAnswer({ after: 200 });
    const caller = await agent('1003');
    await caller.call('2000');
    const line = await switchboard.answerWithF2('1003');

    await switchboard.transferTo('3001', 'F7');
    await switchboard.expectLineState(line, 'ended');
    await expectMediaBetween(caller, '3001');
    await expectMediaBetween(target, '1003');
    const record = await switchboard.storedCall('1003', 'transferred-blind');
    expect(record).toMatchObject({ transferredTo: '3001', transferKind: 'blind', transferConfirmed: 1 });
  });

  for (const [code, setup, label] of [
    [486, async (a: LabAgent) => a.autoReject(486), 'busy'],
    [404, async () => undefined, 'number not found'],
  ] as const) {
    test(`blind transfer to a ${code === 486 ? 'busy' : 'unknown'} extension keeps the caller with the operator (${code})`, async ({ switchboard, sipLab, agent, page }) => {
      await switchboard.configure(sipLab.wsUrl);
      const targetUser = code === 486 ? '3002' : '3999';
      if (code === 486) await setup(await agent(targetUser));
      const caller = await agent('1004');
      const callId = await caller.call('2000');
      const line = await switchboard.answerWithF2('1004');

      await switchboard.transferTo(targetUser, 'F7');
      await expect(line.getByTestId('line-notice')).toContainText(`Transfer failed (${code} ${label})`);
      await expect(line.getByTestId('line-transfer')).toHaveAttribute('data-progress', 'failed');
      await switchboard.expectLineState(line, 'active');
      expect((await caller.session(callId))?.state).toBe('Established');
      await expect.poll(async () => (await caller.session(callId))?.media.flowing ?? false).toBe(true);

      await page.keyboard.press('F4');
      await switchboard.expectLineState(line, 'ended');
      const record = await switchboard.storedCall('1004', 'transfer-failed');
      expect(record).toMatchObject({ statusCode: code, transferredTo: targetUser, transferKind: 'blind' });
      expect(record.transferConfirmed).toBeUndefined();
    });
  }

  test('attended transfer: hold, consult, complete — target talks to the caller, both operator legs end', async ({ switchboard, sipLab, agent, page }) => {
    await switchboard.configure(sipLab.wsUrl);
    const target = await agent('3003', '赵六');
    await target.autoAnswer({ after: 300 });
    const caller = await agent('1005');
    await caller.call('2000');
    const callerLine = await switchboard.answerWithF2('1005');

    await switchboard.transferTo('3003', 'F8');
    await switchboard.expectLineState(callerLine, 'held');
    const consultLine = switchboard.lineWith('3003');
    await switchboard.expectLineState(consultLine, 'active');
    await expect(consultLine).toContainText('Consulting for the caller on line 1');
    await expect(page.getByRole('region', { name: 'Hold queue' })).toContainText('1005');

    await page.keyboard.press('F9');
    await switchboard.expectLineState(callerLine, 'ended');
    await switchboard.expectLineState(consultLine, 'ended');
    await expectMediaBetween(target, '1005');
    await expectMediaBetween(caller, '3003');

    const callerRecord = await switchboard.storedCall('1005', 'transferred-attended');
    expect(callerRecord).toMatchObject({ transferredTo: '3003', transferKind: 'attended', transferConfirmed: 1 });
    expect(callerRecord.holdMs).toBeGreaterThan(0);
    const consultRecord = await switchboard.storedCall('3003', /answered|transferred/, { consult: true });
    expect(consultRecord).toMatchObject({ direction: 'outbound', consultFor: callerRecord.id });
  });

  test('consult target busy: the operator returns to the held caller with one key', async ({ switchboard, sipLab, agent, page }) => {
    await switchboard.configure(sipLab.wsUrl);
    const target = await agent('3004');
    await target.autoReject(486);
    const caller = await agent('1006');
    const callId = await caller.call('2000');
    const callerLine = await switchboard.answerWithF2('1006');

    await switchboard.transferTo('3004', 'F8');
    const consultLine = switchboard.lineWith('3004');
    await switchboard.expectLineState(consultLine, 'ended');
    // Said once: "486 busy", not "486 busy Busy Here".
    await expect(consultLine.getByTestId('line-notice')).toHaveText('The call failed (486 busy).');
    await switchboard.expectLineState(callerLine, 'held');
    // The held caller's line names the real outcome (486 busy), not "no answer".
    await expect(callerLine.getByTestId('line-notice')).toHaveText('The consult call failed (486 busy). Press F10 to return to the caller.');

    await page.keyboard.press('F10');
    await switchboard.expectLineState(callerLine, 'active');
    await expect.poll(async () => (await caller.session(callId))?.media.flowing ?? false, { timeout: 15_000 }).toBe(true);
    const consultRecord = await switchboard.storedCall('3004', 'unanswered', { consult: true });
    expect(consultRecord.statusCode).toBe(486);
  });

  test('caller hanging up while held is recorded as abandoned on hold; a transfer then fails cleanly', async ({ switchboard, sipLab, agent, page }) => {
    await switchboard.configure(sipLab.wsUrl);
    const target = await agent('3005');
    await target.autoAnswer({ after: 200 });
    const caller = await agent('1007');
    const callId = await caller.call('2000');
    const callerLine = await switchboard.answerWithF2('1007');
    await switchboard.transferTo('3005', 'F8');
    const consultLine = switchboard.lineWith('3005');
    await switchboard.expectLineState(consultLine, 'active');

    await caller.hangup(callId);
    await switchboard.expectLineState(callerLine, 'ended');
    await page.keyboard.press('F9');
    await expect(consultLine.getByTestId('line-notice')).toContainText('The caller hung up');
    await switchboard.expectLineState(consultLine, 'active');
    const record = await switchboard.storedCall('1007', 'abandoned-held');
    expect(record.holdMs).toBeGreaterThan(0);
    await page.keyboard.press('F4');
    await switchboard.expectLineState(consultLine, 'ended');
  });

  test('hold and resume reflect the real state; mute and DTMF reach the caller', async ({ switchboard, sipLab, agent, page }) => {
    // A browser cannot observe received RFC 4733 events, so the agent checks the SIP INFO variant.
    await switchboard.configure(sipLab.wsUrl, '2000', 'Front desk', { dtmfViaInfo: true });
    const caller = await agent('1008');
    const callId = await caller.call('2000');
    const line = await switchboard.answerWithF2('1008');
    await page.keyboard.press('F5');
    await switchboard.expectLineState(line, 'held');
    await expect.poll(async () => (await caller.session(callId))?.remoteHeld).toBe(true);
    await page.keyboard.press('F5');
    await switchboard.expectLineState(line, 'active');
    await expect.poll(async () => (await caller.session(callId))?.remoteHeld).toBe(false);

    await page.keyboard.press('F6');
    await expect(line).toContainText('Muted');
    await page.keyboard.press('F6');
    await expect(line).not.toContainText('Muted');

    await page.keyboard.press('Alt+K');
    await page.getByRole('dialog', { name: 'Keypad' }).getByLabel('Digits').fill('12#');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await caller.events()).filter((e) => e.type === 'dtmf-received').map((e) => e.detail?.digit).join(''), { timeout: 10_000 })
      .toBe('12#');
    await page.keyboard.press('Escape');
    await caller.hangup(callId);
    await switchboard.storedCall('1008', 'answered');
  });

  test('Kamailio restarted mid-shift: the call in progress survives, the console re-registers by itself and the next call works', async ({ switchboard, sipLab, agent, page }) => {
    await switchboard.configure(sipLab.wsUrl);
    const talking = await agent('1010');
    const talkingId = await talking.call('2000');
    const line = await switchboard.answerWithF2('1010');
    await expect.poll(async () => (await talking.session(talkingId))?.media.flowing ?? false, { timeout: 15_000 }).toBe(true);

    await sipLab.kamailio.restart();
    await expect(switchboard.registration).not.toHaveAttribute('data-state', 'registered', { timeout: 10_000 });
    await expect(switchboard.registration).toHaveAttribute('data-state', 'registered', { timeout: 30_000 });
    // Media is peer to peer: the established call goes on through the PBX restart.
    await switchboard.expectLineState(line, 'active');
    const before = (await talking.session(talkingId))?.media.inboundBytes ?? 0;
    await expect.poll(async () => (await talking.session(talkingId))?.media.inboundBytes ?? 0, { timeout: 10_000 }).toBeGreaterThan(before);
    await page.keyboard.press('F4');
    await switchboard.expectLineState(line, 'ended');

    const caller = await agent('1009');
    const callId = await caller.call('2000');
    await switchboard.answerWithF2('1009');
    await expect.poll(async () => (await caller.session(callId))?.media.flowing ?? false, { timeout: 15_000 }).toBe(true);
    await caller.hangup(callId);
    await switchboard.storedCall('1009', 'answered');
  });

  test('a directory lookup opens the person card, which transfers the call being talked to', async ({ switchboard, sipLab, agent, app, page }) => {
    await switchboard.configure(sipLab.wsUrl);
    const target = await agent('3001', '李秀英');
    await target.autoAnswer({ after: 200 });
    const caller = await agent('1010');
    await caller.call('2000');
    await switchboard.answerWithF2('1010');

    await app.navigate('directory');
    await page.getByRole('combobox', { name: 'Search the directory' }).fill('3001');
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('李秀英');
    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog', { name: '李秀英' });
    await expect(card.getByRole('button', { name: 'Call 3001' })).toBeEnabled();
    await card.getByRole('button', { name: 'Transfer 1010 to 3001' }).click();
    await expect(card).toBeHidden();
    await expectMediaBetween(caller, '3001');
    const record = await switchboard.storedCall('1010', 'transferred-blind');
    expect(record).toMatchObject({ transferredTo: '3001', transferKind: 'blind' });
  });
});
