// Everything the operator does to one call: take an incoming one, answer, hang up, hold and resume,
// mute, DTMF and dial out. An attendant talks to one caller at a time, so answering or resuming a call
// first holds whoever the operator was talking to.
import { Inviter, UserAgent, type Invitation, type Session } from 'sip.js';
import { toSipTarget } from '@shared/phone/sipTarget';
import type { BenchHooks } from './benchHooks';
import { ulid } from 'ulid';
import { applyCallEvent, startCall } from '@shared/calls/callMachine';
import type { LineTable } from './lineTable';
import { PhoneLine, type LineHost } from './phoneLine';
import type { DialResult, LineView } from './phoneTypes';
import type { UserAgentLifecycle } from './userAgentLifecycle';

const AUDIO_ONLY: MediaStreamConstraints = { audio: true, video: false };

export class CallControl {
  constructor(
    private readonly lines: LineTable,
    private readonly lifecycle: UserAgentLifecycle,
    private readonly host: LineHost,
    private readonly bench: BenchHooks,
  ) {}

  onInvite(invitation: Invitation): void {
    const arrivedAt = performance.now();
    // An attended transfer in which we are the target: the new call replaces one we already have.
    if (invitation.replacee) {
      const lineNo = this.lines.freeLineNo() ?? this.lines.limit();
      const line = this.addLine(invitation, lineNo, invitation.remoteIdentity.uri.user ?? '', invitation.remoteIdentity.displayName);
      void line.answer(AUDIO_ONLY);
      return;
    }
    const lineNo = this.lines.freeLineNo();
    if (lineNo === undefined) {
      // Every line busy: the PBX can route the caller elsewhere (its busy treatment); the call is still
      // recorded, as missed, so the desk can call back.
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
      this.refusedBusy(invitation);
      return;
    }
    const line = this.addLine(invitation, lineNo, invitation.remoteIdentity.uri.user ?? '', invitation.remoteIdentity.displayName || undefined);
    this.bench.inviteArrived(line.id, arrivedAt);
  }

  /** Answers a ringing line (the longest-ringing one when none is named). */
  async answer(lineId?: string): Promise<boolean> {
    const line = lineId ? this.lines.get(lineId) : this.lines.oldestRinging();
    if (!line || line.state !== 'ringing') return false;
    for (const other of this.lines.activeOtherThan(line)) await other.setHold(true);
    await line.answer(AUDIO_ONLY).catch(() => line.notice('call-failed'));
    return true;
  }

  async hangup(lineId: string): Promise<void> {
    await this.lines.get(lineId)?.hangup();
  }

  async hold(lineId: string, hold: boolean): Promise<boolean> {
    const line = this.lines.get(lineId);
    if (!line) return false;
    if (!hold) {
      for (const other of this.lines.activeOtherThan(line)) await other.setHold(true);
    }
    return line.setHold(hold);
  }

  mute(lineId: string, muted: boolean): void {
    this.lines.get(lineId)?.setMuted(muted);
  }

  async dtmf(lineId: string, digits: string): Promise<boolean> {
    return (await this.lines.get(lineId)?.sendDtmf(digits)) ?? false;
  }

  /** Calls a name's extension or a number; `consultFor` marks a consultation for the caller held on that line. */
  dial(target: string, consultFor?: string): DialResult {
    const ua = this.lifecycle.userAgent;
    const domain = this.lifecycle.sipDomain();
    if (!ua || domain === undefined || !this.lifecycle.registered) return { ok: false, reason: 'not-registered' };
    const parsed = toSipTarget(target, domain);
    if (!parsed.ok) return { ok: false, reason: 'invalid-target' };
    const uri = UserAgent.makeURI(parsed.uri);
    if (!uri) return { ok: false, reason: 'invalid-target' };
    const lineNo = this.lines.freeLineNo();
    if (lineNo === undefined) return { ok: false, reason: 'no-free-line' };
    const inviter = new Inviter(ua, uri, { sessionDescriptionHandlerOptions: { constraints: AUDIO_ONLY } as never });
    const line = this.addLine(inviter, lineNo, parsed.user, undefined, consultFor);
    inviter
      .invite({
        requestDelegate: {
          onAccept: (response) => line.setRemoteAllow(response.message.getHeader('Allow')),
          onReject: (response) => line.setFinalResponse(response.message.statusCode ?? 0, response.message.reasonPhrase ?? ''),
        },
      })
      .catch(() => line.notice('call-failed'));
    return { ok: true, lineId: line.id };
  }

  /** The record of a call refused with 486 because every line was taken: it rang on no line and was missed. */
  private refusedBusy(invitation: Invitation): void {
    const at = Date.now();
    const call = applyCallEvent(startCall('inbound', at), { type: 'ended', at, cause: 'lines-busy', statusCode: 486 });
    const view: LineView = {
      id: ulid(),
      lineNo: 0,
      direction: 'inbound',
      remoteUser: invitation.remoteIdentity.uri.user ?? '',
      remoteName: invitation.remoteIdentity.displayName || undefined,
      state: call.state,
      muted: false,
      holdPending: false,
      ringStartedAt: at,
      endedAt: at,
      sipCallId: invitation.request.callId,
    };
    this.host.refused(view, call);
  }

  private addLine(session: Session, lineNo: number, remoteUser: string, remoteName?: string, consultFor?: string): PhoneLine {
    const line = new PhoneLine(session, lineNo, this.host, { remoteUser, remoteName, consultFor });
    this.lines.add(line);
    this.host.changed(line);
    return line;
  }
}
