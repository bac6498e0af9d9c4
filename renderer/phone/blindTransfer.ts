// Blind transfer (RFC 3515): REFER the caller to the target and follow the NOTIFYs. The operator's leg
// ends only after a NOTIFY whose sipfrag is 2xx; a REFER that is rejected, a failure sipfrag, no answer
// or a refer() that throws leaves the caller on this line with the operator. A web phone measured in
// our lab ended its leg on the 202 instead and lost every caller whose transfer then failed.
import { UserAgent } from 'sip.js';
import { toSipTarget } from '@shared/phone/sipTarget';
import type { PhoneLine } from './phoneLine';
import type { TransferResult } from './phoneTypes';

export async function blindTransfer(line: PhoneLine | undefined, target: string, sipDomain: string | undefined): Promise<TransferResult> {
  if (!line || sipDomain === undefined) return { ok: false, reason: 'no-line' };
  if (line.state !== 'active' && line.state !== 'held') return { ok: false, reason: 'wrong-state' };
  const parsed = toSipTarget(target, sipDomain);
  const uri = parsed.ok ? UserAgent.makeURI(parsed.uri) : undefined;
  if (!parsed.ok || !uri) return { ok: false, reason: 'invalid-target' };
  const outcome = await line.refer(uri, 'blind', parsed.user);
  if (!outcome.ok) return { ok: false, reason: outcome.timeout ? 'timeout' : 'failed', statusCode: outcome.statusCode };
  await line.hangup('local-hangup');
  return { ok: true };
}
