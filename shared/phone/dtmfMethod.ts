// How the console sends keypad tones (DTMF) on one call so that they arrive. Lab fact (tests/lab/README.md,
// "Real phones"): Chromium sends RFC 4733 telephone-events at the RTP clock rate of the codec it is sending with.
// On an Opus call (48 kHz) to a phone that only offers telephone-event/8000 (baresip 1.0.0, many desk phones)
// every digit is lost, and the browser reports no error. So the console reads the SDP and picks, in this order:
//   1. RFC 4733, when telephone-event was negotiated at the send codec's clock rate;
//   2. SIP INFO (application/dtmf-relay), when the far end says it accepts INFO (its Allow header);
//   3. moving the call to an 8 kHz codec (PCMU, PCMA, G722 — G722's RTP clock is 8 kHz), when the far end offers
//      one and telephone-event/8000, then RFC 4733;
//   4. SIP INFO anyway: it may arrive; events at the wrong rate never do.
// The desk's setting "send keypad tones as SIP INFO" overrides all of this.

export interface SdpCodec {
  payloadType: number;
  /** upper case, e.g. PCMU, OPUS, TELEPHONE-EVENT */
  name: string;
  clockRate: number;
}

export type DtmfMethod =
  | { kind: 'rfc4733'; clockRate: number }
  | { kind: 'info'; why: 'configured' | 'no-matching-event' | 'fallback' }
  | { kind: 'narrowband' };

/** RFC 3551 static payload types that may come without an a=rtpmap line. */
const STATIC: Record<number, [string, number]> = {
  0: ['PCMU', 8000],
  3: ['GSM', 8000],
  4: ['G723', 8000],
  8: ['PCMA', 8000],
  9: ['G722', 8000],
  13: ['CN', 8000],
  18: ['G729', 8000],
};

/** Not a voice codec: what is left after these is what carries the call's audio. */
const NOT_VOICE = new Set(['TELEPHONE-EVENT', 'CN', 'RED', 'ULPFEC', 'RTX']);

interface AudioSection {
  /** line index of the m=audio line and one past the section's last line */
  start: number;
  end: number;
  codecs: SdpCodec[];
}

function audioSection(lines: string[]): AudioSection | undefined {
  const start = lines.findIndex((l) => l.startsWith('m=audio '));
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('m='));
  if (end < 0) end = lines.length;
  const pts = lines[start]!.trim().split(/\s+/).slice(3).map(Number).filter(Number.isInteger);
  const maps = new Map<number, [string, number]>();
  for (let i = start + 1; i < end; i++) {
    const m = /^a=rtpmap:(\d+)\s+([^/\s]+)\/(\d+)/.exec(lines[i]!);
    if (m) maps.set(Number(m[1]), [m[2]!.toUpperCase(), Number(m[3])]);
  }
  const codecs: SdpCodec[] = [];
  for (const pt of pts) {
    const known = maps.get(pt) ?? STATIC[pt];
    if (known) codecs.push({ payloadType: pt, name: known[0], clockRate: known[1] });
  }
  return { start, end, codecs };
}

function splitLines(sdp: string): string[] {
  return sdp.split(/\r?\n/);
}

/** The audio codecs of the first m=audio section, in the order the m-line lists them. */
export function audioCodecs(sdp: string | undefined): SdpCodec[] {
  return sdp ? (audioSection(splitLines(sdp))?.codecs ?? []) : [];
}

/** The voice codec a session sends with: the first one the answer lists (both sides follow the answer's order). */
export function sendCodec(answerSdp: string | undefined): SdpCodec | undefined {
  return audioCodecs(answerSdp).find((c) => !NOT_VOICE.has(c.name));
}

function eventRates(codecs: SdpCodec[]): Set<number> {
  return new Set(codecs.filter((c) => c.name === 'TELEPHONE-EVENT').map((c) => c.clockRate));
}

/** Whether an Allow header value ("INVITE, ACK, INFO, …") lists INFO. */
export function allowsInfo(allow: string | undefined): boolean {
  return (allow ?? '').split(',').some((m) => m.trim().toUpperCase() === 'INFO');
}

export interface DtmfInput {
  /** the SDP answer that set up the media now in use (local or remote, whichever was the answer) */
  answerSdp: string | undefined;
  /** the far end's SDP (its offer or its answer): what it can do */
  remoteSdp: string | undefined;
  /** the far end's Allow header (INVITE or 2xx), if it sent one */
  remoteAllow: string | undefined;
  /** the desk's setting: always SIP INFO */
  infoConfigured: boolean;
}

export function chooseDtmfMethod(input: DtmfInput): DtmfMethod {
  if (input.infoConfigured) return { kind: 'info', why: 'configured' };
  const codec = sendCodec(input.answerSdp);
  const negotiated = eventRates(audioCodecs(input.answerSdp));
  if (codec && negotiated.has(codec.clockRate)) return { kind: 'rfc4733', clockRate: codec.clockRate };
  // No SDP to go by (should not happen on an answered call): telephone-events, as the browser would do.
  if (!codec && !input.answerSdp) return { kind: 'rfc4733', clockRate: 8000 };
  if (allowsInfo(input.remoteAllow)) return { kind: 'info', why: 'no-matching-event' };
  const remote = audioCodecs(input.remoteSdp);
  const narrowband = remote.some((c) => !NOT_VOICE.has(c.name) && c.clockRate === 8000);
  if (narrowband && eventRates(remote).has(8000) && codec?.clockRate !== 8000) return { kind: 'narrowband' };
  return { kind: 'info', why: 'fallback' };
}

/**
 * An SDP (offer or answer) whose audio keeps only the 8 kHz payloads (voice codecs, telephone-event/8000, CN),
 * with their rtpmap/fmtp/rtcp-fb lines: the call moves to PCMU/PCMA/G722 so that RFC 4733 events match its clock.
 * Returned unchanged when it has no 8 kHz voice codec.
 */
export function restrictToNarrowband(sdp: string): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = splitLines(sdp);
  const section = audioSection(lines);
  if (!section) return sdp;
  const keep = new Set(section.codecs.filter((c) => c.clockRate === 8000).map((c) => c.payloadType));
  if (!section.codecs.some((c) => keep.has(c.payloadType) && !NOT_VOICE.has(c.name))) return sdp;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i === section.start) {
      const parts = line.trim().split(/\s+/);
      out.push([...parts.slice(0, 3), ...parts.slice(3).filter((pt) => keep.has(Number(pt)))].join(' '));
      return;
    }
    if (i > section.start && i < section.end) {
      const m = /^a=(?:rtpmap|fmtp|rtcp-fb):(\d+)[\s]/.exec(line);
      if (m && !keep.has(Number(m[1]))) return;
    }
    out.push(line);
  });
  return out.join(eol);
}
