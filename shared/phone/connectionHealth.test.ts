import { describe, expect, it } from 'vitest';
import { audioQuality, inboundAudioOf, pbxReach, PING_INTERVAL_MS, PING_TIMEOUT_MS, POOR_JITTER_MS, POOR_LOSS_RATIO, SLOW_ROUND_TRIP_MS } from './connectionHealth';

describe('pbxReach', () => {
  const now = 1_000_000;

  it('is unknown without a configured phone and unreachable as soon as the connection is down', () => {
    expect(pbxReach('off', { at: now, roundTripMs: 12 }, now)).toEqual({ kind: 'unknown' });
    expect(pbxReach('down', { at: now, roundTripMs: 12 }, now)).toEqual({ kind: 'unreachable' });
  });

  it('shows the newest round trip, rounded, and marks a slow one', () => {
    expect(pbxReach('up', { at: now - 1000, roundTripMs: 12.4 }, now)).toEqual({ kind: 'reachable', roundTripMs: 12, slow: false });
    expect(pbxReach('up', { at: now, roundTripMs: SLOW_ROUND_TRIP_MS + 1 }, now)).toMatchObject({ slow: true });
  });

  it('a ping without an answer is unreachable', () => {
    expect(pbxReach('up', { at: now }, now)).toEqual({ kind: 'unreachable' });
  });

  it('never shows a stale number: no ping yet, or one older than two intervals, is unknown', () => {
    expect(pbxReach('up', undefined, now)).toEqual({ kind: 'unknown' });
    const limit = 2 * PING_INTERVAL_MS + PING_TIMEOUT_MS;
    expect(pbxReach('up', { at: now - limit, roundTripMs: 5 }, now).kind).toBe('reachable');
    expect(pbxReach('up', { at: now - limit - 1, roundTripMs: 5 }, now)).toEqual({ kind: 'unknown' });
  });
});

describe('audioQuality', () => {
  it('is unknown until audio packets have been counted', () => {
    expect(audioQuality(undefined)).toEqual({ kind: 'unknown' });
    expect(audioQuality({ packetsReceived: 0, packetsLost: 0 })).toEqual({ kind: 'unknown' });
  });

  it('is good on a clean call (loopback: no loss, a few ms of jitter)', () => {
    expect(audioQuality({ packetsReceived: 500, packetsLost: 0, jitter: 0.002 })).toEqual({ kind: 'good', lossPercent: 0, jitterMs: 2, because: [] });
  });

  it('is poor above the loss threshold, good at it', () => {
    // 2 lost of 100 is exactly the threshold
    expect(audioQuality({ packetsReceived: 98, packetsLost: 2 }).kind).toBe('good');
    expect(POOR_LOSS_RATIO).toBe(0.02);
    expect(audioQuality({ packetsReceived: 97, packetsLost: 3 })).toMatchObject({ kind: 'poor', lossPercent: 3, because: ['loss'] });
  });

  it('is poor with more jitter than the threshold, and names both causes', () => {
    expect(audioQuality({ packetsReceived: 1000, packetsLost: 0, jitter: POOR_JITTER_MS / 1000 })).toMatchObject({ kind: 'good' });
    expect(audioQuality({ packetsReceived: 1000, packetsLost: 0, jitter: 0.045 })).toMatchObject({ kind: 'poor', jitterMs: 45, because: ['jitter'] });
    expect(audioQuality({ packetsReceived: 50, packetsLost: 50, jitter: 0.1 })).toMatchObject({ kind: 'poor', because: ['loss', 'jitter'] });
  });

  it('treats negative loss (duplicated packets) as none, and only loss with nothing received as poor', () => {
    expect(audioQuality({ packetsReceived: 100, packetsLost: -3 })).toMatchObject({ kind: 'good', lossPercent: 0 });
    expect(audioQuality({ packetsReceived: 0, packetsLost: 10 })).toMatchObject({ kind: 'poor', lossPercent: 100 });
  });
});

describe('inboundAudioOf', () => {
  it('reads the inbound audio stream and ignores video, outbound and other reports', () => {
    const report = [
      { type: 'outbound-rtp', kind: 'audio', packetsSent: 900 },
      { type: 'inbound-rtp', kind: 'video', packetsReceived: 9, packetsLost: 9 },
      { type: 'inbound-rtp', kind: 'audio', packetsReceived: 400, packetsLost: 4, jitter: 0.003 },
      { type: 'candidate-pair' },
    ];
    expect(inboundAudioOf(report)).toEqual({ packetsReceived: 400, packetsLost: 4, jitter: 0.003 });
  });

  it('sums several audio streams, keeps the worst jitter, and is undefined without one', () => {
    expect(inboundAudioOf([
      { type: 'inbound-rtp', mediaType: 'audio', packetsReceived: 10, packetsLost: 1, jitter: 0.01 },
      { type: 'inbound-rtp', kind: 'audio', packetsReceived: 20, packetsLost: 0, jitter: 0.02 },
    ])).toEqual({ packetsReceived: 30, packetsLost: 1, jitter: 0.02 });
    expect(inboundAudioOf([{ type: 'transport' }])).toBeUndefined();
  });
});
