// Keeps the softphone registered through everything a shift throws at it: the WebSocket dropping, the
// PBX restarting (and forgetting its in-memory location table), a REGISTER left without an answer.
// State is always visible (connecting / registered / failed with the reason / disconnected with the
// next retry). A registerer is never reused after the transport was lost: a fresh one is made, so no
// stuck "request already in progress" can block re-registration.
import { Registerer, RegistererState, type UserAgent } from 'sip.js';
import { messageOf } from '@shared/errors/messageOf';
import type { PhoneRegistrationState } from './phoneTypes';
import type { PhoneLine } from './phoneLine';

export interface WatchdogHost {
  onState(state: PhoneRegistrationState, reason?: string, retryAt?: number): void;
  /** Transport and registration are back after a loss: lines should recover their media. */
  onRecovered(): void;
  lines(): PhoneLine[];
}

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];
const CHECK_INTERVAL_MS = 5000;
const REGISTER_TIMEOUT_MS = 10_000;
const ICE_GRACE_MS = 4000;
/** Registration lifetime asked of the PBX; sip.js refreshes at 90 % of what the PBX grants. */
const EXPIRES_S = 300;

export class RegistrationWatchdog {
  private ua: UserAgent | undefined;
  private registerer: Registerer | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private checkTimer: ReturnType<typeof setInterval> | undefined;
  private registering = false;
  private hadLoss = false;
  private stopped = true;
  private iceBadSince = new Map<string, number>();

  constructor(private readonly host: WatchdogHost) {}

  async start(ua: UserAgent): Promise<void> {
    this.ua = ua;
    this.stopped = false;
    this.attempt = 0;
    this.host.onState('connecting');
    this.checkTimer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    try {
      await ua.start();
    } catch (error) {
      this.transportDown(messageOf(error));
      return;
    }
    await this.register();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.checkTimer);
    const registerer = this.registerer;
    this.registerer = undefined;
    if (registerer) {
      await Promise.race([registerer.unregister().catch(() => undefined), delay(1500)]);
      await Promise.race([registerer.dispose().catch(() => undefined), delay(1500)]);
    }
    this.ua = undefined;
  }

  transportUp(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    void this.register();
  }

  transportDown(reason?: string): void {
    if (this.stopped) return;
    this.hadLoss = true;
    this.scheduleReconnect(reason);
  }

  private scheduleReconnect(reason?: string): void {
    clearTimeout(this.retryTimer);
    const wait = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)]!;
    this.attempt += 1;
    this.host.onState('disconnected', reason, Date.now() + wait);
    this.retryTimer = setTimeout(() => void this.reconnect(), wait);
  }

  private async reconnect(): Promise<void> {
    this.retryTimer = undefined;
    if (this.stopped || !this.ua) return;
    this.host.onState('connecting');
    try {
      if (!this.ua.isConnected()) await this.ua.reconnect();
      // onConnect → transportUp → register
      if (this.ua.isConnected()) await this.register();
    } catch (error) {
      this.scheduleReconnect(messageOf(error));
    }
  }

  private freshRegisterer(): Registerer {
    const old = this.registerer;
    if (old) void Promise.race([old.dispose().catch(() => undefined), delay(1000)]);
    const ua = this.ua!;
    const registerer = new Registerer(ua, { expires: EXPIRES_S, refreshFrequency: 90 });
    registerer.stateChange.addListener((state) => {
      if (registerer !== this.registerer || this.stopped) return;
      if (state === RegistererState.Registered) this.host.onState('registered');
      else if (state === RegistererState.Unregistered && ua.isConnected() && !this.registering) void this.register();
    });
    this.registerer = registerer;
    return registerer;
  }

  private async register(): Promise<void> {
    if (this.stopped || !this.ua || this.registering) return;
    if (!this.ua.isConnected()) return;
    this.registering = true;
    const registerer = this.freshRegisterer();
    this.host.onState('connecting');
    try {
      const outcome = await new Promise<{ ok: true } | { ok: false; reason: string; retry: boolean }>((resolve) => {
        const timer = setTimeout(() => resolve({ ok: false, reason: 'REGISTER timeout', retry: true }), REGISTER_TIMEOUT_MS);
        registerer
          .register({
            requestDelegate: {
              onAccept: () => {
                clearTimeout(timer);
                resolve({ ok: true });
              },
              onReject: (response) => {
                clearTimeout(timer);
                const code = response.message.statusCode;
                // 401/407 are answered by sip.js itself; a final rejection means bad credentials or config.
                resolve({ ok: false, reason: `${code ?? ""} ${response.message.reasonPhrase ?? ""}`.trim(), retry: (code ?? 0) >= 500 });
              },
            },
          })
          .catch((error: unknown) => {
            clearTimeout(timer);
            resolve({ ok: false, reason: messageOf(error), retry: true });
          });
      });
      if (registerer !== this.registerer || this.stopped) return;
      if (outcome.ok) {
        this.attempt = 0;
        this.host.onState('registered');
        if (this.hadLoss) {
          this.hadLoss = false;
          this.host.onRecovered();
        }
      } else if (outcome.retry) {
        this.scheduleReconnect(outcome.reason);
      } else {
        this.host.onState('failed', outcome.reason);
      }
    } finally {
      this.registering = false;
    }
  }

  /** Periodic health check: transport, registration and each call's ICE state. */
  private check(): void {
    if (this.stopped || !this.ua) return;
    if (!this.ua.isConnected()) {
      if (this.retryTimer === undefined) this.transportDown('transport not connected');
      return;
    }
    if (this.registerer && this.registerer.state !== RegistererState.Registered && !this.registering && this.retryTimer === undefined) {
      void this.register();
    }
    const now = Date.now();
    for (const line of this.host.lines()) {
      const ice = line.iceState();
      if (ice === 'failed' || ice === 'disconnected') {
        const since = this.iceBadSince.get(line.id) ?? now;
        this.iceBadSince.set(line.id, since);
        if (now - since >= ICE_GRACE_MS) {
          this.iceBadSince.delete(line.id);
          void line.recoverMedia();
        }
      } else {
        this.iceBadSince.delete(line.id);
      }
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
