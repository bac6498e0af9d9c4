// Connection health as the status bar shows it, so an operator can tell a network problem from a PBX
// problem: the PBX round trip from periodic SIP OPTIONS pings, and the last call's audio quality from the
// WebRTC statistics of its inbound audio (packet loss and jitter). Pure rules; the phone feeds them.

/** One OPTIONS ping every this often while registered (and one right after each registration). */
export const PING_INTERVAL_MS = 30_000;
/** A ping not answered within this is a PBX that does not answer. */
export const PING_TIMEOUT_MS = 5_000;
/** A round trip above this is shown as slow. */
export const SLOW_ROUND_TRIP_MS = 300;

/** The outcome of the newest ping: when it was sent and its round trip, or none when nothing answered. */
export interface PingSample {
  at: number;
  roundTripMs?: number;
}

/** Whether the console has a connection to the PBX at all: none configured, transport down, or up. */
export type PbxLink = 'off' | 'down' | 'up';

export type PbxReach =
  | { kind: 'unknown' }
  | { kind: 'unreachable' }
  | { kind: 'reachable'; roundTripMs: number; slow: boolean };

/**
 * What the status bar says of the PBX. A lost connection is unreachable at once; a ping that got no answer
 * is unreachable; a ping older than two intervals (plus the timeout) is no longer news and shows as unknown,
 * never as a stale number.
 */
export function pbxReach(link: PbxLink, last: PingSample | undefined, now: number, intervalMs: number = PING_INTERVAL_MS): PbxReach {
  if (link === 'off') return { kind: 'unknown' };
  if (link === 'down') return { kind: 'unreachable' };
  if (!last || now - last.at > 2 * intervalMs + PING_TIMEOUT_MS) return { kind: 'unknown' };
  if (last.roundTripMs === undefined) return { kind: 'unreachable' };
  const roundTripMs = Math.max(0, Math.round(last.roundTripMs));
  return { kind: 'reachable', roundTripMs, slow: roundTripMs > SLOW_ROUND_TRIP_MS };
}

/** The inbound audio of one call so far (RTCInboundRtpStreamStats, cumulative). */
export interface InboundAudio {
  packetsReceived: number;
  packetsLost: number;
  /** seconds, as WebRTC reports it */
  jitter?: number;
}

/** More than this share of packets lost is poor audio (G.711 without concealment degrades audibly above ~1–2 %). */
export const POOR_LOSS_RATIO = 0.02;
/** More jitter than this (ms) is poor audio (beyond what a default jitter buffer absorbs without gaps). */
export const POOR_JITTER_MS = 30;

export type AudioQuality =
  | { kind: 'unknown' }
  | { kind: 'good' | 'poor'; lossPercent: number; jitterMs?: number; because: ('loss' | 'jitter')[] };

/** Good or poor from packet loss and jitter; unknown while no audio packet has been counted. */
export function audioQuality(stats: InboundAudio | undefined): AudioQuality {
  if (!stats) return { kind: 'unknown' };
  const received = Math.max(0, stats.packetsReceived);
  // packetsLost may go negative with duplicated packets (RFC 3550): that is no loss
  const lost = Math.max(0, stats.packetsLost);
  if (received + lost === 0) return { kind: 'unknown' };
  const ratio = lost / (received + lost);
  const jitterMs = stats.jitter === undefined || !Number.isFinite(stats.jitter) ? undefined : stats.jitter * 1000;
  const because: ('loss' | 'jitter')[] = [];
  if (ratio > POOR_LOSS_RATIO) because.push('loss');
  if (jitterMs !== undefined && jitterMs > POOR_JITTER_MS) because.push('jitter');
  return {
    kind: because.length > 0 ? 'poor' : 'good',
    lossPercent: Math.round(ratio * 1000) / 10,
    jitterMs: jitterMs === undefined ? undefined : Math.round(jitterMs),
    because,
  };
}

/** One entry of an RTCStatsReport, as far as the rule reads it. */
export interface StatsEntry {
  type: string;
  kind?: string;
  mediaType?: string;
  packetsReceived?: number;
  packetsLost?: number;
  jitter?: number;
}

/** The inbound audio from a call's statistics (summed over audio streams), or undefined when there is none. */
export function inboundAudioOf(entries: Iterable<StatsEntry>): InboundAudio | undefined {
  let found: InboundAudio | undefined;
  for (const e of entries) {
    if (e.type !== 'inbound-rtp' || (e.kind ?? e.mediaType) !== 'audio') continue;
    const jitter = found?.jitter === undefined ? e.jitter : e.jitter === undefined ? found.jitter : Math.max(found.jitter, e.jitter);
    found = {
      packetsReceived: (found?.packetsReceived ?? 0) + (e.packetsReceived ?? 0),
      packetsLost: (found?.packetsLost ?? 0) + (e.packetsLost ?? 0),
      jitter,
    };
  }
  return found;
}
