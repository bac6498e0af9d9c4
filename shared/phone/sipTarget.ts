// What the operator types or picks as a call or transfer target, turned into a SIP URI.
// Accepts an extension or phone number (digits, *, #, optional leading +), or a full sip: URI.

export type SipTargetResult = { ok: true; uri: string; user: string } | { ok: false; reason: 'empty' | 'invalid' };

export function toSipTarget(input: string, domain: string): SipTargetResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, reason: 'empty' };
  const sip = /^sips?:([^@\s;]+)@([^\s;>]+)(;[^\s]*)?$/i.exec(raw);
  if (sip) return { ok: true, uri: raw, user: sip[1]! };
  const compact = raw.replace(/[\s\-().]/g, '');
  if (!/^\+?[0-9*#]{1,32}$/.test(compact)) return { ok: false, reason: 'invalid' };
  return { ok: true, uri: `sip:${compact}@${domain}`, user: compact };
}

/** Digits only, for matching a number against earlier calls and the directory. */
export function numberKey(value: string | undefined): string {
  return (value ?? '').replace(/\D/g, '');
}
