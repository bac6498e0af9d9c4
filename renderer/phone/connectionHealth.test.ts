// Connection health against a fake sip.js core: the OPTIONS ping's round trip shows after registration, a
// made-up answer (sip.js's own 503 on a transport error) or silence is "unreachable", a lost connection is
// unreachable at once and an unconfigured phone unknown; a call's audio figures outlive the call.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserAgent } from 'sip.js';
import { PING_TIMEOUT_MS } from '@shared/phone/connectionHealth';
import { ConnectionHealth } from './connectionHealth';
import type { PhoneLine } from './phoneLine';

type Delegate = { onAccept: (r: unknown) => void; onReject: (r: unknown) => void };

function fakeUserAgent() {
  const sent: Array<{ method: string; target: string; delegate: Delegate }> = [];
  const core = {
    configuration: { aor: { toString: () => 'sip:2000@127.0.0.1' } },
    makeOutgoingRequestMessage: vi.fn((method: string, target: { toString(): string }) => ({ method, target: target.toString() })),
    request: vi.fn((request: { method: string; target: string }, delegate: Delegate) => void sent.push({ ...request, delegate })),
  };
  return { ua: { userAgentCore: core } as unknown as UserAgent, sent };
}

const response = (withVia: boolean) => ({ message: { getHeader: (name: string) => (withVia && name === 'Via' ? 'SIP/2.0/WSS x' : undefined) } });

afterEach(() => {
  vi.useRealTimers();
});

describe('ConnectionHealth', () => {
  it('pings the registrar with OPTIONS once registered and shows the round trip', async () => {
    const { ua, sent } = fakeUserAgent();
    const health = new ConnectionHealth({ userAgent: () => ua, sipDomain: () => '127.0.0.1', lines: () => [] });
    expect(health.getSnapshot().pbx).toEqual({ kind: 'unknown' });
    health.registration('registered');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'OPTIONS', target: 'sip:127.0.0.1' });
    sent[0]!.delegate.onAccept(response(true));
    await vi.waitFor(() => expect(health.getSnapshot().pbx.kind).toBe('reachable'));
    health.dispose();
  });

  it("sip.js's own 503 (no Via: the transport failed) is unreachable, not a round trip", async () => {
    const { ua, sent } = fakeUserAgent();
    const health = new ConnectionHealth({ userAgent: () => ua, sipDomain: () => '127.0.0.1', lines: () => [] });
    health.registration('registered');
    sent[0]!.delegate.onReject(response(false));
    await vi.waitFor(() => expect(health.getSnapshot().pbx).toEqual({ kind: 'unreachable' }));
    health.dispose();
  });

  it('a ping nobody answers turns unreachable after the timeout', async () => {
    vi.useFakeTimers();
    const { ua } = fakeUserAgent();
    const health = new ConnectionHealth({ userAgent: () => ua, sipDomain: () => '127.0.0.1', lines: () => [] });
    health.registration('registered');
    await vi.advanceTimersByTimeAsync(PING_TIMEOUT_MS + 1);
    expect(health.getSnapshot().pbx).toEqual({ kind: 'unreachable' });
    health.dispose();
  });

  it('losing the connection is unreachable at once, never the old number; unconfigured is unknown', async () => {
    const { ua, sent } = fakeUserAgent();
    const health = new ConnectionHealth({ userAgent: () => ua, sipDomain: () => '127.0.0.1', lines: () => [] });
    health.registration('registered');
    sent[0]!.delegate.onAccept(response(true));
    await vi.waitFor(() => expect(health.getSnapshot().pbx.kind).toBe('reachable'));
    health.registration('disconnected');
    expect(health.getSnapshot().pbx).toEqual({ kind: 'unreachable' });
    health.registration('connecting');
    expect(health.getSnapshot().pbx).toEqual({ kind: 'unreachable' });
    health.registration('unconfigured');
    expect(health.getSnapshot().pbx).toEqual({ kind: 'unknown' });
    health.dispose();
  });

  it("keeps the last call's audio quality after the call has ended", async () => {
    const line = { id: 'l1', state: 'active', isLive: true, inboundAudio: vi.fn(async () => ({ packetsReceived: 500, packetsLost: 0, jitter: 0.002 })) };
    let lines = [line as unknown as PhoneLine];
    const health = new ConnectionHealth({ userAgent: () => undefined, sipDomain: () => undefined, lines: () => lines });
    health.linesChanged();
    await health.sample();
    expect(health.getSnapshot().audio).toMatchObject({ kind: 'good', lossPercent: 0, jitterMs: 2 });
    Object.assign(line, { state: 'ended', isLive: false });
    lines = [];
    health.linesChanged();
    expect(health.getSnapshot().audio).toMatchObject({ kind: 'good' });
    health.dispose();
  });
});
