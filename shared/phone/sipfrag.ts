// RFC 3515 §2.4.5: the NOTIFYs of a REFER carry a message/sipfrag body whose first line is the status
// line of the transferee's INVITE to the target. Only a 2xx there means the transfer succeeded; the
// operator's leg must stay up until then (docs/ARCHITECTURE.md, lab facts).

export interface SipFragStatus {
  statusCode: number;
  reason: string;
}

export function parseSipFrag(body: string | undefined): SipFragStatus | undefined {
  if (!body) return undefined;
  const match = /^\s*SIP\/2\.0\s+(\d{3})(?:\s+([^\r\n]*))?/.exec(body);
  if (!match) return undefined;
  return { statusCode: Number(match[1]), reason: (match[2] ?? '').trim() };
}

export type TransferProgress = 'trying' | 'ringing' | 'answered' | 'failed';

export function progressOf(statusCode: number): TransferProgress {
  if (statusCode >= 300) return 'failed';
  if (statusCode >= 200) return 'answered';
  if (statusCode >= 180) return 'ringing';
  return 'trying';
}
