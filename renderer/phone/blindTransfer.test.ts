// Blind transfer against fake sip.js sessions: the operator's leg ends (BYE) only after a NOTIFY with a
// 2xx sipfrag; on every failure the caller stays on the line with the operator and no BYE is sent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionState } from 'sip.js';
import { establishedLine, sentRefer, settle } from '../test/fakeSipSession';
import { blindTransfer } from './blindTransfer';

const DOMAIN = 'pbx.example';

afterEach(() => {
  vi.useRealTimers();
});

describe('blind transfer: the operator leg ends only after NOTIFY 2xx', () => {
  it('keeps the leg through 202 and the provisional NOTIFYs, and hangs up after the 200 sipfrag', async () => {
    const caller = establishedLine('inbound');
    const result = blindTransfer(caller.line, '3001', DOMAIN);
    const refer = sentRefer(caller);
    expect(String(refer.target)).toBe(`sip:3001@${DOMAIN}`);

    refer.accept();
    await settle();
    refer.notify('SIP/2.0 100 Trying');
    await settle();
    refer.notify('SIP/2.0 180 Ringing');
    await settle();
    expect(caller.sip.bye).not.toHaveBeenCalled();
    expect(caller.line.state).toBe('active');

    const ok = refer.notify('SIP/2.0 200 OK');
    await expect(result).resolves.toEqual({ ok: true });
    expect(ok.accept).toHaveBeenCalled();
    expect(caller.sip.bye).toHaveBeenCalledOnce();
    expect(caller.line.call.state).toBe('ended');
    expect(caller.line.call.transfers[0]).toMatchObject({ kind: 'blind', target: '3001', outcome: 'succeeded' });
  });

  it('transfers a caller who is on hold the same way', async () => {
    const caller = establishedLine('inbound');
    await caller.line.setHold(true);
    expect(caller.line.state).toBe('held');
    const result = blindTransfer(caller.line, '3001', DOMAIN);
    sentRefer(caller).notify('SIP/2.0 200 OK');
    await expect(result).resolves.toEqual({ ok: true });
    expect(caller.sip.bye).toHaveBeenCalledOnce();
  });
});

describe('blind transfer: the caller stays with the operator on any failure', () => {
  it('a rejected REFER', async () => {
    const caller = establishedLine('inbound');
    const result = blindTransfer(caller.line, '3001', DOMAIN);
    sentRefer(caller).reject(403, 'Forbidden');
    await expect(result).resolves.toEqual({ ok: false, reason: 'failed', statusCode: 403 });
    await settle();
    expect(caller.sip.bye).not.toHaveBeenCalled();
    expect(caller.line.state).toBe('active');
    expect(caller.line.view.notice).toMatchObject({ code: 'transfer-failed', statusCode: 403 });
  });

  it.each([
    ['SIP/2.0 404 Not Found', 404],
    ['SIP/2.0 486 Busy Here', 486],
    ['SIP/2.0 503 Service Unavailable', 503],
    ['SIP/2.0 603 Decline', 603],
  ])('a NOTIFY with a failure sipfrag (%s), after the REFER was accepted', async (sipfrag, statusCode) => {
    const caller = establishedLine('inbound');
    const result = blindTransfer(caller.line, '3001', DOMAIN);
    const refer = sentRefer(caller);
    refer.accept();
    refer.notify('SIP/2.0 100 Trying');
    refer.notify(sipfrag);
    await expect(result).resolves.toEqual({ ok: false, reason: 'failed', statusCode });
    await settle();
    expect(caller.sip.bye).not.toHaveBeenCalled();
    expect(caller.line.isLive).toBe(true);
    expect(caller.line.view.transfer).toMatchObject({ progress: 'failed', statusCode });
  });

  it('refer() itself rejecting (the session went away under it)', async () => {
    const caller = establishedLine('inbound');
    caller.sip.refer.mockRejectedValueOnce(new Error('Invalid session state Terminated'));
    await expect(blindTransfer(caller.line, '3001', DOMAIN)).resolves.toMatchObject({ ok: false, reason: 'failed' });
    expect(caller.sip.bye).not.toHaveBeenCalled();
    expect(caller.line.state).toBe('active');
  });

  it('no final NOTIFY before the transfer timeout', async () => {
    vi.useFakeTimers();
    const caller = establishedLine('inbound');
    const result = blindTransfer(caller.line, '3001', DOMAIN);
    sentRefer(caller).accept();
    await vi.advanceTimersByTimeAsync(45_000);
    await expect(result).resolves.toEqual({ ok: false, reason: 'timeout', statusCode: undefined });
    expect(caller.sip.bye).not.toHaveBeenCalled();
    expect(caller.line.view.notice?.code).toBe('transfer-timeout');
  });

  it('an invalid target or a line that is not connected sends no REFER at all', async () => {
    const caller = establishedLine('inbound');
    await expect(blindTransfer(caller.line, 'not a number!', DOMAIN)).resolves.toEqual({ ok: false, reason: 'invalid-target' });
    caller.go(SessionState.Terminated);
    await expect(blindTransfer(caller.line, '3001', DOMAIN)).resolves.toEqual({ ok: false, reason: 'wrong-state' });
    await expect(blindTransfer(undefined, '3001', DOMAIN)).resolves.toEqual({ ok: false, reason: 'no-line' });
    expect(caller.sip.refer).not.toHaveBeenCalled();
  });
});
