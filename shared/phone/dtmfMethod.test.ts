import { describe, expect, it } from 'vitest';
import { allowsInfo, audioCodecs, chooseDtmfMethod, restrictToNarrowband, sendCodec } from './dtmfMethod';

/** An SDP audio section as rtpengine hands it on (CRLF, a video section after it to prove only audio is read). */
function sdp(pts: number[], maps: string[], extra: string[] = []): string {
  return [
    'v=0',
    'o=- 1 1 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=audio 30000 RTP/AVP ${pts.join(' ')}`,
    ...maps,
    ...extra,
    'a=sendrecv',
    'm=video 0 RTP/AVP 96',
    'a=rtpmap:96 VP8/90000',
    '',
  ].join('\r\n');
}

const OPUS_TE8K = sdp([111, 0, 101], ['a=rtpmap:111 opus/48000/2', 'a=fmtp:111 minptime=10;useinbandfec=1', 'a=rtcp-fb:111 transport-cc', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16']);
const OPUS_TE48K = sdp([111, 110], ['a=rtpmap:111 opus/48000/2', 'a=rtpmap:110 telephone-event/48000']);
const PCMU_STATIC = sdp([0, 8, 101], ['a=rtpmap:101 telephone-event/8000']);
const G722_TE8K = sdp([9, 101], ['a=rtpmap:9 G722/8000', 'a=rtpmap:101 telephone-event/8000']);
const OPUS_ONLY_TE8K = sdp([111, 101], ['a=rtpmap:111 opus/48000/2', 'a=rtpmap:101 telephone-event/8000']);
const PCMU_NO_EVENTS = sdp([0, 8], []);

describe('reading the audio codecs of an SDP', () => {
  it('lists them in m-line order, with static payload types that have no rtpmap', () => {
    expect(audioCodecs(PCMU_STATIC)).toEqual([
      { payloadType: 0, name: 'PCMU', clockRate: 8000 },
      { payloadType: 8, name: 'PCMA', clockRate: 8000 },
      { payloadType: 101, name: 'TELEPHONE-EVENT', clockRate: 8000 },
    ]);
    expect(audioCodecs(undefined)).toEqual([]);
    expect(audioCodecs('v=0\r\nm=video 9 RTP/AVP 96\r\n')).toEqual([]);
  });
  it('the send codec is the answer’s first voice codec (not telephone-event or CN)', () => {
    expect(sendCodec(OPUS_TE8K)).toMatchObject({ name: 'OPUS', clockRate: 48000 });
    expect(sendCodec(sdp([101, 13, 9], ['a=rtpmap:101 telephone-event/8000']))).toMatchObject({ name: 'G722', clockRate: 8000 });
  });
  it('reads INFO in an Allow header', () => {
    expect(allowsInfo('INVITE,ACK,BYE,CANCEL,OPTIONS,NOTIFY,SUBSCRIBE,INFO,MESSAGE')).toBe(true);
    expect(allowsInfo('INVITE, ACK, info')).toBe(true);
    expect(allowsInfo('INVITE, ACK, BYE, INFORMATION')).toBe(false);
    expect(allowsInfo(undefined)).toBe(false);
  });
});

describe('choosing how DTMF is sent', () => {
  const base = { remoteAllow: undefined, infoConfigured: false };
  it('G.711 or G.722 with telephone-event/8000: RFC 4733', () => {
    expect(chooseDtmfMethod({ ...base, answerSdp: PCMU_STATIC, remoteSdp: PCMU_STATIC })).toEqual({ kind: 'rfc4733', clockRate: 8000 });
    expect(chooseDtmfMethod({ ...base, answerSdp: G722_TE8K, remoteSdp: G722_TE8K })).toEqual({ kind: 'rfc4733', clockRate: 8000 });
  });
  it('Opus with telephone-event/48000: RFC 4733 at 48 kHz', () => {
    expect(chooseDtmfMethod({ ...base, answerSdp: OPUS_TE48K, remoteSdp: OPUS_TE48K })).toEqual({ kind: 'rfc4733', clockRate: 48000 });
  });
  it('Opus with only telephone-event/8000 (the digits Chromium would lose): SIP INFO when the far end allows it', () => {
    expect(chooseDtmfMethod({ ...base, answerSdp: OPUS_TE8K, remoteSdp: OPUS_TE8K, remoteAllow: 'INVITE, ACK, BYE, INFO' })).toEqual({ kind: 'info', why: 'no-matching-event' });
  });
  it('… else moves the call to an 8 kHz codec the far end offers', () => {
    expect(chooseDtmfMethod({ ...base, answerSdp: OPUS_TE8K, remoteSdp: OPUS_TE8K })).toEqual({ kind: 'narrowband' });
  });
  it('… else SIP INFO anyway (events at the wrong rate never arrive)', () => {
    expect(chooseDtmfMethod({ ...base, answerSdp: OPUS_ONLY_TE8K, remoteSdp: OPUS_ONLY_TE8K })).toEqual({ kind: 'info', why: 'fallback' });
    expect(chooseDtmfMethod({ ...base, answerSdp: PCMU_NO_EVENTS, remoteSdp: PCMU_NO_EVENTS })).toEqual({ kind: 'info', why: 'fallback' });
  });
  it('the desk’s “always SIP INFO” setting wins', () => {
    expect(chooseDtmfMethod({ ...base, infoConfigured: true, answerSdp: PCMU_STATIC, remoteSdp: PCMU_STATIC })).toEqual({ kind: 'info', why: 'configured' });
  });
  it('an answered call without any SDP to go by sends telephone-events', () => {
    expect(chooseDtmfMethod({ ...base, answerSdp: undefined, remoteSdp: undefined })).toEqual({ kind: 'rfc4733', clockRate: 8000 });
  });
});

describe('moving a call to an 8 kHz codec', () => {
  it('keeps only the 8 kHz payloads of the audio section with their attribute lines', () => {
    const out = restrictToNarrowband(OPUS_TE8K);
    expect(out).toContain('m=audio 30000 RTP/AVP 0 101\r\n');
    expect(out).not.toContain('opus');
    expect(out).not.toContain('a=fmtp:111');
    expect(out).not.toContain('a=rtcp-fb:111');
    expect(out).toContain('a=fmtp:101 0-16');
    expect(out).toContain('a=rtpmap:96 VP8/90000'); // other sections untouched
    expect(out.endsWith('\r\n')).toBe(true);
    expect(audioCodecs(out).map((c) => c.name)).toEqual(['PCMU', 'TELEPHONE-EVENT']);
    expect(chooseDtmfMethod({ answerSdp: out, remoteSdp: out, remoteAllow: undefined, infoConfigured: false })).toEqual({ kind: 'rfc4733', clockRate: 8000 });
  });
  it('leaves an SDP without an 8 kHz voice codec as it is', () => {
    expect(restrictToNarrowband(OPUS_ONLY_TE8K)).toBe(OPUS_ONLY_TE8K);
    expect(restrictToNarrowband(PCMU_STATIC)).toBe(PCMU_STATIC);
  });
});
