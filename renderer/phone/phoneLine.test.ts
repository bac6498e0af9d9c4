// PhoneLine against a fake sip.js session: the state shown must be the confirmed SIP state, and a
// transfer's outcome comes only from the NOTIFY sipfrag (or the REFER's rejection).
import { describe, expect, it, vi } from 'vitest';
import { Invitation, SessionState } from 'sip.js';
import { PhoneLine, type LineHost } from './phoneLine';

type Listener = (s: SessionState) => void;

function fakeInvitation() {
  const listeners: Listener[] = [];
  const session = Object.create(Invitation.prototype) as Invitation & Record<string, unknown>;
  let state = SessionState.Initial;
  const fake = {
    request: { callId: 'call-1', getHeader: () => undefined },
    stateChange: { addListener: (l: Listener) => listeners.push(l) },
    delegate: undefined,
    sessionDescriptionHandler: { enableSenderTracks: vi.fn(), remoteMediaStream: undefined, sendDtmf: vi.fn(() => true) },
    invite: vi.fn(),
    refer: vi.fn(),
    bye: vi.fn(async () => undefined),
    accept: vi.fn(async () => undefined),
    reject: vi.fn(async () => undefined),
    info: vi.fn(async () => undefined),
  };
  for (const [k, v] of Object.entries(fake)) Object.defineProperty(session, k, { value: v, writable: true });
  Object.defineProperty(session, 'state', { get: () => state });
  const go = (next: SessionState) => {
    state = next;
    for (const l of listeners) l(next);
  };
  return { session, fake, go };
}

function host(): LineHost & { changes: number } {
  const h = { changes: 0, speakerDeviceId: () => undefined, dtmfViaInfo: () => false, changed: () => void (h.changes += 1), ended: vi.fn(), refused: vi.fn() };
  return h;
}

function answeredLine() {
  const f = fakeInvitation();
  const line = new PhoneLine(f.session, 1, host(), { remoteUser: '1001' });
  f.go(SessionState.Established);
  (f.session.delegate as { onAck?: (a: unknown) => void }).onAck?.({});
  return { ...f, line };
}

describe('PhoneLine hold', () => {
  it('shows "held" only after the re-INVITE is accepted', async () => {
    const { fake, line } = answeredLine();
    fake.invite.mockImplementation(async (options: { requestDelegate: { onAccept: () => void } }) => {
      expect(line.view.state).toBe('active');
      expect(line.view.holdPending).toBe(true);
      options.requestDelegate.onAccept();
    });
    expect(await line.setHold(true)).toBe(true);
    expect(line.view.state).toBe('held');
    expect(line.view.holdPending).toBe(false);
  });

  it('a refused re-INVITE never leaves a false "on hold"', async () => {
    const { fake, line } = answeredLine();
    fake.invite.mockImplementation(async (options: { requestDelegate: { onReject: () => void } }) => options.requestDelegate.onReject());
    expect(await line.setHold(true)).toBe(false);
    expect(line.view.state).toBe('active');
    expect(line.view.notice?.code).toBe('hold-failed');
    fake.invite.mockRejectedValueOnce(new Error('transport gone'));
    expect(await line.setHold(true)).toBe(false);
    expect(line.view.state).toBe('active');
  });

  it('keeps a muted line muted after resuming', async () => {
    const { fake, line } = answeredLine();
    fake.invite.mockImplementation(async (options: { requestDelegate: { onAccept: () => void } }) => options.requestDelegate.onAccept());
    line.setMuted(true);
    await line.setHold(true);
    await line.setHold(false);
    expect(fake.sessionDescriptionHandler.enableSenderTracks).toHaveBeenLastCalledWith(false);
    expect(line.view.muted).toBe(true);
  });
});

// refer() only reports the outcome and never ends the line itself; that the operator's leg ends after a
// 2xx sipfrag and only then is asserted where it happens (blindTransfer.test.ts, attendedTransfer.test.ts).
describe('PhoneLine transfer', () => {
  function notifyWith(body: string) {
    return { request: { body }, accept: vi.fn(async () => undefined) };
  }

  it('succeeds only on a 2xx sipfrag, after the provisional ones', async () => {
    const { fake, line } = answeredLine();
    let onNotify: (n: unknown) => void = () => undefined;
    fake.refer.mockImplementation(async (_target: unknown, options: { onNotify: (n: unknown) => void }) => {
      onNotify = options.onNotify;
    });
    const outcome = line.refer({} as never, 'blind', '3001');
    await Promise.resolve();
    onNotify(notifyWith('SIP/2.0 100 Trying'));
    expect(line.view.transfer?.progress).toBe('trying');
    onNotify(notifyWith('SIP/2.0 180 Ringing'));
    expect(line.view.transfer?.progress).toBe('ringing');
    expect(line.view.state).toBe('active');
    onNotify(notifyWith('SIP/2.0 200 OK'));
    await expect(outcome).resolves.toEqual({ ok: true });
    expect(line.call.transfers[0]).toMatchObject({ outcome: 'succeeded', target: '3001' });
    expect(fake.bye).not.toHaveBeenCalled();
  });

  it('a failure sipfrag or a rejected REFER keeps the caller on the line', async () => {
    const { fake, line } = answeredLine();
    fake.refer.mockImplementationOnce(async (_t: unknown, options: { onNotify: (n: unknown) => void }) => {
      queueMicrotask(() => options.onNotify(notifyWith('SIP/2.0 486 Busy Here')));
    });
    await expect(line.refer({} as never, 'blind', '3002')).resolves.toMatchObject({ ok: false, statusCode: 486 });
    expect(line.view.state).toBe('active');
    expect(line.view.notice).toMatchObject({ code: 'transfer-failed', statusCode: 486 });

    fake.refer.mockImplementationOnce(async (_t: unknown, options: { requestDelegate: { onReject: (r: unknown) => void } }) => {
      options.requestDelegate.onReject({ message: { statusCode: 403, reasonPhrase: 'Forbidden' } });
    });
    await expect(line.refer({} as never, 'blind', '3003')).resolves.toMatchObject({ ok: false, statusCode: 403 });
    fake.refer.mockRejectedValueOnce(new Error('Invalid session state Terminated'));
    await expect(line.refer({} as never, 'attended', '3004')).resolves.toMatchObject({ ok: false });
    expect(line.view.state).toBe('active');
    expect(fake.bye).not.toHaveBeenCalled();
  });
});

describe('PhoneLine end causes', () => {
  it('caller cancelling while it rings ends as remote-cancel', () => {
    const f = fakeInvitation();
    const h = host();
    const line = new PhoneLine(f.session, 2, h, { remoteUser: '1001' });
    f.go(SessionState.Terminated);
    expect(line.call).toMatchObject({ state: 'ended', endCause: 'remote-cancel' });
    expect(h.ended).toHaveBeenCalledOnce();
  });

  it('declining sends a 603 and records the desk declined', async () => {
    const f = fakeInvitation();
    const line = new PhoneLine(f.session, 2, host(), { remoteUser: '1001' });
    await line.hangup();
    expect(f.fake.reject).toHaveBeenCalledWith({ statusCode: 603 });
    f.go(SessionState.Terminated);
    expect(line.call.endCause).toBe('declined');
  });
});
