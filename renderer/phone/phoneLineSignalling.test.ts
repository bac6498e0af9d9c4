// PhoneLine against fake sip.js sessions: nothing is sent on an answered call before the caller's ACK (a re-INVITE
// or REFER in that window makes sip.js end the call), and DTMF goes out the way the far end's SDP says it arrives.
import { describe, expect, it, vi } from 'vitest';
import { SessionState } from 'sip.js';
import { fakeLineHost, fakeSession, sentRefer, settle } from '../test/fakeSipSession';
import { PhoneLine } from './phoneLine';

function sdp(pts: number[], maps: string[]): string {
  return ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 't=0 0', `m=audio 30000 UDP/TLS/RTP/SAVPF ${pts.join(' ')}`, ...maps, ''].join('\r\n');
}
const PCMU = sdp([0, 101], ['a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000']);
const OPUS_TE8K = sdp([111, 0, 101], ['a=rtpmap:111 opus/48000/2', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000']);

/** An answered inbound call whose ACK has not arrived yet. */
function answeredNotAcked(headers: Record<string, string> = {}) {
  const fake = fakeSession('inbound', headers);
  const line = new PhoneLine(fake.session, 1, fakeLineHost(), { remoteUser: '2001' });
  fake.go(SessionState.Established);
  return { ...fake, line };
}

/** Gives the fake session a peer connection whose current descriptions are `remote` (the far end's offer) and our answer. */
function withDescriptions(session: unknown, remote: string, answer: string) {
  const sdh = (session as { sessionDescriptionHandler: Record<string, unknown> }).sessionDescriptionHandler;
  const pc = { currentRemoteDescription: { type: 'offer', sdp: remote }, currentLocalDescription: { type: 'answer', sdp: answer } };
  sdh.peerConnection = pc;
  return { pc, sendDtmf: sdh.sendDtmf as ReturnType<typeof vi.fn> };
}

describe('an answered call waits for its ACK', () => {
  it('hold (F5 right after F2) sends the re-INVITE only once the ACK has arrived', async () => {
    const { line, sip, ack } = answeredNotAcked();
    const held = line.setHold(true);
    await settle();
    expect(sip.invite).not.toHaveBeenCalled();
    expect(line.view.holdPending).toBe(true);
    ack();
    await expect(held).resolves.toBe(true);
    expect(sip.invite).toHaveBeenCalledOnce();
    expect(line.view.state).toBe('held');
  });

  it('a call that ends before its ACK is not held and sends nothing', async () => {
    const { line, sip, go } = answeredNotAcked();
    const held = line.setHold(true);
    await settle();
    go(SessionState.Terminated);
    await expect(held).resolves.toBe(false);
    expect(sip.invite).not.toHaveBeenCalled();
    expect(line.view.state).toBe('ended');
  });

  it('a transfer (F7 right after F2) sends its REFER only after the ACK', async () => {
    const { line, sip, ack } = answeredNotAcked();
    const outcome = line.refer({} as never, 'blind', '2002');
    await settle();
    expect(sip.refer).not.toHaveBeenCalled();
    ack();
    await settle();
    expect(sip.refer).toHaveBeenCalledOnce();
    sentRefer({ session: line.session, sip, go: () => undefined, ack }).notify('SIP/2.0 200 OK');
    await expect(outcome).resolves.toMatchObject({ ok: true });
  });
});

describe('DTMF goes out the way it arrives', () => {
  it('G.711 with telephone-event/8000: RFC 4733 through the media path', async () => {
    const { line, sip, ack, session } = answeredNotAcked({ Allow: 'INVITE, ACK, BYE, INFO' });
    ack();
    const { sendDtmf } = withDescriptions(session, PCMU, PCMU);
    expect(line.dtmfMethod()).toEqual({ kind: 'rfc4733', clockRate: 8000 });
    await expect(line.sendDtmf('159#')).resolves.toBe(true);
    expect(sendDtmf).toHaveBeenCalledWith('159#', expect.anything());
    expect(sip.info).not.toHaveBeenCalled();
  });

  it('Opus with only telephone-event/8000 and a far end that takes INFO: SIP INFO, one per digit', async () => {
    const { line, sip, ack, session } = answeredNotAcked({ Allow: 'INVITE,ACK,BYE,CANCEL,OPTIONS,NOTIFY,SUBSCRIBE,INFO,MESSAGE' });
    ack();
    const { sendDtmf } = withDescriptions(session, OPUS_TE8K, OPUS_TE8K);
    await expect(line.sendDtmf('42')).resolves.toBe(true);
    expect(sendDtmf).not.toHaveBeenCalled();
    const bodies = sip.info.mock.calls.map((c: unknown[]) => (c[0] as { requestOptions: { body: { contentType: string; content: string } } }).requestOptions.body);
    expect(bodies.map((b) => [b.contentType, b.content.split('\r\n')[0]])).toEqual([
      ['application/dtmf-relay', 'Signal=4'],
      ['application/dtmf-relay', 'Signal=2'],
    ]);
  });

  it('Opus with only telephone-event/8000 and no INFO: the call moves to PCMU first, then RFC 4733', async () => {
    const { line, sip, ack, session } = answeredNotAcked();
    ack();
    const { pc, sendDtmf } = withDescriptions(session, OPUS_TE8K, OPUS_TE8K);
    let offered = '';
    sip.invite.mockImplementation(async (options: { sessionDescriptionHandlerModifiers: ((d: { type: string; sdp: string }) => Promise<{ sdp: string }>)[]; requestDelegate: { onAccept: () => void } }) => {
      offered = (await options.sessionDescriptionHandlerModifiers[0]!({ type: 'offer', sdp: OPUS_TE8K })).sdp;
      // the far end answers our narrowband offer: the call now runs on PCMU
      pc.currentLocalDescription = { type: 'offer', sdp: offered };
      pc.currentRemoteDescription = { type: 'answer', sdp: PCMU };
      options.requestDelegate.onAccept();
    });
    await expect(line.sendDtmf('7')).resolves.toBe(true);
    expect(offered).toContain('m=audio 30000 UDP/TLS/RTP/SAVPF 0 101');
    expect(offered).not.toContain('opus');
    expect(sendDtmf).toHaveBeenCalledWith('7', expect.anything());
    expect(sip.info).not.toHaveBeenCalled();
    expect(line.view.holdPending).toBe(false);
    expect(line.view.state).toBe('active');
  });

  it('a hold pressed while the codec change is in flight is refused, not crossed with it', async () => {
    const { line, sip, ack, session } = answeredNotAcked();
    ack();
    withDescriptions(session, OPUS_TE8K, OPUS_TE8K);
    let accept: () => void = () => undefined;
    sip.invite.mockImplementationOnce(async (options: { requestDelegate: { onAccept: () => void } }) => {
      accept = options.requestDelegate.onAccept;
    });
    const sending = line.sendDtmf('7');
    await settle();
    await expect(line.setHold(true)).resolves.toBe(false);
    expect(sip.invite).toHaveBeenCalledOnce();
    accept();
    await sending;
  });

  it('the desk’s SIP INFO setting always sends INFO', async () => {
    const fake = fakeSession('inbound');
    const line = new PhoneLine(fake.session, 1, { ...fakeLineHost(), dtmfViaInfo: () => true }, { remoteUser: '2001' });
    fake.go(SessionState.Established);
    fake.ack();
    const { sendDtmf } = withDescriptions(fake.session, PCMU, PCMU);
    await line.sendDtmf('1');
    expect(sendDtmf).not.toHaveBeenCalled();
    expect(fake.sip.info).toHaveBeenCalledOnce();
  });
});
