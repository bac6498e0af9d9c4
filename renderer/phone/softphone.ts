// The operator's softphone: one sip.js UserAgent registered to the PBX over WebSocket, up to
// MAX_LINES concurrent calls, blind and attended transfer. Registration health is watched by
// RegistrationWatchdog; every line's SIP events become a call record through the CallRecordSink.
import { Invitation, Inviter, SessionState, SIPExtension, UserAgent, type Session, type UserAgentOptions } from 'sip.js';
import { sipDomainOf, type PhoneSettings } from '@shared/phone/phoneSettings';
import { toSipTarget } from '@shared/phone/sipTarget';
import type { CallSnapshot } from '@shared/calls/callMachine';
import { PhoneLine, type LineHost } from './phoneLine';
import { RegistrationWatchdog } from './registrationWatchdog';
import type { LineView, PhoneView } from './phoneTypes';

export const MAX_LINES = 4;

export interface CallRecordSink {
  /** Called on every change of a line; the sink decides what to store. */
  record(line: LineView, call: CallSnapshot): void;
}

export type DialResult = { ok: true; lineId: string } | { ok: false; reason: 'not-registered' | 'invalid-target' | 'no-free-line' };

export type TransferResult =
  | { ok: true }
  | { ok: false; reason: 'no-line' | 'wrong-state' | 'invalid-target' | 'failed' | 'caller-gone' | 'timeout'; statusCode?: number };

type Listener = () => void;

export class Softphone implements LineHost {
  private ua: UserAgent | undefined;
  private settings: PhoneSettings | undefined;
  private readonly lines = new Map<string, PhoneLine>();
  private readonly listeners = new Set<Listener>();
  private readonly watchdog: RegistrationWatchdog;
  private snapshot: PhoneView = { registration: 'unconfigured', lines: [] };
  private consultTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When the INVITE reached us (performance.now()), per line: the benchmark measures pop-up latency from here. */
  readonly inviteArrivals = new Map<string, number>();

  constructor(private readonly sink?: CallRecordSink) {
    this.watchdog = new RegistrationWatchdog({
      onState: (registration, reason, retryAt) => {
        this.snapshot = { ...this.snapshot, registration, registrationReason: reason, retryAt };
        this.emit();
      },
      onRecovered: () => {
        // Media flows peer to peer, so most calls survive a PBX restart untouched; only a line whose
        // ICE actually failed gets the re-INVITE with an ICE restart.
        for (const line of this.lines.values()) {
          const ice = line.iceState();
          if (ice === 'failed' || ice === 'disconnected') void line.recoverMedia();
        }
      },
      lines: () => [...this.lines.values()],
    });
  }

  // ---- store -------------------------------------------------------------------------------------

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PhoneView => this.snapshot;

  private emitScheduled = false;

  /**
   * Tells the screens that something changed. Coalesced into one task that runs after the SIP messages
   * already waiting on the WebSocket: a render never delays signalling (a transfer's NOTIFY, a BYE).
   */
  private emit(): void {
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    setTimeout(() => {
      this.emitScheduled = false;
      this.snapshot = {
        ...this.snapshot,
        lines: [...this.lines.values()].map((l) => l.view).sort((a, b) => a.lineNo - b.lineNo),
      };
      for (const l of this.listeners) l();
    }, 0);
  }

  // ---- LineHost ----------------------------------------------------------------------------------

  speakerDeviceId(): string | undefined {
    return this.settings?.speakerDeviceId;
  }

  dtmfViaInfo(): boolean {
    return this.settings?.dtmfViaInfo ?? false;
  }

  changed(line: PhoneLine): void {
    this.sink?.record(line.view, line.call);
    this.emit();
  }

  ended(line: PhoneLine): void {
    line.dispose();
    const timer = this.consultTimers.get(line.id);
    if (timer) clearTimeout(timer);
    this.consultTimers.delete(line.id);
    // A finished consultation no longer belongs to the held caller; if it never connected, the
    // operator is told on the caller's line how to get back (F10).
    for (const other of this.lines.values()) {
      if (other.view.consultLineId !== line.id) continue;
      other.markConsult(undefined);
      if (line.call.answeredAt === undefined && other.isLive && other.view.notice?.code !== 'consult-no-answer') {
        other.notice('consult-failed', { statusCode: line.finalStatusCode });
      }
    }
    // Ended lines stay visible briefly so the operator sees how the call finished.
    setTimeout(() => {
      if (this.lines.get(line.id) === line) {
        this.lines.delete(line.id);
        this.inviteArrivals.delete(line.id);
        this.emit();
      }
    }, 4000);
    this.emit();
  }

  // ---- connection --------------------------------------------------------------------------------

  async connect(settings: PhoneSettings, password: string | undefined): Promise<void> {
    await this.disconnect();
    this.settings = settings;
    const domain = sipDomainOf(settings);
    const uri = UserAgent.makeURI(`sip:${settings.extension}@${domain}`);
    if (!uri) throw new Error(`invalid SIP address for extension ${settings.extension}`);
    const options: UserAgentOptions = {
      uri,
      displayName: settings.displayName,
      authorizationUsername: settings.authUser || settings.extension,
      authorizationPassword: password,
      transportOptions: { server: settings.server, connectionTimeout: 5, keepAliveInterval: 15 },
      // Replaces (RFC 3891) must be supported or an attended transfer to us arrives as a second call.
      sipExtensionReplaces: SIPExtension.Supported,
      // The watchdog owns reconnection, with back-off and a visible state.
      reconnectionAttempts: 0,
      logLevel: 'error',
      logBuiltinEnabled: false,
      sessionDescriptionHandlerFactoryOptions: {
        // No public STUN server by default: the desk is on the PBX's network.
        peerConnectionConfiguration: { iceServers: settings.iceServers.map((s) => ({ ...s })) },
        iceGatheringTimeout: 500,
      },
      delegate: {
        onInvite: (invitation) => this.onInvite(invitation),
        onConnect: () => this.watchdog.transportUp(),
        onDisconnect: (error) => this.watchdog.transportDown(error?.message),
      },
    };
    this.ua = new UserAgent(options);
    await this.watchdog.start(this.ua);
  }

  async disconnect(): Promise<void> {
    const ua = this.ua;
    this.ua = undefined;
    await this.watchdog.stop();
    for (const line of this.lines.values()) await line.hangup();
    if (ua) await ua.stop().catch(() => undefined);
    this.snapshot = { ...this.snapshot, registration: 'unconfigured', registrationReason: undefined, retryAt: undefined };
    this.emit();
  }

  /** Test and lab hook: drop the WebSocket as if the network failed. */
  simulateNetworkLoss(): void {
    void this.ua?.transport.disconnect();
  }

  // ---- lines -------------------------------------------------------------------------------------

  private freeLineNo(): number | undefined {
    const used = new Set([...this.lines.values()].filter((l) => l.isLive).map((l) => l.lineNo));
    for (let n = 1; n <= MAX_LINES; n += 1) if (!used.has(n)) return n;
    return undefined;
  }

  line(id: string): PhoneLine | undefined {
    return this.lines.get(id);
  }

  private onInvite(invitation: Invitation): void {
    const arrivedAt = performance.now();
    // An attended transfer in which we are the target: the new call replaces one we already have.
    if (invitation.replacee) {
      const lineNo = this.freeLineNo() ?? MAX_LINES;
      const line = this.addLine(invitation, lineNo, invitation.remoteIdentity.uri.user ?? '', invitation.remoteIdentity.displayName);
      void line.answer(this.audioConstraints());
      return;
    }
    const lineNo = this.freeLineNo();
    if (lineNo === undefined) {
      // Every line busy: the PBX can route the caller elsewhere (its busy treatment).
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
      return;
    }
    const line = this.addLine(invitation, lineNo, invitation.remoteIdentity.uri.user ?? '', invitation.remoteIdentity.displayName || undefined);
    this.inviteArrivals.set(line.id, arrivedAt);
  }

  private addLine(session: Session, lineNo: number, remoteUser: string, remoteName?: string, consultFor?: string): PhoneLine {
    const line = new PhoneLine(session, lineNo, this, { remoteUser, remoteName, consultFor });
    // The finished call still shown on this line number gives way to the new one.
    for (const [id, old] of this.lines) {
      if (old.lineNo === lineNo && !old.isLive) {
        this.lines.delete(id);
        this.inviteArrivals.delete(id);
      }
    }
    this.lines.set(line.id, line);
    this.changed(line);
    return line;
  }

  private audioConstraints(): MediaStreamConstraints {
    return { audio: true, video: false };
  }

  /** Answers a ringing line; the call the operator was talking to goes on hold first (attendant behaviour). */
  async answer(lineId?: string): Promise<boolean> {
    const line = lineId ? this.lines.get(lineId) : this.oldestRinging();
    if (!line || line.state !== 'ringing') return false;
    for (const other of this.lines.values()) {
      if (other !== line && other.state === 'active') await other.setHold(true);
    }
    await line.answer(this.audioConstraints()).catch(() => line.notice('call-failed'));
    return true;
  }

  oldestRinging(): PhoneLine | undefined {
    return [...this.lines.values()].filter((l) => l.state === 'ringing').sort((a, b) => a.view.ringStartedAt - b.view.ringStartedAt)[0];
  }

  async hangup(lineId: string): Promise<void> {
    await this.lines.get(lineId)?.hangup();
  }

  async hold(lineId: string, hold: boolean): Promise<boolean> {
    const line = this.lines.get(lineId);
    if (!line) return false;
    if (!hold) {
      // Resuming one caller holds whoever else the operator was talking to.
      for (const other of this.lines.values()) if (other !== line && other.state === 'active') await other.setHold(true);
    }
    return line.setHold(hold);
  }

  mute(lineId: string, muted: boolean): void {
    this.lines.get(lineId)?.setMuted(muted);
  }

  async dtmf(lineId: string, digits: string): Promise<boolean> {
    return (await this.lines.get(lineId)?.sendDtmf(digits)) ?? false;
  }

  dial(target: string, consultFor?: string): DialResult {
    if (!this.ua || !this.settings || this.snapshot.registration !== 'registered') return { ok: false, reason: 'not-registered' };
    const parsed = toSipTarget(target, sipDomainOf(this.settings));
    if (!parsed.ok) return { ok: false, reason: 'invalid-target' };
    const uri = UserAgent.makeURI(parsed.uri);
    if (!uri) return { ok: false, reason: 'invalid-target' };
    const lineNo = this.freeLineNo();
    if (lineNo === undefined) return { ok: false, reason: 'no-free-line' };
    const inviter = new Inviter(this.ua, uri, { sessionDescriptionHandlerOptions: { constraints: this.audioConstraints() } as never });
    const line = this.addLine(inviter, lineNo, parsed.user, undefined, consultFor);
    inviter
      .invite({
        requestDelegate: {
          onReject: (response) => line.setFinalResponse(response.message.statusCode ?? 0, response.message.reasonPhrase ?? ""),
        },
      })
      .catch(() => line.notice('call-failed'));
    return { ok: true, lineId: line.id };
  }

  // ---- transfers ---------------------------------------------------------------------------------

  /** Blind transfer (RFC 3515 REFER to the target). On failure the caller stays on this line. */
  async blindTransfer(lineId: string, target: string): Promise<TransferResult> {
    const line = this.lines.get(lineId);
    if (!line || !this.settings) return { ok: false, reason: 'no-line' };
    if (line.state !== 'active' && line.state !== 'held') return { ok: false, reason: 'wrong-state' };
    const parsed = toSipTarget(target, sipDomainOf(this.settings));
    const uri = parsed.ok ? UserAgent.makeURI(parsed.uri) : undefined;
    if (!parsed.ok || !uri) return { ok: false, reason: 'invalid-target' };
    const outcome = await line.refer(uri, 'blind', parsed.user);
    if (outcome.ok) {
      await line.hangup('local-hangup');
      return { ok: true };
    }
    return { ok: false, reason: outcome.timeout ? 'timeout' : 'failed', statusCode: outcome.statusCode };
  }

  /** Attended transfer, step 1: hold the caller and call the target on another line. */
  async startConsult(heldLineId: string, target: string): Promise<DialResult | { ok: false; reason: 'no-line' | 'hold-failed' }> {
    const caller = this.lines.get(heldLineId);
    if (!caller || (caller.state !== 'active' && caller.state !== 'held')) return { ok: false, reason: 'no-line' };
    if (caller.state === 'active' && !(await caller.setHold(true))) return { ok: false, reason: 'hold-failed' };
    const result = this.dial(target, heldLineId);
    if (!result.ok) return result;
    caller.markConsult(result.lineId);
    const timeoutMs = (this.settings?.consultTimeoutSeconds ?? 25) * 1000;
    this.consultTimers.set(
      result.lineId,
      setTimeout(() => {
        const consult = this.lines.get(result.lineId);
        if (consult && consult.state === 'dialing') {
          consult.notice('consult-no-answer');
          void consult.hangup('ring-timeout');
          caller.notice('consult-no-answer');
        }
      }, timeoutMs),
    );
    return result;
  }

  /** Attended transfer, step 2: REFER the held caller to the consult call (RFC 3891 Replaces). */
  async completeAttended(consultLineId: string): Promise<TransferResult> {
    const consult = this.lines.get(consultLineId);
    const caller = consult?.view.consultFor ? this.lines.get(consult.view.consultFor) : undefined;
    if (!consult || !caller) return { ok: false, reason: 'no-line' };
    if (consult.state !== 'active' && consult.state !== 'held') return { ok: false, reason: 'wrong-state' };
    if (!caller.isLive || caller.session.state !== SessionState.Established) {
      consult.notice('caller-gone');
      return { ok: false, reason: 'caller-gone' };
    }
    const outcome = await caller.refer(consult.session, 'attended', consult.view.remoteUser);
    if (!outcome.ok) {
      if (!caller.isLive) {
        consult.notice('caller-gone');
        return { ok: false, reason: 'caller-gone' };
      }
      return { ok: false, reason: outcome.timeout ? 'timeout' : 'failed', statusCode: outcome.statusCode };
    }
    await caller.hangup('local-hangup');
    // The target's INVITE with Replaces makes it end our consult leg itself; if it has not after a
    // moment, end it so no line is left hanging.
    setTimeout(() => void consult.hangup('local-hangup'), 2000);
    return { ok: true };
  }

  /** Back to the held caller: ends the consultation (if any) and resumes the caller. */
  async returnToCaller(lineId: string): Promise<boolean> {
    const line = this.lines.get(lineId);
    if (!line) return false;
    const caller = line.view.consultFor ? this.lines.get(line.view.consultFor) : line;
    const consult = caller?.view.consultLineId ? this.lines.get(caller.view.consultLineId) : line.view.consultFor ? line : undefined;
    if (consult && consult !== caller) await consult.hangup('local-hangup');
    if (!caller || !caller.isLive) return false;
    caller.markConsult(undefined);
    caller.clearNotice();
    return caller.state === 'held' ? this.hold(caller.id, false) : true;
  }
}
