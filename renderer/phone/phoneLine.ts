// One call on one line: wraps a sip.js session, feeds its SIP events into the call state machine and
// publishes what the operator sees. The state shown is always the confirmed SIP state: a hold whose
// re-INVITE is refused never shows "on hold" (issue: "a failed re-INVITE never leaves a false hold").
import { Invitation, Inviter, SessionState, type Session, type Web } from 'sip.js';
import { ulid } from 'ulid';
import { applyCallEvent, startCall, type CallEvent, type CallSnapshot, type EndCause } from '@shared/calls/callMachine';
import { chooseDtmfMethod, restrictToNarrowband, type DtmfMethod } from '@shared/phone/dtmfMethod';
import { inboundAudioOf, type InboundAudio, type StatsEntry } from '@shared/phone/connectionHealth';
import type { LineNotice, LineView } from './phoneTypes';
import { followRefer, type ReferOutcome } from './referSubscription';
import { RemoteAudio } from './remoteAudio';
import { recordMetric } from '../platform/metrics';

type Sdh = Web.SessionDescriptionHandler;

export interface LineHost {
  speakerDeviceId(): string | undefined;
  dtmfViaInfo(): boolean;
  changed(line: PhoneLine): void;
  ended(line: PhoneLine): void;
  /** A call that never got a line (every line busy: refused with 486), already ended, to be recorded. */
  refused(view: LineView, call: CallSnapshot): void;
}

export class PhoneLine {
  readonly id = ulid();
  call: CallSnapshot;
  view: LineView;
  private localEnd: EndCause | undefined;
  private endStatusCode: number | undefined;
  private answerRequestedAt: number | undefined;
  private readonly audio = new RemoteAudio();
  /** The far end's Allow header (its INVITE, or the 2xx to ours): does it take SIP INFO? */
  private remoteAllow: string | undefined;
  /**
   * Resolves once the answered call is confirmed by the caller's ACK (at once for calls we made: we send the ACK).
   * A re-INVITE sent before that ACK makes sip.js end the call (BYE, Reason 488) when the ACK arrives — through a
   * media relay that window is long enough for F2 followed by F5 or F7 (lab fact, tests/lab/README.md).
   */
  readonly confirmed: Promise<void>;
  private ackReceived: (() => void) | undefined;
  /** `confirmed` has resolved (checked first, so a confirmed call's hold or REFER goes out in the same turn) */
  private isConfirmed: boolean;
  /** a codec-change re-INVITE (DTMF) is in flight: no hold re-INVITE may cross it */
  private renegotiating = false;

  constructor(
    readonly session: Session,
    readonly lineNo: number,
    private readonly host: LineHost,
    meta: { remoteUser: string; remoteName?: string; consultFor?: string },
  ) {
    const now = Date.now();
    const direction = session instanceof Invitation ? 'inbound' : 'outbound';
    this.call = startCall(direction, now);
    this.view = {
      id: this.id,
      lineNo,
      direction,
      remoteUser: meta.remoteUser,
      remoteName: meta.remoteName,
      state: this.call.state,
      muted: false,
      holdPending: false,
      ringStartedAt: now,
      consultFor: meta.consultFor,
      sipCallId: session instanceof Invitation ? session.request.callId : (session as Inviter).request.callId,
    };
    if (session instanceof Invitation) {
      this.remoteAllow = session.request.getHeader('Allow');
      this.isConfirmed = false;
      this.confirmed = new Promise<void>((resolve) => {
        this.ackReceived = () => {
          this.isConfirmed = true;
          resolve();
        };
      });
    } else {
      this.isConfirmed = true;
      this.confirmed = Promise.resolve();
    }
    session.stateChange.addListener((state) => this.onSessionState(state));
    const previous = session.delegate;
    session.delegate = {
      ...previous,
      onBye: (bye) => {
        bye.accept();
      },
      onAck: (ack) => {
        this.ackReceived?.();
        previous?.onAck?.(ack);
      },
    };
  }

  /** Outbound: the Allow header of the 2xx that answered our INVITE. */
  setRemoteAllow(allow: string | undefined): void {
    this.remoteAllow = allow;
  }

  /** Waits for the answered call's ACK (or its end); false when the call is no longer up. */
  private async whenConfirmed(): Promise<boolean> {
    if (!this.isConfirmed) await this.confirmed;
    return this.isLive && this.session.state === SessionState.Established;
  }

  get state() {
    return this.call.state;
  }

  get isLive() {
    return this.call.state !== 'ended';
  }

  private sdh(): Sdh | undefined {
    return this.session.sessionDescriptionHandler as Sdh | undefined;
  }

  private apply(event: CallEvent, patch: Partial<LineView> = {}): void {
    this.call = applyCallEvent(this.call, event);
    this.view = {
      ...this.view,
      ...patch,
      state: this.call.state,
      answeredAt: this.call.answeredAt,
      heldSince: this.call.heldSince,
      endedAt: this.call.endedAt,
    };
    this.host.changed(this);
  }

  private patch(patch: Partial<LineView>): void {
    this.view = { ...this.view, ...patch };
    this.host.changed(this);
  }

  notice(code: LineNotice['code'], extra: Omit<LineNotice, 'code' | 'at'> = {}): void {
    this.patch({ notice: { code, ...extra, at: Date.now() } });
  }

  clearNotice(): void {
    if (this.view.notice) this.patch({ notice: undefined });
  }

  private onSessionState(state: SessionState): void {
    if (state === SessionState.Established && (this.call.state === 'ringing' || this.call.state === 'dialing')) {
      this.apply({ type: 'answered', at: Date.now() });
      this.attachAudio();
      if (this.answerRequestedAt !== undefined) recordMetric('answerToEstablishedMs', performance.now() - this.answerRequestedAt);
    } else if (state === SessionState.Terminated && this.ackReceived) {
      // never confirmed: nothing waits for an ACK that will not come
      this.ackReceived();
    }
    if (state === SessionState.Terminated && this.call.state !== 'ended') {
      const answered = this.call.answeredAt !== undefined;
      let cause: EndCause;
      if (this.localEnd) cause = this.localEnd;
      else if (answered) cause = 'remote-hangup';
      else if (this.view.direction === 'inbound') cause = 'remote-cancel';
      else cause = this.endStatusCode !== undefined ? 'rejected' : 'error';
      this.audio.detach();
      this.apply({ type: 'ended', at: Date.now(), cause, statusCode: this.endStatusCode }, { holdPending: false });
      this.host.ended(this);
    }
  }

  private attachAudio(): void {
    const stream = this.sdh()?.remoteMediaStream;
    if (stream) this.audio.attach(stream, this.host.speakerDeviceId());
  }

  /** Outbound: the final response that ended the attempt (busy, not found…), for the record and the screen. */
  setFinalResponse(statusCode: number, reason: string): void {
    this.endStatusCode = statusCode;
    // sip.js may report the session terminated before it hands us the response that ended it.
    if (this.call.state === 'ended' && this.call.answeredAt === undefined) {
      this.call = { ...this.call, endCause: 'rejected', endStatusCode: statusCode };
    }
    this.patch({ notice: { code: 'call-failed', statusCode, reason, at: Date.now() } });
  }

  get finalStatusCode(): number | undefined {
    return this.endStatusCode;
  }

  async answer(constraints: MediaStreamConstraints): Promise<void> {
    if (!(this.session instanceof Invitation) || this.call.state !== 'ringing') return;
    this.answerRequestedAt = performance.now();
    await this.session.accept({ sessionDescriptionHandlerOptions: { constraints } as Web.SessionDescriptionHandlerOptions });
  }

  /** Ends the line in whatever way fits its state: decline, cancel or BYE. */
  async hangup(cause: EndCause = 'local-hangup'): Promise<void> {
    if (!this.isLive) return;
    const s = this.session;
    try {
      if (s instanceof Invitation && s.state === SessionState.Initial) {
        this.localEnd = cause === 'local-hangup' ? 'declined' : cause;
        await s.reject({ statusCode: cause === 'ring-timeout' ? 480 : 603 });
      } else if (s instanceof Inviter && (s.state === SessionState.Initial || s.state === SessionState.Establishing)) {
        this.localEnd = cause === 'local-hangup' ? 'local-hangup' : cause;
        await s.cancel();
      } else if (s.state === SessionState.Established) {
        this.localEnd = cause;
        await s.bye();
      } else if (s.state === SessionState.Establishing && s instanceof Invitation) {
        // Accepted but the ACK has not arrived: the session ends on its own once it does; nothing to send yet.
        this.localEnd = cause;
      }
    } catch {
      // Already terminated on the wire (e.g. the far end hung up at the same moment): nothing to undo.
    }
  }

  /** Hold or resume with a re-INVITE; only a 2xx changes what the operator sees. */
  async setHold(hold: boolean): Promise<boolean> {
    if (this.view.holdPending || this.renegotiating) return false;
    if (hold ? this.call.state !== 'active' : this.call.state !== 'held') return false;
    if (this.session.state !== SessionState.Established) return false;
    this.patch({ holdPending: true });
    if (!this.isConfirmed && !(await this.whenConfirmed())) {
      if (this.isLive) this.patch({ holdPending: false });
      return false;
    }
    const accepted = await new Promise<boolean>((resolve) => {
      const options = {
        sessionDescriptionHandlerOptions: { hold } as Web.SessionDescriptionHandlerOptions,
        requestDelegate: {
          onAccept: () => resolve(true),
          onReject: () => resolve(false),
        },
      };
      this.session.invite(options).catch(() => resolve(false));
    });
    if (!this.isLive) return false;
    if (accepted) {
      this.apply({ type: hold ? 'hold' : 'unhold', at: Date.now() }, { holdPending: false, notice: undefined });
      // sip.js re-enables the microphone on resume; a muted line stays muted.
      if (!hold && this.view.muted) this.sdh()?.enableSenderTracks(false);
    } else {
      this.patch({ holdPending: false });
      this.notice(hold ? 'hold-failed' : 'unhold-failed');
    }
    return accepted;
  }

  setMuted(muted: boolean): void {
    if (this.call.state !== 'active' && this.call.state !== 'held') return;
    if (this.call.state === 'active') this.sdh()?.enableSenderTracks(!muted);
    this.patch({ muted });
  }

  /** How DTMF arrives on this call, from the SDP now in use and the far end's Allow (shared/phone/dtmfMethod.ts). */
  dtmfMethod(): DtmfMethod {
    const pc = this.sdh()?.peerConnection;
    const local = pc?.currentLocalDescription ?? undefined;
    const remote = pc?.currentRemoteDescription ?? undefined;
    const answer = local?.type === 'answer' ? local : remote?.type === 'answer' ? remote : undefined;
    return chooseDtmfMethod({ answerSdp: answer?.sdp, remoteSdp: remote?.sdp, remoteAllow: this.remoteAllow, infoConfigured: this.host.dtmfViaInfo() });
  }

  /**
   * Moves the call to the far end's 8 kHz codecs (re-INVITE whose offer keeps only those), so RFC 4733 events at
   * 8 kHz match the codec's clock. sip.js keeps the modifier for later re-INVITEs (hold), so the call stays there.
   */
  private async moveToNarrowband(): Promise<boolean> {
    if (!(await this.whenConfirmed()) || this.view.holdPending || this.renegotiating || this.call.state !== 'active') return false;
    this.renegotiating = true;
    try {
      return await new Promise<boolean>((resolve) => {
        this.session
          .invite({
            sessionDescriptionHandlerModifiers: [(d) => Promise.resolve({ ...d, sdp: d.sdp === undefined ? d.sdp : restrictToNarrowband(d.sdp) })],
            requestDelegate: { onAccept: () => resolve(this.isLive), onReject: () => resolve(false) },
          })
          .catch(() => resolve(false));
      });
    } finally {
      this.renegotiating = false;
    }
  }

  /**
   * DTMF the way it arrives on this call: RFC 4733 telephone-events through the media path when they match the
   * codec's clock, else SIP INFO (application/dtmf-relay), else after moving the call to an 8 kHz codec.
   */
  async sendDtmf(digits: string): Promise<boolean> {
    if (this.call.state !== 'active' || !/^[0-9*#A-D]+$/i.test(digits)) return false;
    let method = this.dtmfMethod();
    if (method.kind === 'narrowband' && (await this.moveToNarrowband())) method = this.dtmfMethod();
    if (!this.isLive || this.call.state !== 'active') return false;
    if (method.kind === 'rfc4733') {
      const sent = this.sdh()?.sendDtmf(digits, { duration: 120, interToneGap: 70 });
      if (sent) return true;
    }
    try {
      for (const digit of digits) {
        await this.session.info({
          requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=120` } },
        });
      }
      return true;
    } catch {
      this.notice('dtmf-failed');
      return false;
    }
  }

  /**
   * Sends a REFER (to a URI for a blind transfer, or to the consult session for an attended one) and
   * shows how it goes. The line itself is never ended here: the transfer modules end it only after a
   * 2xx sipfrag, and on any failure the caller stays with the operator (the competing web phone in our
   * lab lost callers exactly here).
   */
  async refer(target: Parameters<Session['refer']>[0], kind: 'blind' | 'attended', targetLabel: string): Promise<ReferOutcome> {
    // a REFER before the ACK is as risky as a re-INVITE: the transferee may not have confirmed the call yet
    if (!this.isConfirmed) await this.confirmed;
    this.apply({ type: 'transfer-started', at: Date.now(), kind, target: targetLabel }, { transfer: { kind, target: targetLabel, progress: 'requested' }, notice: undefined });
    const startedAt = performance.now();
    // Absolute times (comparable across pages) let the benchmark split a transfer into its legs.
    recordMetric(`${kind}ReferSentAt`, performance.timeOrigin + startedAt);
    const outcome = await followRefer(this.session, target, (progress, statusCode) => {
      if (this.isLive) this.apply({ type: 'transfer-progress', at: Date.now(), statusCode }, { transfer: { kind, target: targetLabel, progress, statusCode } });
    });
    if (outcome.ok) {
      recordMetric(kind === 'blind' ? 'blindTransferMs' : 'attendedTransferMs', performance.now() - startedAt);
      recordMetric(`${kind}ReferDoneAt`, performance.timeOrigin + performance.now());
      this.apply({ type: 'transfer-succeeded', at: Date.now() }, { transfer: { kind, target: targetLabel, progress: 'answered', statusCode: 200 } });
    } else {
      this.apply(
        { type: 'transfer-failed', at: Date.now(), statusCode: outcome.statusCode, reason: outcome.reason },
        { transfer: { kind, target: targetLabel, progress: 'failed', statusCode: outcome.statusCode, reason: outcome.reason } },
      );
      this.notice(outcome.timeout ? 'transfer-timeout' : 'transfer-failed', { statusCode: outcome.statusCode, reason: outcome.reason });
    }
    return outcome;
  }

  /** ICE restart after the network or the PBX came back, so the audio recovers without a new call. */
  async recoverMedia(): Promise<void> {
    if (this.session.state !== SessionState.Established || this.view.holdPending) return;
    this.notice('media-recovering');
    const hold = this.call.state === 'held';
    await this.session
      .invite({ sessionDescriptionHandlerOptions: { hold, offerOptions: { iceRestart: true } } as Web.SessionDescriptionHandlerOptions })
      .catch(() => undefined);
  }

  /** The call's inbound audio so far (WebRTC statistics), for the status bar's audio quality; undefined without media. */
  async inboundAudio(): Promise<InboundAudio | undefined> {
    const pc = this.sdh()?.peerConnection;
    if (!pc || pc.connectionState === 'closed') return undefined;
    try {
      const report = await pc.getStats();
      return inboundAudioOf(report.values() as IterableIterator<StatsEntry>);
    } catch {
      return undefined;
    }
  }

  iceState(): RTCIceConnectionState | undefined {
    return this.sdh()?.peerConnection?.iceConnectionState;
  }

  markConsult(consultLineId: string | undefined): void {
    this.patch({ consultLineId });
  }

  dispose(): void {
    this.audio.detach();
  }
}
