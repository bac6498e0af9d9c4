// Attended transfer against fake sip.js sessions: the held caller's leg ends only after a NOTIFY with
// a 2xx sipfrag; on any failure (REFER rejected, failure sipfrag, the caller hanging up while held so
// refer() rejects) the caller stays with the operator and neither leg is ended by us.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionState } from 'sip.js';
import { establishedLine, fakeLineHost, fakeSession, sentRefer, settle } from '../test/fakeSipSession';
import { AttendedTransfers, CONSULT_LEG_GRACE_MS } from './attendedTransfer';
import { LineTable } from './lineTable';
import { PhoneLine } from './phoneLine';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A caller on hold on line 1 and an answered consultation for them on line 2. */
async function consulting() {
  const lines = new LineTable();
  const caller = establishedLine('inbound', { lineNo: 1, remoteUser: '13800138000' });
  await caller.line.setHold(true);
  const consult = establishedLine('outbound', { lineNo: 2, remoteUser: '3001', consultFor: caller.line.id });
  caller.line.markConsult(consult.line.id);
  lines.add(caller.line);
  lines.add(consult.line);
  const hold = vi.fn(async () => true);
  const transfers = new AttendedTransfers({ lines, dial: vi.fn(), hold, consultTimeoutMs: () => 25_000 });
  return { lines, caller, consult, hold, transfers };
}

describe('attended transfer: the operator legs end only after NOTIFY 2xx', () => {
  it('REFERs the held caller to the consultation and ends the held leg after the 200 sipfrag, not before', async () => {
    const { caller, consult, transfers } = await consulting();
    expect(caller.line.state).toBe('held');
    const result = transfers.complete(consult.line.id);
    const refer = sentRefer(caller);
    expect(refer.target).toBe(consult.session);

    refer.accept();
    await settle();
    refer.notify('SIP/2.0 100 Trying');
    await settle();
    expect(caller.sip.bye).not.toHaveBeenCalled();
    expect(consult.sip.bye).not.toHaveBeenCalled();

    refer.notify('SIP/2.0 200 OK');
    await expect(result).resolves.toEqual({ ok: true });
    expect(caller.sip.bye).toHaveBeenCalledOnce();
    expect(caller.line.call.transfers[0]).toMatchObject({ kind: 'attended', target: '3001', outcome: 'succeeded' });
  });

  it('leaves the consult leg to the target (Replaces) and ends it only if it is still up after the grace period', async () => {
    const { consult, caller, transfers } = await consulting();
    const result = transfers.complete(consult.line.id);
    sentRefer(caller).notify('SIP/2.0 200 OK');
    await result;
    await vi.advanceTimersByTimeAsync(CONSULT_LEG_GRACE_MS - 1);
    expect(consult.sip.bye).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(consult.sip.bye).toHaveBeenCalledOnce();
  });

  it('sends no BYE on the consult leg when the target already replaced it', async () => {
    const { consult, caller, transfers } = await consulting();
    const result = transfers.complete(consult.line.id);
    sentRefer(caller).notify('SIP/2.0 200 OK');
    await result;
    consult.go(SessionState.Terminated);
    await vi.advanceTimersByTimeAsync(CONSULT_LEG_GRACE_MS);
    expect(consult.sip.bye).not.toHaveBeenCalled();
  });
});

describe('attended transfer: the caller stays with the operator on any failure', () => {
  it('a rejected REFER', async () => {
    const { caller, consult, transfers } = await consulting();
    const result = transfers.complete(consult.line.id);
    sentRefer(caller).reject(488, 'Not Acceptable Here');
    await expect(result).resolves.toEqual({ ok: false, reason: 'failed', statusCode: 488 });
    await vi.advanceTimersByTimeAsync(CONSULT_LEG_GRACE_MS);
    expect(caller.sip.bye).not.toHaveBeenCalled();
    expect(consult.sip.bye).not.toHaveBeenCalled();
    expect(caller.line.state).toBe('held');
    expect(consult.line.state).toBe('active');
  });

  it.each([
    ['SIP/2.0 481 Call/Transaction Does Not Exist', 481],
    ['SIP/2.0 500 Server Internal Error', 500],
    ['SIP/2.0 603 Decline', 603],
  ])('a NOTIFY with a failure sipfrag (%s)', async (sipfrag, statusCode) => {
    const { caller, consult, transfers } = await consulting();
    const result = transfers.complete(consult.line.id);
    const refer = sentRefer(caller);
    refer.accept();
    refer.notify(sipfrag);
    await expect(result).resolves.toEqual({ ok: false, reason: 'failed', statusCode });
    await vi.advanceTimersByTimeAsync(CONSULT_LEG_GRACE_MS);
    expect(caller.sip.bye).not.toHaveBeenCalled();
    expect(consult.sip.bye).not.toHaveBeenCalled();
    expect(caller.line.state).toBe('held');
    expect(caller.line.view.notice).toMatchObject({ code: 'transfer-failed', statusCode });
  });

  it('the caller hanging up while held makes refer() reject: reported as caller-gone, the consultation is kept', async () => {
    const { caller, consult, transfers } = await consulting();
    caller.sip.refer.mockImplementationOnce(async () => {
      caller.go(SessionState.Terminated);
      throw new Error('Invalid session state Terminated');
    });
    await expect(transfers.complete(consult.line.id)).resolves.toEqual({ ok: false, reason: 'caller-gone' });
    await vi.advanceTimersByTimeAsync(CONSULT_LEG_GRACE_MS);
    expect(consult.sip.bye).not.toHaveBeenCalled();
    expect(consult.line.state).toBe('active');
    expect(consult.line.view.notice?.code).toBe('caller-gone');
  });

  it('a caller who already hung up gets no REFER', async () => {
    const { caller, consult, transfers } = await consulting();
    caller.go(SessionState.Terminated);
    await expect(transfers.complete(consult.line.id)).resolves.toEqual({ ok: false, reason: 'caller-gone' });
    expect(caller.sip.refer).not.toHaveBeenCalled();
    expect(consult.line.view.notice?.code).toBe('caller-gone');
  });
});

describe('consultation', () => {
  it('holds the caller, then calls the target as a consultation for them', async () => {
    const lines = new LineTable();
    const caller = establishedLine('inbound', { lineNo: 1 });
    lines.add(caller.line);
    const dial = vi.fn(() => ({ ok: true as const, lineId: 'consult-line' }));
    const transfers = new AttendedTransfers({ lines, dial, hold: vi.fn(), consultTimeoutMs: () => 25_000 });
    await expect(transfers.startConsult(caller.line.id, '3001')).resolves.toEqual({ ok: true, lineId: 'consult-line' });
    expect(caller.line.state).toBe('held');
    expect(dial).toHaveBeenCalledWith('3001', caller.line.id);
    expect(caller.line.view.consultLineId).toBe('consult-line');
  });

  it('does not call the target when the caller could not be held', async () => {
    const lines = new LineTable();
    const caller = establishedLine('inbound', { lineNo: 1 });
    caller.sip.invite.mockImplementationOnce(async (options: { requestDelegate: { onReject: () => void } }) => options.requestDelegate.onReject());
    lines.add(caller.line);
    const dial = vi.fn();
    const transfers = new AttendedTransfers({ lines, dial, hold: vi.fn(), consultTimeoutMs: () => 25_000 });
    await expect(transfers.startConsult(caller.line.id, '3001')).resolves.toEqual({ ok: false, reason: 'hold-failed' });
    expect(dial).not.toHaveBeenCalled();
    expect(caller.line.state).toBe('active');
  });

  it('gives up a consultation nobody answers and tells the operator on both lines', async () => {
    const lines = new LineTable();
    const caller = establishedLine('inbound', { lineNo: 1 });
    lines.add(caller.line);
    const ringing = fakeSession('outbound');
    const consultLine = new PhoneLine(ringing.session, 2, fakeLineHost(), { remoteUser: '3001', consultFor: caller.line.id });
    const dial = vi.fn(() => {
      lines.add(consultLine);
      return { ok: true as const, lineId: consultLine.id };
    });
    const transfers = new AttendedTransfers({ lines, dial, hold: vi.fn(), consultTimeoutMs: () => 25_000 });
    await transfers.startConsult(caller.line.id, '3001');
    await vi.advanceTimersByTimeAsync(24_999);
    expect(ringing.sip.cancel).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ringing.sip.cancel).toHaveBeenCalledOnce();
    expect(caller.line.view.notice?.code).toBe('consult-no-answer');
    expect(caller.line.isLive).toBe(true);
  });

  it('return to caller ends the consultation and resumes the held caller', async () => {
    const { caller, consult, hold, transfers } = await consulting();
    await expect(transfers.returnToCaller(consult.line.id)).resolves.toBe(true);
    expect(consult.sip.bye).toHaveBeenCalledOnce();
    expect(caller.sip.bye).not.toHaveBeenCalled();
    expect(hold).toHaveBeenCalledWith(caller.line.id, false);
    expect(caller.line.view.consultLineId).toBeUndefined();
  });
});
