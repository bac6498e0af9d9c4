// A sip.js session without a network, for unit tests of the phone: an Invitation (inbound) or an
// Inviter (outbound) whose SIP methods are mocks and whose state the test drives. Transfers are
// driven through the REFER the code under test sends: accept it (202), reject it, or send NOTIFYs.
import { vi } from 'vitest';
import { Invitation, Inviter, SessionState, type Session } from 'sip.js';
import { PhoneLine, type LineHost } from '../phone/phoneLine';

type StateListener = (state: SessionState) => void;

interface ReferOptions {
  requestDelegate?: {
    onAccept?: (response: unknown) => void;
    onReject?: (response: { message: { statusCode: number; reasonPhrase: string } }) => void;
  };
  onNotify?: (notification: { request: { body: string }; accept: () => Promise<void> }) => void;
}

export interface FakeSession {
  session: Session;
  /** The mocked SIP methods; `bye` is the one that ends an established leg. */
  sip: {
    invite: ReturnType<typeof vi.fn>;
    refer: ReturnType<typeof vi.fn>;
    bye: ReturnType<typeof vi.fn>;
    cancel: ReturnType<typeof vi.fn>;
    accept: ReturnType<typeof vi.fn>;
    reject: ReturnType<typeof vi.fn>;
    info: ReturnType<typeof vi.fn>;
  };
  /** Moves the session to a new state, as sip.js would on a SIP event. */
  go(state: SessionState): void;
  /** The caller's ACK for our 2xx arrives (inbound calls), as sip.js reports it to the session's delegate. */
  ack(): void;
}

let callIds = 0;

export function fakeSession(direction: 'inbound' | 'outbound', headers: Record<string, string> = {}): FakeSession {
  const listeners: StateListener[] = [];
  const session = Object.create(direction === 'inbound' ? Invitation.prototype : Inviter.prototype) as Session & Record<string, unknown>;
  let state = SessionState.Initial;
  const go = (next: SessionState) => {
    state = next;
    for (const l of listeners) l(next);
  };
  const sip = {
    // A re-INVITE (hold/resume) the far end accepts.
    invite: vi.fn(async (options?: { requestDelegate?: { onAccept?: () => void } }) => options?.requestDelegate?.onAccept?.()),
    refer: vi.fn(async () => undefined),
    bye: vi.fn(async () => go(SessionState.Terminated)),
    cancel: vi.fn(async () => go(SessionState.Terminated)),
    accept: vi.fn(async () => undefined),
    reject: vi.fn(async () => go(SessionState.Terminated)),
    info: vi.fn(async () => undefined),
  };
  const fields: Record<string, unknown> = {
    ...sip,
    request: { callId: `call-${(callIds += 1)}`, getHeader: (name: string) => headers[name] },
    stateChange: { addListener: (l: StateListener) => listeners.push(l) },
    delegate: undefined,
    sessionDescriptionHandler: { enableSenderTracks: vi.fn(), remoteMediaStream: undefined, sendDtmf: vi.fn(() => true) },
  };
  for (const [k, v] of Object.entries(fields)) Object.defineProperty(session, k, { value: v, writable: true });
  Object.defineProperty(session, 'state', { get: () => state });
  const ack = () => (session.delegate as { onAck?: (a: unknown) => void } | undefined)?.onAck?.({});
  return { session, sip, go, ack };
}

export function fakeLineHost(): LineHost {
  return { speakerDeviceId: () => undefined, dtmfViaInfo: () => false, changed: () => undefined, ended: vi.fn(), refused: vi.fn() };
}

/** A line with an established call on a fake session (inbound: a caller; outbound: a call we made). */
export function establishedLine(
  direction: 'inbound' | 'outbound',
  options: { lineNo?: number; remoteUser?: string; consultFor?: string; host?: LineHost; acked?: boolean } = {},
): { line: PhoneLine } & FakeSession {
  const fake = fakeSession(direction);
  const line = new PhoneLine(fake.session, options.lineNo ?? 1, options.host ?? fakeLineHost(), { remoteUser: options.remoteUser ?? '1001', consultFor: options.consultFor });
  fake.go(SessionState.Established);
  if (options.acked ?? true) fake.ack();
  return { line, ...fake };
}

/**
 * The REFER the code under test sent on `fake`, to answer it the way a PBX and the transfer target
 * would: accept it (202), reject it, or send NOTIFYs with a sipfrag.
 */
export function sentRefer(fake: FakeSession) {
  const call = fake.sip.refer.mock.calls.at(-1) as [unknown, ReferOptions] | undefined;
  if (!call) throw new Error('no REFER was sent');
  const [target, options] = call;
  return {
    target,
    accept: () => options.requestDelegate?.onAccept?.({ message: { statusCode: 202, reasonPhrase: 'Accepted' } }),
    reject: (statusCode: number, reasonPhrase = '') => options.requestDelegate?.onReject?.({ message: { statusCode, reasonPhrase } }),
    notify: (sipfrag: string) => {
      const notification = { request: { body: sipfrag }, accept: vi.fn(async () => undefined) };
      options.onNotify?.(notification);
      return notification;
    },
  };
}

/** Lets every promise continuation that is already queued run (no wall-clock wait). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
