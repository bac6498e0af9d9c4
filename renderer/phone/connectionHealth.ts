// Connection health for the status bar: the PBX round trip, measured by a SIP OPTIONS ping to the registrar
// right after each registration and every PING_INTERVAL_MS, and the audio quality of the last call, from the
// WebRTC statistics of its inbound audio sampled while it is up. What the numbers mean (reachable, slow,
// good, poor, stale) is decided by the pure rules in shared/phone/connectionHealth.ts.
import { UserAgent } from 'sip.js';
import { createStore, type Listener } from '@shared/store/createStore';
import {
  audioQuality,
  pbxReach,
  PING_INTERVAL_MS,
  PING_TIMEOUT_MS,
  type AudioQuality,
  type InboundAudio,
  type PbxLink,
  type PbxReach,
  type PingSample,
} from '@shared/phone/connectionHealth';
import type { PhoneRegistrationState } from '@shared/phone/registrationState';
import type { PhoneLine } from './phoneLine';

/** How often a call's audio statistics are read while it is up. */
export const STATS_INTERVAL_MS = 2_000;

export interface HealthView {
  pbx: PbxReach;
  /** The call now being talked to, else the last call that had audio. */
  audio: AudioQuality;
}

export interface ConnectionHealthDeps {
  userAgent: () => UserAgent | undefined;
  sipDomain: () => string | undefined;
  lines: () => PhoneLine[];
  now?: () => number;
}

export class ConnectionHealth {
  private readonly store = createStore<HealthView>({ pbx: { kind: 'unknown' }, audio: { kind: 'unknown' } });
  private link: PbxLink = 'off';
  private last: PingSample | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private pingSeq = 0;
  /** Newest audio figures per live line, and of the last call that ended with some. */
  private readonly lineAudio = new Map<string, InboundAudio>();
  private lastCallAudio: InboundAudio | undefined;
  private readonly now: () => number;

  constructor(private readonly deps: ConnectionHealthDeps) {
    this.now = deps.now ?? Date.now;
  }

  subscribe = (listener: Listener): (() => void) => this.store.subscribe(listener);

  getSnapshot = (): HealthView => this.store.get();

  /** Follows the registration: pings while registered; a lost connection is unreachable at once. */
  registration(state: PhoneRegistrationState): void {
    const link: PbxLink =
      state === 'registered' ? 'up' : state === 'unconfigured' ? 'off' : state === 'connecting' ? (this.link === 'up' ? 'up' : this.link === 'down' ? 'down' : 'off') : 'down';
    if (link === this.link) return;
    const wasUp = this.link === 'up';
    this.link = link;
    if (link === 'up' && !wasUp) {
      this.last = undefined;
      this.pingTimer ??= setInterval(() => void this.ping(), PING_INTERVAL_MS);
      void this.ping();
    } else if (link !== 'up') {
      this.stopPinging();
      this.last = undefined;
    }
    this.publish();
  }

  /** Sends one OPTIONS to the registrar's domain and records the round trip (or that nothing answered). */
  async ping(): Promise<void> {
    const ua = this.deps.userAgent();
    const domain = this.deps.sipDomain();
    if (!ua || domain === undefined || this.link !== 'up') return;
    const target = UserAgent.makeURI(`sip:${domain}`);
    if (!target) return;
    const seq = (this.pingSeq += 1);
    const at = this.now();
    const started = performance.now();
    const answered = await new Promise<boolean>((resolve) => {
      const timeout = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      // sip.js answers a transport failure or a timeout itself with a made-up 503/408 without a Via: no answer.
      const done = (response: { message: { getHeader(name: string): string | undefined } }) => {
        clearTimeout(timeout);
        resolve(response.message.getHeader('Via') !== undefined);
      };
      try {
        const core = ua.userAgentCore;
        const request = core.makeOutgoingRequestMessage('OPTIONS', target, core.configuration.aor, target, {});
        core.request(request, { onAccept: done, onReject: done, onRedirect: done });
      } catch {
        clearTimeout(timeout);
        resolve(false);
      }
    });
    if (seq !== this.pingSeq || this.link !== 'up') return;
    this.last = answered ? { at, roundTripMs: performance.now() - started } : { at };
    this.publish();
    // a ping that is never followed by another must not stay on screen as a number (pbxReach: stale → unknown)
    if (this.staleTimer !== undefined) clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => this.publish(), 2 * PING_INTERVAL_MS + PING_TIMEOUT_MS + 10);
  }

  /** Call on every change of the lines: samples audio while a call is up, keeps the figures of one that ended. */
  linesChanged(): void {
    const lines = this.deps.lines();
    const up = lines.some((l) => l.state === 'active' || l.state === 'held');
    if (up && this.statsTimer === undefined) this.statsTimer = setInterval(() => void this.sample(), STATS_INTERVAL_MS);
    else if (!up && this.statsTimer !== undefined) {
      clearInterval(this.statsTimer);
      this.statsTimer = undefined;
    }
    for (const id of [...this.lineAudio.keys()]) {
      const line = lines.find((l) => l.id === id);
      if (!line || !line.isLive) {
        this.lastCallAudio = this.lineAudio.get(id);
        this.lineAudio.delete(id);
        this.publish();
      }
    }
  }

  /** Reads the statistics of every call that is up. */
  async sample(): Promise<void> {
    for (const line of this.deps.lines()) {
      if (line.state !== 'active' && line.state !== 'held') continue;
      const audio = await line.inboundAudio();
      if (audio && line.isLive) this.lineAudio.set(line.id, audio);
    }
    this.publish();
  }

  dispose(): void {
    this.stopPinging();
    if (this.statsTimer !== undefined) clearInterval(this.statsTimer);
    this.statsTimer = undefined;
  }

  private stopPinging(): void {
    if (this.pingTimer !== undefined) clearInterval(this.pingTimer);
    if (this.staleTimer !== undefined) clearTimeout(this.staleTimer);
    this.pingTimer = undefined;
    this.staleTimer = undefined;
    this.pingSeq += 1;
  }

  private publish(): void {
    const talking = this.deps.lines().find((l) => l.state === 'active' && this.lineAudio.has(l.id));
    const audio = audioQuality(talking ? this.lineAudio.get(talking.id) : this.lastCallAudio);
    const pbx = pbxReach(this.link, this.last, this.now());
    this.store.set((previous) => (JSON.stringify(previous) === JSON.stringify({ pbx, audio }) ? previous : { pbx, audio }));
  }
}
