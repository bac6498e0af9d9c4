// Call control against fake sip.js sessions: an attendant talks to one caller at a time, so answering
// or resuming a call first holds the one being talked to.
import { describe, expect, it } from 'vitest';
import { BenchHooks } from './benchHooks';
import { CallControl } from './callControl';
import { LineTable } from './lineTable';
import { PhoneLine } from './phoneLine';
import type { UserAgentLifecycle } from './userAgentLifecycle';
import { establishedLine, fakeLineHost, fakeSession } from '../test/fakeSipSession';

function control(lines: LineTable) {
  const notRegistered = { userAgent: undefined, registered: false, sipDomain: () => undefined } as unknown as UserAgentLifecycle;
  return new CallControl(lines, notRegistered, fakeLineHost(), new BenchHooks(() => undefined));
}

describe('CallControl', () => {
  it('answering a ringing call holds the call being talked to first', async () => {
    const lines = new LineTable();
    const talking = establishedLine('inbound', { lineNo: 1 });
    const ringing = fakeSession('inbound');
    const ringingLine = new PhoneLine(ringing.session, 2, fakeLineHost(), { remoteUser: '1002' });
    lines.add(talking.line);
    lines.add(ringingLine);
    const order: string[] = [];
    talking.sip.invite.mockImplementationOnce(async (options: { requestDelegate: { onAccept: () => void } }) => {
      order.push('hold line 1');
      options.requestDelegate.onAccept();
    });
    ringing.sip.accept.mockImplementationOnce(async () => void order.push('answer line 2'));
    await expect(control(lines).answer()).resolves.toBe(true);
    expect(order).toEqual(['hold line 1', 'answer line 2']);
    expect(talking.line.state).toBe('held');
  });

  it('resuming a held caller holds whoever else the operator was talking to', async () => {
    const lines = new LineTable();
    const held = establishedLine('inbound', { lineNo: 1 });
    await held.line.setHold(true);
    const talking = establishedLine('inbound', { lineNo: 2 });
    lines.add(held.line);
    lines.add(talking.line);
    await expect(control(lines).hold(held.line.id, false)).resolves.toBe(true);
    expect(held.line.state).toBe('active');
    expect(talking.line.state).toBe('held');
  });

  it('refuses to dial while not registered', () => {
    expect(control(new LineTable()).dial('3001')).toEqual({ ok: false, reason: 'not-registered' });
  });

  it('answers nothing when no call rings', async () => {
    const lines = new LineTable();
    lines.add(establishedLine('inbound').line);
    await expect(control(lines).answer()).resolves.toBe(false);
  });
});
