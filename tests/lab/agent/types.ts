/**
 * The contract of `window.labAgent` (tests/lab/agent/agent.ts), shared with the Playwright tests.
 * Plain types only: no sip.js, no DOM, no Node.
 */

export type LabDirection = 'incoming' | 'outgoing';
export type LabSessionState = 'Initial' | 'Establishing' | 'Established' | 'Terminating' | 'Terminated';

export interface LabRegisterOptions {
  /** ws://127.0.0.1:<port> */
  wsUrl: string;
  /** extension, e.g. "2000" */
  user: string;
  displayName?: string;
  /** SIP domain; default: the host of wsUrl (127.0.0.1) */
  domain?: string;
  /** REGISTER expiry in seconds (default 600) */
  expires?: number;
  /** sip.js SDH iceGatheringTimeout in ms (default: sip.js default, 5000; gathering completes in ~100 ms on loopback) */
  iceGatheringTimeout?: number;
  /** re-connect and re-REGISTER after the server dropped the WebSocket (default true) */
  reconnect?: boolean;
  /** delay between reconnection attempts, ms (default 500) */
  reconnectDelayMs?: number;
  /** how long register() waits for the 200 OK (default 5000) */
  timeoutMs?: number;
}

export interface LabCallOptions {
  extraHeaders?: string[];
}

export interface LabMediaSnapshot {
  /** audio RTP payload bytes received so far (RTCInboundRtpStreamStats.bytesReceived) */
  inboundBytes: number;
  /** audio RTP payload bytes sent so far */
  outboundBytes: number;
  /** inbound audio bytes increased during the last ~0.6 s */
  flowing: boolean;
  /** outbound audio bytes increased during the last ~0.6 s */
  sending: boolean;
  iceState: string | null;
  /** epoch ms (timeOrigin + performance.now) of the first inbound RTP packet, null if none yet */
  firstInboundAt: number | null;
}

export interface LabSessionSnapshot {
  /** the SIP Call-ID (suffixed with "#2" etc. only if this agent already has a session with that Call-ID) */
  id: string;
  callId: string;
  direction: LabDirection;
  /** the other party: the answerer's P-Asserted-Identity if sent (lab agents send one), else the To/From user */
  remoteUser: string | null;
  remoteDisplayName: string | null;
  state: LabSessionState;
  /** incoming INVITE still waiting for answer()/reject() */
  ringing: boolean;
  /** we put the call on hold (our re-INVITE with a=sendonly was accepted) */
  held: boolean;
  /** the other side put us on hold (its last offer was sendonly/inactive) */
  remoteHeld: boolean;
  media: LabMediaSnapshot;
  /** this outgoing session was created by following a REFER received on session `referredFrom` */
  referredFrom: string | null;
  /** this incoming session replaced (INVITE with Replaces) our session `replaces` */
  replaces: string | null;
  createdAt: number;
  establishedAt: number | null;
  terminatedAt: number | null;
  /** e.g. "BYE received", "BYE sent", "486 Busy Here", "CANCEL received", "canceled" */
  endReason: string | null;
}

/** A SIP MESSAGE (RFC 3428) the agent received */
export interface LabReceivedMessage {
  /** the From user (the sender's extension) */
  from: string;
  fromDisplayName: string | null;
  to: string;
  contentType: string | null;
  body: string;
  /** Date.now() on arrival */
  at: number;
  /** the status the agent answered with */
  answered: number;
}

export interface LabAgentState {
  user: string | null;
  displayName: string | null;
  transport: string;
  /** the last REGISTER since the last (re)connect got a 2xx */
  registered: boolean;
  /** REGISTER 2xx responses so far (initial + refreshes + re-registrations after reconnects) */
  registerCount: number;
  registererState: string | null;
  autoAnswer: { after: number } | false;
  autoReject: number | false;
  sessions: LabSessionSnapshot[];
  /** sessions not Terminated */
  active: LabSessionSnapshot[];
  /** unhandled rejections / errors caught on the page, and failures inside the agent's own handlers */
  errors: string[];
  /** errors sip.js logged (some are expected, e.g. refer() on a terminated session) */
  sipjsErrors: string[];
  /** SIP MESSAGE requests received, oldest first */
  messages: LabReceivedMessage[];
}

export type LabEventType =
  | 'transport-connected'
  | 'transport-disconnected'
  | 'reconnect-attempt'
  | 'registered'
  | 'unregistered'
  | 'register-failed'
  | 'dialing'
  | 'invite-sent'
  | 'invite-received'
  | 'progress'
  | 'answered'
  | 'rejected'
  | 'established'
  | 'terminated'
  | 'ice-connected'
  | 'media-flowing'
  | 'hold'
  | 'unhold'
  | 'remote-hold'
  | 'remote-unhold'
  | 'dtmf-sent'
  | 'dtmf-received'
  | 'refer-sent'
  | 'refer-accepted'
  | 'refer-rejected'
  | 'refer-notify'
  | 'refer-received'
  | 'transfer-completed'
  | 'transfer-failed'
  | 'message-received'
  | 'error';

export interface LabEvent {
  seq: number;
  type: LabEventType;
  /** performance.now() of the page */
  t: number;
  /** performance.timeOrigin + performance.now(): high-resolution epoch ms, comparable across pages */
  at: number;
  /** Date.now() */
  wall: number;
  sessionId?: string;
  callId?: string;
  /** free-form details: remote user, status code, sipfrag, digit, ... */
  detail?: Record<string, string | number | boolean | null>;
}

export interface LabTransferResult {
  ok: boolean;
  /** status code of the final sipfrag (or of the REFER's rejection), null on timeout/local error */
  code: number | null;
  reason: string;
  /** every sipfrag received, in order, e.g. ["SIP/2.0 100 Trying", "SIP/2.0 200 OK"] */
  sipfrags: string[];
  /** REFER response status (202), null if none */
  referStatus: number | null;
  startedAt: number;
  finishedAt: number;
}

export interface LabWireEntry {
  at: number;
  dir: 'in' | 'out';
  /** first line, e.g. "INVITE sip:3001@127.0.0.1 SIP/2.0" or "SIP/2.0 180 Ringing" */
  line: string;
  callId: string | null;
  cseq: string | null;
}

export interface LabAgentApi {
  register(options: LabRegisterOptions): Promise<void>;
  unregister(): Promise<void>;
  /** returns the new session's id (its Call-ID) once the INVITE has been sent */
  call(target: string, options?: LabCallOptions): Promise<string>;
  /** answers the given (or the oldest ringing) incoming call; returns its id */
  answer(callId?: string): Promise<string>;
  /** rejects the given (or the oldest ringing) incoming call with `code` (486, 404, 603, ...) */
  reject(code: number, callId?: string): Promise<string>;
  autoAnswer(setting: { after: number } | false): void;
  autoReject(code: number | false): void;
  /** ends a call whatever its state (CANCEL, reject or BYE); without id: every active call */
  hangup(callId?: string): Promise<void>;
  hold(callId: string): Promise<void>;
  unhold(callId: string): Promise<void>;
  /** SIP INFO application/dtmf-relay (default) or RFC 4733 via RTCDTMFSender ('rtp') */
  sendDtmf(callId: string, digits: string, options?: { method?: 'info' | 'rtp' }): Promise<void>;
  /** REFER to target; resolves on the final sipfrag (ok on 2xx: then, and only then, our leg is hung up) */
  blindTransfer(callId: string, target: string, options?: { timeoutMs?: number }): Promise<LabTransferResult>;
  /** REFER with Replaces on the held leg; on a 2xx sipfrag our held leg is hung up (the target ends the consult leg) */
  attendedTransfer(heldCallId: string, consultCallId: string, options?: { timeoutMs?: number }): Promise<LabTransferResult>;
  state(): LabAgentState;
  /** the status code to answer SIP MESSAGE with from now on (default 200) */
  messageReply(code: number): void;
  /** the event log (copy); with sinceSeq only newer events */
  events(sinceSeq?: number): LabEvent[];
  /** waits in the page for an event matching type (and optionally sessionId/callId) */
  waitForEvent(type: LabEventType, options?: { sessionId?: string; sinceSeq?: number; timeoutMs?: number }): Promise<LabEvent>;
  /** SIP start lines sent/received (debugging) */
  wire(): LabWireEntry[];
  /** the event log itself */
  readonly log: LabEvent[];
}

declare global {
  interface Window {
    labAgent: LabAgentApi;
  }
}
