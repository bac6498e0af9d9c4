/**
 * The SIP lab proves itself: real Kamailio, real sip.js agents in Debian Chromium with fake media.
 * Parties: caller 1001, operator 2000 (the console's extension), transfer target 3001.
 * Assertions are on the agents' state() snapshots (SIP state, hold, RTP bytes increasing).
 */
import type { LabSessionSnapshot } from './agent/types';
import { expect, test } from './fixtures';
import type { LabAgent } from './labAgentDriver';
import { startKamailio } from './kamailioProcess';
import { LabAgent as LabAgentDriver } from './labAgentDriver';

const CALLER = '1001';
const OPERATOR = '2000';
const TARGET = '3001';

async function active(a: LabAgent): Promise<LabSessionSnapshot[]> {
  return (await a.state()).active;
}

/** polls until `a` has exactly one active session matching `pred`, established with inbound media flowing */
async function expectTalking(a: LabAgent, remoteUser: string, timeout = 10_000): Promise<LabSessionSnapshot> {
  await expect
    .poll(
      async () => {
        const s = await active(a);
        return s.map((x) => ({ remote: x.remoteUser, state: x.state, flowing: x.media.flowing }));
      },
      { timeout, message: `${a.user} talking to ${remoteUser}` },
    )
    .toEqual([{ remote: remoteUser, state: 'Established', flowing: true }]);
  const [s] = await active(a);
  return s!;
}

async function expectIdle(a: LabAgent, timeout = 10_000): Promise<void> {
  await expect.poll(async () => (await active(a)).length, { timeout, message: `${a.user} has no active call` }).toBe(0);
}

async function expectNoErrors(...agents: LabAgent[]): Promise<void> {
  for (const a of agents) {
    expect((await a.state()).errors, `${a.user} page errors`).toEqual([]);
    expect(a.pageErrors, `${a.user} pageerror`).toEqual([]);
  }
}

/** caller calls the operator, the operator answers; both talking */
async function connectCallerToOperator(caller: LabAgent, operator: LabAgent): Promise<{ callerLeg: string; opLeg: string }> {
  const callerLeg = await caller.call(OPERATOR);
  const ev = await operator.waitForEvent('invite-received');
  const opLeg = await operator.answer(ev.sessionId);
  expect(opLeg).toBe(callerLeg); // same Call-ID on both ends
  await expectTalking(caller, OPERATOR);
  await expectTalking(operator, CALLER);
  return { callerLeg, opLeg };
}

test('three agents register with Kamailio', async ({ agent }) => {
  const [caller, operator, target] = await Promise.all([
    agent(CALLER, '张三 (客户)'),
    agent(OPERATOR, 'Switchboard'),
    agent(TARGET, 'Finance'),
  ]);
  for (const [a, user] of [[caller, CALLER], [operator, OPERATOR], [target, TARGET]] as const) {
    const st = await a.state();
    expect(st.user).toBe(user);
    expect(st.registered).toBe(true);
    expect(st.transport).toBe('Connected');
    expect((await a.events()).filter((e) => e.type === 'registered')).toHaveLength(1);
  }
  // Kamailio really routes to each of them: a call to 3001 rings there, and is rejected on demand
  await target.autoReject(486);
  const id = await caller.call(TARGET);
  await expect.poll(async () => (await caller.session(id))?.endReason).toBe('486 Busy Here');
  expect((await target.events()).some((e) => e.type === 'invite-received')).toBe(true);
});

test('call and answer: media flows both ways, DTMF and hold work', async ({ agent }) => {
  const [caller, operator] = await Promise.all([agent(CALLER, '张三 (客户)'), agent(OPERATOR, 'Switchboard')]);
  const callerLeg = await caller.call(OPERATOR, { extraHeaders: ['X-Lab-Case: answer'] });
  const ring = await operator.waitForEvent('invite-received');
  expect(ring.detail?.from).toBe(CALLER);
  expect(ring.detail?.displayName).toBe('张三 (客户)');
  const incoming = (await operator.state()).active[0]!;
  expect(incoming.ringing).toBe(true);
  expect(incoming.direction).toBe('incoming');
  await expect.poll(async () => (await caller.events()).some((e) => e.type === 'progress' && e.detail?.code === 180)).toBe(true);

  await operator.answer();
  const c = await expectTalking(caller, OPERATOR);
  const o = await expectTalking(operator, CALLER);
  expect(c.id).toBe(callerLeg);
  expect(c.direction).toBe('outgoing');
  expect(o.ringing).toBe(false);
  expect(c.media.sending && o.media.sending).toBe(true);
  expect(c.media.iceState).toMatch(/connected|completed/);

  // DTMF (SIP INFO) caller → operator
  await caller.sendDtmf(callerLeg, '12#');
  await expect
    .poll(async () => (await operator.events()).filter((e) => e.type === 'dtmf-received').map((e) => e.detail?.digit).join(''))
    .toBe('12#');

  // hold: the operator's re-INVITE is sendonly → the caller sees remote hold, the operator receives no audio
  await operator.hold(o.id);
  await expect.poll(async () => (await caller.session(callerLeg))?.remoteHeld).toBe(true);
  await expect.poll(async () => (await operator.session(o.id))?.media.flowing).toBe(false);
  expect((await operator.session(o.id))?.held).toBe(true);
  await operator.unhold(o.id);
  await expect.poll(async () => (await caller.session(callerLeg))?.remoteHeld).toBe(false);
  await expect.poll(async () => (await operator.session(o.id))?.media.flowing).toBe(true);

  await caller.hangup(callerLeg);
  await expectIdle(caller);
  await expectIdle(operator);
  expect((await operator.session(o.id))?.endReason).toBe('BYE received');
  await expectNoErrors(caller, operator);
});

test('caller cancels while ringing', async ({ agent }) => {
  const [caller, operator] = await Promise.all([agent(CALLER), agent(OPERATOR)]);
  const id = await caller.call(OPERATOR);
  await operator.waitForEvent('invite-received');
  await expect.poll(async () => (await caller.events()).some((e) => e.type === 'progress')).toBe(true);
  await caller.hangup(id);
  await expectIdle(caller);
  await expectIdle(operator);
  const c = (await caller.session(id))!;
  const o = (await operator.session(id))!;
  expect(c.endReason).toBe('canceled');
  expect(o.endReason).toBe('CANCEL received');
  expect(c.establishedAt).toBeNull();
  expect(o.establishedAt).toBeNull();
  expect((await operator.events()).some((e) => e.type === 'established')).toBe(false);
  await expectNoErrors(caller, operator);
});

test('blind transfer: caller ends up talking to the target, operator legs ended', async ({ agent }) => {
  const [caller, operator, target] = await Promise.all([agent(CALLER), agent(OPERATOR), agent(TARGET)]);
  await target.autoAnswer({ after: 200 });
  const { callerLeg, opLeg } = await connectCallerToOperator(caller, operator);

  const result = await operator.blindTransfer(opLeg, TARGET);
  expect(result.ok).toBe(true);
  expect(result.code).toBe(200);
  expect(result.referStatus).toBe(202);
  expect(result.sipfrags.at(-1)).toBe('SIP/2.0 200 OK');

  await expectIdle(operator);
  expect((await operator.session(opLeg))?.endReason).toBe('transferred (blind)');
  const newLeg = await expectTalking(caller, TARGET);
  expect(newLeg.referredFrom).toBe(callerLeg);
  expect((await caller.session(callerLeg))?.endReason).toBe('BYE received');
  await expectTalking(target, CALLER);
  await expectNoErrors(caller, operator, target);
});

for (const failure of [
  { name: 'a busy target (486)', code: 486, reason: 'Busy Here', setup: async (t: LabAgent) => t.autoReject(486) },
  { name: 'an unregistered extension (404)', code: 404, reason: 'Not Found', setup: null },
] as const) {
  test(`blind transfer to ${failure.name}: caller stays connected with the operator`, async ({ agent }) => {
    const [caller, operator] = await Promise.all([agent(CALLER), agent(OPERATOR)]);
    let to = '3999';
    if (failure.setup) {
      const target = await agent(TARGET);
      await failure.setup(target);
      to = TARGET;
    }
    const { callerLeg, opLeg } = await connectCallerToOperator(caller, operator);

    const result = await operator.blindTransfer(opLeg, to);
    expect(result.ok).toBe(false);
    expect(result.code).toBe(failure.code);
    expect(result.sipfrags.at(-1)).toBe(`SIP/2.0 ${failure.code} ${failure.reason}`);

    // nothing dropped: the original call is still up with audio both ways
    const o = await expectTalking(operator, CALLER);
    expect(o.id).toBe(opLeg);
    const c = await expectTalking(caller, OPERATOR);
    expect(c.id).toBe(callerLeg);
    const attempt = (await caller.state()).sessions.find((s) => s.referredFrom === callerLeg);
    expect(attempt?.state).toBe('Terminated');
    expect(attempt?.endReason).toBe(`${failure.code} ${failure.reason}`);
    // the operator can still talk and end the call normally
    await operator.hangup(opLeg);
    await expectIdle(caller);
    await expectNoErrors(caller, operator);
  });
}

test('attended transfer: hold, consult, REFER with Replaces → caller talks to target, operator legs ended', async ({ agent }) => {
  const [caller, operator, target] = await Promise.all([agent(CALLER), agent(OPERATOR), agent(TARGET)]);
  await target.autoAnswer({ after: 200 });
  const { callerLeg, opLeg } = await connectCallerToOperator(caller, operator);

  await operator.hold(opLeg);
  await expect.poll(async () => (await caller.session(callerLeg))?.remoteHeld).toBe(true);
  const consult = await operator.call(TARGET);
  await expect
    .poll(async () => {
      const s = await operator.session(consult);
      return s?.state === 'Established' && s.media.flowing;
    })
    .toBe(true);

  const result = await operator.attendedTransfer(opLeg, consult);
  expect(result.ok).toBe(true);
  expect(result.code).toBe(200);

  await expectIdle(operator);
  const opState = await operator.state();
  expect(opState.sessions.find((s) => s.id === opLeg)?.endReason).toBe('transferred (attended)');
  // the consult leg was ended by the target (sip.js BYEs the replaced dialog itself)
  expect(opState.sessions.find((s) => s.id === consult)?.endReason).toBe('BYE received');

  const callerNew = await expectTalking(caller, TARGET);
  expect(callerNew.referredFrom).toBe(callerLeg);
  const targetLeg = await expectTalking(target, CALLER);
  expect(targetLeg.replaces).toBe(consult);
  expect(targetLeg.callId).toBe(callerNew.callId);
  // no second "new call" ringing at the target: the replacing INVITE was taken as a replacement
  expect((await target.state()).sessions.filter((s) => s.ringing)).toEqual([]);
  await expectNoErrors(caller, operator, target);
});

test('attended transfer, consult target busy: operator takes the caller back off hold', async ({ agent }) => {
  const [caller, operator, target] = await Promise.all([agent(CALLER), agent(OPERATOR), agent(TARGET)]);
  await target.autoReject(486);
  const { callerLeg, opLeg } = await connectCallerToOperator(caller, operator);

  await operator.hold(opLeg);
  await expect.poll(async () => (await caller.session(callerLeg))?.remoteHeld).toBe(true);
  await expect.poll(async () => (await operator.session(opLeg))?.media.flowing).toBe(false);
  const consult = await operator.call(TARGET);
  await expect.poll(async () => (await operator.session(consult))?.endReason).toBe('486 Busy Here');

  await operator.unhold(opLeg);
  await expect.poll(async () => (await caller.session(callerLeg))?.remoteHeld).toBe(false);
  const o = await expectTalking(operator, CALLER);
  expect(o.id).toBe(opLeg);
  expect(o.held).toBe(false);
  await expectTalking(caller, OPERATOR);
  await expectNoErrors(caller, operator, target);
});

test('caller hangs up while held: the transfer attempt fails cleanly, consult call survives', async ({ agent }) => {
  const [caller, operator, target] = await Promise.all([agent(CALLER), agent(OPERATOR), agent(TARGET)]);
  await target.autoAnswer({ after: 100 });
  const { callerLeg, opLeg } = await connectCallerToOperator(caller, operator);
  await operator.hold(opLeg);
  const consult = await operator.call(TARGET);
  await expect.poll(async () => (await operator.session(consult))?.state).toBe('Established');

  await caller.hangup(callerLeg);
  await expect.poll(async () => (await operator.session(opLeg))?.state).toBe('Terminated');
  expect((await operator.session(opLeg))?.endReason).toBe('BYE received');

  const result = await operator.attendedTransfer(opLeg, consult);
  expect(result.ok).toBe(false);
  expect(result.code).toBeNull();
  expect(result.reason).toContain('Invalid session state Terminated');

  // the operator is still talking to the target and can end that call
  const still = await expectTalking(operator, TARGET);
  expect(still.id).toBe(consult);
  await operator.hangup(consult);
  await expectIdle(target);
  await expectNoErrors(caller, operator, target);
});

test('Kamailio restarted: agents reconnect, re-register, and a new call works', async ({ browser, lab }) => {
  // a private Kamailio for this test, so the shared one is not disturbed
  const pbx = await startKamailio();
  const agents: LabAgentDriver[] = [];
  try {
    const open = async (user: string) => {
      const a = await LabAgentDriver.open(browser, lab.pageUrl, { wsUrl: pbx.wsUrl, user, reconnectDelayMs: 300 });
      agents.push(a);
      return a;
    };
    const [caller, operator] = await Promise.all([open(CALLER), open(OPERATOR)]);
    const oldPid = pbx.pid;
    await pbx.restart();
    expect(pbx.pid).not.toBe(oldPid);

    for (const a of [caller, operator]) {
      await expect.poll(async () => (await a.events()).some((e) => e.type === 'transport-disconnected')).toBe(true);
      await expect.poll(async () => (await a.state()).registerCount, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      const st = await a.state();
      expect(st.registered).toBe(true);
      expect(st.transport).toBe('Connected');
    }

    await operator.autoAnswer({ after: 100 });
    const id = await caller.call(OPERATOR);
    const c = await expectTalking(caller, OPERATOR);
    expect(c.id).toBe(id);
    await expectTalking(operator, CALLER);
    await caller.hangup(id);
    await expectIdle(operator);
    await expectNoErrors(caller, operator);
  } finally {
    await Promise.all(agents.map((a) => a.close()));
    await pbx.stop();
  }
});
