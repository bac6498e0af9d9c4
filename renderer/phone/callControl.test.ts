// Call control against fake sip.js sessions: an attendant talks to one caller at a time, so answering
// or resuming a call first holds the one being talked to.
import { describe, expect, it, vi } from 'vitest';
import { deriveCallFigures } from '@shared/calls/callMachine';
import { BenchHooks } from './benchHooks';
import { CallControl } from './callControl';
import { LineTable, MAX_LINES } from './lineTable';
import { PhoneLine } from './phoneLine';
import type { UserAgentLifecycle } from './userAgentLifecycle';
import { establishedLine, fakeLineHost, fakeSession } from '../test/fakeSipSession';

function control(lines: LineTable, host = fakeLineHost()) {
  const notRegistered = { userAgent: undefined, registered: false, sipDomain: () => undefined } as unknown as UserAgentLifecycle;
  return new CallControl(lines, notRegistered, host, new BenchHooks(() => undefined));
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

  it('takes as many calls as the desk has lines; one more is refused with 486 and recorded as missed', () => {
    const lines = new LineTable(undefined, () => 2);
    const host = fakeLineHost();
    const calls = control(lines, host);
    const incoming = () => {
      const f = fakeSession('inbound');
      Object.defineProperty(f.session, 'remoteIdentity', { value: { uri: { user: '1009' }, displayName: 'Nine' } });
      Object.defineProperty(f.session, 'replacee', { value: undefined });
      return f;
    };
    const first = incoming();
    const second = incoming();
    calls.onInvite(first.session as never);
    calls.onInvite(second.session as never);
    expect(lines.all().map((l) => l.lineNo)).toEqual([1, 2]);
    const third = incoming();
    calls.onInvite(third.session as never);
    expect(third.sip.reject).toHaveBeenCalledWith({ statusCode: 486 });
    expect(lines.all()).toHaveLength(2);
    const refused = vi.mocked(host.refused).mock.calls[0]!;
    expect(refused[0]).toMatchObject({ remoteUser: '1009', remoteName: 'Nine', lineNo: 0, direction: 'inbound', state: 'ended' });
    expect(deriveCallFigures(refused[1]).disposition).toBe('missed');
    expect(refused[1].endStatusCode).toBe(486);
  });

  it('clamps the configured number of lines to 1 … MAX_LINES', () => {
    expect(new LineTable(undefined, () => 20).limit()).toBe(MAX_LINES);
    expect(new LineTable(undefined, () => 0).limit()).toBe(1);
    expect(new LineTable().limit()).toBe(4);
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
