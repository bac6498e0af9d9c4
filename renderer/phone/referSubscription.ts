// A REFER and the implicit subscription it creates (RFC 3515): the outcome is decided only by the
// NOTIFY sipfrag (2xx: the transfer target answered; 3xx–6xx: it failed), by the REFER's own rejection,
// by refer() rejecting (the session is gone, e.g. a held caller hung up) or by no final NOTIFY in time.
// The 202 that accepts the REFER decides nothing: the target has not answered yet.
import type { Session } from 'sip.js';
import { messageOf } from '@shared/errors/messageOf';
import { parseSipFrag, progressOf, type TransferProgress } from '@shared/phone/sipfrag';

/** A REFER outcome, decided only by the NOTIFY sipfrag (RFC 3515) or the REFER's own rejection. */
export type ReferOutcome = { ok: true } | { ok: false; statusCode?: number; reason?: string; timeout?: boolean };

export const REFER_TIMEOUT_MS = 45_000;

/** Sends the REFER and follows its NOTIFYs; `onProgress` hears each provisional sipfrag (100 Trying, 180 Ringing …). */
export function followRefer(
  session: Session,
  target: Parameters<Session['refer']>[0],
  onProgress: (progress: Exclude<TransferProgress, 'answered' | 'failed'>, statusCode: number) => void,
): Promise<ReferOutcome> {
  return new Promise<ReferOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: ReferOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, timeout: true }), REFER_TIMEOUT_MS);
    session
      .refer(target, {
        requestDelegate: {
          onReject: (response) => finish({ ok: false, statusCode: response.message.statusCode, reason: response.message.reasonPhrase }),
        },
        onNotify: (notification) => {
          notification.accept().catch(() => undefined);
          const frag = parseSipFrag(notification.request.body);
          if (!frag) return;
          const progress = progressOf(frag.statusCode);
          if (progress === 'answered') finish({ ok: true });
          else if (progress === 'failed') finish({ ok: false, statusCode: frag.statusCode, reason: frag.reason });
          else if (!settled) onProgress(progress, frag.statusCode);
        },
      })
      .catch((error: unknown) => finish({ ok: false, reason: messageOf(error) }));
  });
}
