// Attended transfer: hold the caller, consult the target on another line, then REFER the held caller
// to the consultation (RFC 3891 Replaces). The held leg ends only after a NOTIFY with a 2xx sipfrag;
// on any failure (REFER rejected, failure sipfrag, no answer, the caller hung up while held so refer()
// rejects) the caller stays held with the operator, who gets back to them with "return to caller".
import { SessionState } from 'sip.js';
import type { LineTable } from './lineTable';
import type { PhoneLine } from './phoneLine';
import type { DialResult, TransferResult } from './phoneTypes';

/** The target's INVITE with Replaces makes it end our consult leg itself; after this long we end it. */
export const CONSULT_LEG_GRACE_MS = 2000;

export interface AttendedTransferDeps {
  lines: LineTable;
  dial(target: string, consultFor: string): DialResult;
  hold(lineId: string, hold: boolean): Promise<boolean>;
  /** How long a consultation may ring before it is given up (the desk's setting). */
  consultTimeoutMs(): number;
}

export type ConsultResult = DialResult | { ok: false; reason: 'no-line' | 'hold-failed' };

export class AttendedTransfers {
  private readonly consultTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: AttendedTransferDeps) {}

  /** Step 1: hold the caller and call the target on another line. */
  async startConsult(heldLineId: string, target: string): Promise<ConsultResult> {
    const caller = this.deps.lines.get(heldLineId);
    if (!caller || (caller.state !== 'active' && caller.state !== 'held')) return { ok: false, reason: 'no-line' };
    if (caller.state === 'active' && !(await caller.setHold(true))) return { ok: false, reason: 'hold-failed' };
    const result = this.deps.dial(target, heldLineId);
    if (!result.ok) return result;
    caller.markConsult(result.lineId);
    this.consultTimers.set(
      result.lineId,
      setTimeout(() => {
        const consult = this.deps.lines.get(result.lineId);
        if (consult && consult.state === 'dialing') {
          consult.notice('consult-no-answer');
          void consult.hangup('ring-timeout');
          caller.notice('consult-no-answer');
        }
      }, this.deps.consultTimeoutMs()),
    );
    return result;
  }

  /** Step 2: REFER the held caller to the consult call. */
  async complete(consultLineId: string): Promise<TransferResult> {
    const consult = this.deps.lines.get(consultLineId);
    const caller = consult?.view.consultFor ? this.deps.lines.get(consult.view.consultFor) : undefined;
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
    // Normally the target's Replaces has ended the consult leg by then; if not, no line is left hanging.
    setTimeout(() => void consult.hangup('local-hangup'), CONSULT_LEG_GRACE_MS);
    return { ok: true };
  }

  /** Back to the held caller: ends the consultation (if any) and resumes the caller. */
  async returnToCaller(lineId: string): Promise<boolean> {
    const { lines } = this.deps;
    const line = lines.get(lineId);
    if (!line) return false;
    const caller = line.view.consultFor ? lines.get(line.view.consultFor) : line;
    const consult = caller?.view.consultLineId ? lines.get(caller.view.consultLineId) : line.view.consultFor ? line : undefined;
    if (consult && consult !== caller) await consult.hangup('local-hangup');
    if (!caller || !caller.isLive) return false;
    caller.markConsult(undefined);
    caller.clearNotice();
    return caller.state === 'held' ? this.deps.hold(caller.id, false) : true;
  }

  /**
   * A line ended. A finished consultation no longer belongs to the held caller; if it never connected,
   * the operator is told on the caller's line how to get back (F10).
   */
  lineEnded(line: PhoneLine): void {
    const timer = this.consultTimers.get(line.id);
    if (timer) clearTimeout(timer);
    this.consultTimers.delete(line.id);
    for (const other of this.deps.lines.all()) {
      if (other.view.consultLineId !== line.id) continue;
      other.markConsult(undefined);
      if (line.call.answeredAt === undefined && other.isLive && other.view.notice?.code !== 'consult-no-answer') {
        // sip.js ends the consult session before it hands over the final response (486, 404 …), in the
        // same turn: read the status code once that turn is over, so the caller's line says "486 busy",
        // not "no answer".
        queueMicrotask(() => {
          if (other.isLive && other.view.notice?.code !== 'consult-no-answer') other.notice('consult-failed', { statusCode: line.finalStatusCode });
        });
      }
    }
  }
}
