// SIP MESSAGE (RFC 3428) from the desk's registered UserAgent: a message (留言) delivered as a text to the
// recipient's extension where the PBX relays MESSAGE (the lab's Kamailio does). Resolves with the PBX's
// final answer; never throws (a refusal or a timeout is an outcome the screen records as a failed delivery).
import { Messager, UserAgent } from 'sip.js';
import { toSipTarget } from '@shared/phone/sipTarget';

export type SipMessageResult =
  | { ok: true; statusCode: number; uri: string }
  | { ok: false; reason: 'not-registered' | 'invalid-target' | 'rejected' | 'timeout' | 'failed'; statusCode?: number; uri?: string; detail?: string };

export async function sendSipMessage(ua: UserAgent | undefined, registered: boolean, domain: string | undefined, target: string, body: string, timeoutMs = 10_000): Promise<SipMessageResult> {
  if (!ua || !registered || !domain) return { ok: false, reason: 'not-registered' };
  const parsed = toSipTarget(target, domain);
  const uri = parsed.ok ? UserAgent.makeURI(parsed.uri) : undefined;
  if (!parsed.ok || !uri) return { ok: false, reason: 'invalid-target' };
  const address = parsed.uri;
  return new Promise<SipMessageResult>((resolve) => {
    let settled = false;
    const done = (result: SipMessageResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => done({ ok: false, reason: 'timeout', uri: address }), timeoutMs);
    try {
      const messager = new Messager(ua, uri, body, 'text/plain;charset=utf-8');
      messager
        .message({
          requestDelegate: {
            onAccept: (response) => done({ ok: true, statusCode: response.message.statusCode ?? 200, uri: address }),
            onReject: (response) => done({ ok: false, reason: 'rejected', statusCode: response.message.statusCode, uri: address, detail: response.message.reasonPhrase }),
          },
        })
        .catch((error: unknown) => done({ ok: false, reason: 'failed', uri: address, detail: error instanceof Error ? error.message : String(error) }));
    } catch (error) {
      done({ ok: false, reason: 'failed', uri: address, detail: error instanceof Error ? error.message : String(error) });
    }
  });
}
