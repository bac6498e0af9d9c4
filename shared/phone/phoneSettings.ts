// The softphone's settings. The SIP password is not here: it goes through the bridge's secrets
// (OS-protected storage in Electron), never into IndexedDB or a plain file (docs/REQUIREMENTS.md §6).
import { z } from 'zod';
import { parseSipServerAddress, type SipServerProblem } from './sipServerAddress';

/**
 * wss:// in production; ws:// only to the same machine (the SIP lab). 'bad-address' is anything but a plain
 * host name or IP literal, a port and a simple path (sipServerAddress.ts says why: it ends up in the CSP).
 */
export function checkSipServerUrl(value: string): 'ok' | SipServerProblem {
  const parsed = parseSipServerAddress(value);
  return parsed.ok ? 'ok' : parsed.problem;
}

export const iceServerSchema = z.object({
  urls: z.string().regex(/^(stun|stuns|turn|turns):/i, 'stun:, stuns:, turn: or turns: URL'),
  username: z.string().optional(),
  credential: z.string().optional(),
});

/** Lines (concurrent calls) a desk takes unless set otherwise, and the most it may be set to. */
export const DEFAULT_LINES = 4;
export const MAX_LINES_LIMIT = 8;

export const phoneSettingsSchema = z.object({
  server: z.string().refine((v) => checkSipServerUrl(v) === 'ok', { message: 'sip-server' }),
  /** SIP domain of the extension's address of record; defaults to the server's host. */
  domain: z.string().regex(/^[A-Za-z0-9.\-[\]:]+$/).optional(),
  extension: z.string().regex(/^[A-Za-z0-9_.+-]{1,64}$/),
  authUser: z.string().max(128).optional(),
  displayName: z.string().max(64).optional(),
  iceServers: z.array(iceServerSchema).max(8).default([]),
  ringDeviceId: z.string().optional(),
  speakerDeviceId: z.string().optional(),
  answerKey: z.string().default('F2'),
  /** How many calls the softphone takes at once; one more is refused with 486 Busy Here and recorded as missed. */
  lines: z.number().int().min(1).max(MAX_LINES_LIMIT).default(DEFAULT_LINES),
  /** Seconds a caller may wait on hold before the call rings back at the console (recall). */
  holdRecallSeconds: z.number().int().min(10).max(3600).default(60),
  /** Seconds to ring a consult target before giving up and offering the held caller back. */
  consultTimeoutSeconds: z.number().int().min(5).max(120).default(25),
  /** Send DTMF as SIP INFO instead of RFC 4733 telephone-events. */
  dtmfViaInfo: z.boolean().default(false),
});

export type PhoneSettings = z.infer<typeof phoneSettingsSchema>;

export function sipDomainOf(settings: Pick<PhoneSettings, 'server' | 'domain'>): string {
  if (settings.domain) return settings.domain;
  return new URL(settings.server).hostname;
}
