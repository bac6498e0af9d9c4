/**
 * Lab SIP agent: a bare sip.js 0.21 phone driven by Playwright through `window.labAgent`
 * (see ./types.ts for the contract). Bundled by ./build.ts (sip.js is ESM only).
 *
 * Lab facts applied here (docs/ARCHITECTURE.md, "The SIP lab"):
 * - sipExtensionReplaces: Supported (else the INVITE-with-Replaces arrives as a new call)
 * - peerConnectionConfiguration.iceServers: [] (no public STUN on a loopback lab)
 * - REFER received: accept and follow (referral.makeInviter().invite())
 * - invitations with a `replacee` are accepted at once (sip.js BYEs the replaced leg itself)
 * - transfers: our leg ends ONLY after a NOTIFY with a 2xx sipfrag; any failure keeps the call
 */
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  Session,
  SessionState,
  SIPExtension,
  UserAgent,
  type Bye,
  type Cancel,
  type Info,
  type Message,
  type Notification,
  type Referral,
  type Web,
} from 'sip.js';
import type {
  LabAgentApi,
  LabAgentState,
  LabCallOptions,
  LabDirection,
  LabEvent,
  LabEventType,
  LabReceivedMessage,
  LabRegisterOptions,
  LabSessionSnapshot,
  LabTransferResult,
  LabWireEntry,
} from './types';

const AUDIO_ONLY = { constraints: { audio: true, video: false } };
const FLOW_WINDOW_MS = 600;
const STATS_INTERVAL_MS = 200;

interface StatsSample {
  at: number;
  inbound: number;
  outbound: number;
}

interface Tracked {
  id: string;
  callId: string;
  direction: LabDirection;
  session: Session;
  held: boolean;
  remoteHeld: boolean;
  referredFrom: string | null;
  replaces: string | null;
  createdAt: number;
  establishedAt: number | null;
  terminatedAt: number | null;
  endReason: string | null;
  samples: StatsSample[];
  iceState: string | null;
  firstInboundAt: number | null;
  timers: number[];
  pcHooked: boolean;
  /** the user in the answerer's P-Asserted-Identity (if it sent one) */
  assertedUser: string | null;
}

const now = (): number => performance.timeOrigin + performance.now();

const log: LabEvent[] = [];
const wireLog: LabWireEntry[] = [];
const errors: string[] = [];
/** errors sip.js logged (often expected, e.g. refer() on a terminated session) */
const sipjsErrors: string[] = [];
/** SIP MESSAGE requests received (RFC 3428), answered 200 OK unless messageReply says otherwise */
const received: LabReceivedMessage[] = [];
let messageReplyCode = 200;
let seq = 0;

function onIncomingMessage(message: Message): void {
  const request = message.request;
  const entry: LabReceivedMessage = {
    from: request.from.uri.user ?? '',
    fromDisplayName: request.from.displayName || null,
    to: request.to.uri.user ?? '',
    contentType: request.getHeader('Content-Type') ?? null,
    body: request.body ?? '',
    at: Date.now(),
    answered: messageReplyCode,
  };
  received.push(entry);
  emit('message-received', null, { from: entry.from, contentType: entry.contentType, length: entry.body.length, answered: messageReplyCode });
  try {
    if (messageReplyCode >= 200 && messageReplyCode < 300) void message.accept();
    else void message.reject({ statusCode: messageReplyCode });
  } catch (error) {
    fail(null, `answering MESSAGE: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function emit(type: LabEventType, tracked?: Tracked | null, detail?: LabEvent['detail']): LabEvent {
  const t = performance.now();
  const ev: LabEvent = { seq: ++seq, type, t, at: performance.timeOrigin + t, wall: Date.now() };
  if (tracked) {
    ev.sessionId = tracked.id;
    ev.callId = tracked.callId;
  }
  if (detail) ev.detail = detail;
  log.push(ev);
  for (const w of waiters.slice()) w(ev);
  return ev;
}
const waiters: Array<(ev: LabEvent) => void> = [];

/** record a failure: state().errors (tests assert it stays empty) and an 'error' event */
function fail(tracked: Tracked | null, message: string): void {
  errors.push(message);
  emit('error', tracked, { message });
}

window.addEventListener('unhandledrejection', (e) => {
  fail(null, `unhandledrejection: ${String((e.reason as Error)?.stack ?? e.reason)}`);
});
window.addEventListener('error', (e) => {
  fail(null, `error: ${e.message}`);
});

// ---------------------------------------------------------------------------------------------
let ua: UserAgent | null = null;
let registerer: Registerer | null = null;
let opts: LabRegisterOptions | null = null;
let domain = '127.0.0.1';
let wantRegistered = false;
let registerCount = 0;
let registeredFlag = false;
let stopping = false;
let reconnectTimer: number | null = null;
let autoAnswerSetting: { after: number } | false = false;
let autoRejectSetting: number | false = false;
const sessions = new Map<string, Tracked>();

function headerValue(msg: string, names: string[]): string | null {
  for (const n of names) {
    const m = new RegExp(`^${n}\\s*:\\s*(.+?)\\s*$`, 'mi').exec(msg);
    if (m?.[1]) return m[1];
  }
  return null;
}

function wire(dir: 'in' | 'out', msg: string): void {
  const line = msg.slice(0, msg.indexOf('\r\n') >= 0 ? msg.indexOf('\r\n') : 200);
  if (!line) return; // keep-alive CRLFs
  const callId = headerValue(msg, ['Call-ID', 'i']);
  const cseq = headerValue(msg, ['CSeq']);
  const at = now();
  wireLog.push({ at, dir, line, callId, cseq });
  if (wireLog.length > 2000) wireLog.splice(0, wireLog.length - 2000);
  if (dir === 'out' && line.startsWith('INVITE ')) {
    const to = headerValue(msg, ['To', 't']) ?? '';
    if (!/;\s*tag=/i.test(to)) {
      const tr = callId ? [...sessions.values()].find((s) => s.callId === callId && s.direction === 'outgoing') : undefined;
      emit('invite-sent', tr ?? null, { callId, target: line.split(' ')[1] ?? '' });
    }
  }
}

function toUri(target: string) {
  const s = target.startsWith('sip:') ? target : `sip:${target.includes('@') ? target : `${target}@${domain}`}`;
  const uri = UserAgent.makeURI(s);
  if (!uri) throw new Error(`invalid target ${target}`);
  return uri;
}

function requireUa(): UserAgent {
  if (!ua) throw new Error('labAgent: register() first');
  return ua;
}

function getTracked(id?: string, filter?: (t: Tracked) => boolean): Tracked {
  if (id !== undefined) {
    const t = sessions.get(id);
    if (!t) throw new Error(`labAgent: no session ${id}`);
    return t;
  }
  const t = [...sessions.values()].find((s) => (filter ? filter(s) : s.session.state !== SessionState.Terminated));
  if (!t) throw new Error('labAgent: no matching session');
  return t;
}

function peerConnection(t: Tracked): RTCPeerConnection | undefined {
  const sdh = t.session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  return sdh?.peerConnection;
}

function isRinging(t: Tracked): boolean {
  return t.session instanceof Invitation && t.session.state === SessionState.Initial && t.direction === 'incoming';
}

function offerIsHold(body: string | undefined): boolean {
  if (!body) return false;
  const audio = body.split(/^m=/m).find((sec) => sec.startsWith('audio')) ?? body;
  return /^a=(sendonly|inactive)\s*$/m.test(audio);
}

async function sampleStats(t: Tracked): Promise<void> {
  const pc = peerConnection(t);
  if (!pc || pc.connectionState === 'closed') return;
  let inbound = 0;
  let outbound = 0;
  const report = await pc.getStats();
  report.forEach((s: { type?: string; kind?: string; mediaType?: string; bytesReceived?: number; bytesSent?: number }) => {
    const kind = s.kind ?? s.mediaType;
    if (s.type === 'inbound-rtp' && kind === 'audio') inbound += s.bytesReceived ?? 0;
    if (s.type === 'outbound-rtp' && kind === 'audio') outbound += s.bytesSent ?? 0;
  });
  t.samples.push({ at: now(), inbound, outbound });
  if (t.samples.length > 20) t.samples.splice(0, t.samples.length - 20);
}

/** Hook the peer connection once it exists: ICE state, first RTP packet, periodic stats. */
function hookPeerConnection(t: Tracked): void {
  const pc = peerConnection(t);
  if (!pc || t.pcHooked) return;
  t.pcHooked = true;
  t.iceState = pc.iceConnectionState;
  pc.addEventListener('iceconnectionstatechange', () => {
    t.iceState = pc.iceConnectionState;
    if (pc.iceConnectionState === 'connected') emit('ice-connected', t);
  });
  // first inbound RTP: poll getStats quickly (10 ms) until packets arrive, then every STATS_INTERVAL_MS.
  // (RTCRtpReceiver.getSynchronizationSources() stays empty here: nothing plays the audio out.)
  let fastBusy = false;
  const fast = window.setInterval(() => {
    if (t.session.state === SessionState.Terminated || t.firstInboundAt !== null) {
      window.clearInterval(fast);
      return;
    }
    if (fastBusy) return;
    fastBusy = true;
    pc.getStats()
      .then((report) => {
        let packets = 0;
        report.forEach((s: { type?: string; kind?: string; packetsReceived?: number }) => {
          if (s.type === 'inbound-rtp' && s.kind === 'audio') packets += s.packetsReceived ?? 0;
        });
        if (packets > 0 && t.firstInboundAt === null) {
          t.firstInboundAt = now();
          emit('media-flowing', t);
          window.clearInterval(fast);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        fastBusy = false;
      });
  }, 10);
  const slow = window.setInterval(() => {
    if (t.session.state === SessionState.Terminated) {
      window.clearInterval(slow);
      return;
    }
    sampleStats(t).catch(() => undefined);
  }, STATS_INTERVAL_MS);
  t.timers.push(fast, slow);
}

function track(session: Session, direction: LabDirection, extra: Partial<Tracked> = {}): Tracked {
  const callId = session instanceof Inviter ? session.request.callId : (session as Invitation).request.callId;
  let id = callId;
  for (let n = 2; sessions.has(id); n++) id = `${callId}#${n}`;
  const t: Tracked = {
    id,
    callId,
    direction,
    session,
    held: false,
    remoteHeld: false,
    referredFrom: null,
    replaces: null,
    createdAt: now(),
    establishedAt: null,
    terminatedAt: null,
    endReason: null,
    samples: [],
    iceState: null,
    firstInboundAt: null,
    timers: [],
    pcHooked: false,
    assertedUser: null,
    ...extra,
  };
  sessions.set(id, t);

  session.delegate = {
    onBye: (bye: Bye) => {
      t.endReason ??= 'BYE received';
      bye.accept().catch(() => undefined);
    },
    onCancel: (_cancel: Cancel) => {
      t.endReason ??= 'CANCEL received';
    },
    onInfo: (info: Info) => {
      const body = info.request.body ?? '';
      const signal = /Signal\s*=\s*([0-9A-D*#])/i.exec(body)?.[1];
      info.accept().catch(() => undefined);
      if (signal) emit('dtmf-received', t, { digit: signal });
    },
    onInvite: (request) => {
      // re-INVITE from the other side (hold / unhold)
      const hold = offerIsHold(request.body);
      if (hold !== t.remoteHeld) {
        t.remoteHeld = hold;
        emit(hold ? 'remote-hold' : 'remote-unhold', t);
      }
    },
    onRefer: (referral: Referral) => {
      emit('refer-received', t, { referTo: referral.referTo.toString(), replaces: referral.replaces !== undefined });
      referral
        .accept()
        .then(() => {
          const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: AUDIO_ONLY });
          return sendInvite(track(inviter, 'outgoing', { referredFrom: t.id }), inviter);
        })
        .catch((err: unknown) => fail(t, `following REFER failed: ${String(err)}`));
    },
    onSessionDescriptionHandler: () => hookPeerConnection(t),
  };

  session.stateChange.addListener((state) => {
    if (state === SessionState.Established) {
      t.establishedAt = now();
      hookPeerConnection(t);
      emit('established', t, { remote: remoteUser(t) });
    } else if (state === SessionState.Terminated) {
      t.terminatedAt = now();
      for (const timer of t.timers) window.clearInterval(timer);
      // sip.js transitions to Terminated before it calls the request delegate's onReject (same stack):
      // let that record the final response first
      queueMicrotask(() => {
        t.endReason ??= 'terminated';
        emit('terminated', t, { reason: t.endReason });
      });
    }
  });
  return t;
}

function remoteUser(t: Tracked): string | null {
  return t.assertedUser ?? t.session.remoteIdentity?.uri?.user ?? null;
}

/** user part of a P-Asserted-Identity header value, e.g. '"Finance" <sip:3001@127.0.0.1>' → "3001" */
function assertedUser(value: string | undefined): string | null {
  if (!value) return null;
  return /sips?:([^@;>]+)@/i.exec(value)?.[1] ?? null;
}

/** our own identity for the answer (the Refer-To of an attended transfer is a bare Contact: this tells the
 * transferee who it is now talking to, as a PBX or desk phone would) */
function identityHeaders(): string[] {
  if (!opts) return [];
  const name = (opts.displayName ?? opts.user).replace(/"/g, '');
  return [`P-Asserted-Identity: "${name}" <sip:${opts.user}@${domain}>`];
}

function acceptInvitation(invitation: Invitation): Promise<void> {
  return invitation.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY, extraHeaders: identityHeaders() });
}

/** send an Inviter's INVITE, recording 18x progress, the final failure code and the answerer's identity */
function sendInvite(t: Tracked, inviter: Inviter): Promise<unknown> {
  return inviter.invite({
    requestDelegate: {
      onProgress: (response) => emit('progress', t, { code: response.message.statusCode ?? null }),
      onAccept: (response) => {
        const pai = assertedUser(response.message.getHeader('P-Asserted-Identity'));
        if (pai) t.assertedUser = pai;
      },
      onReject: (response) => {
        t.endReason ??= `${response.message.statusCode ?? ''} ${response.message.reasonPhrase ?? ''}`.trim();
      },
    },
  });
}

function mediaSnapshot(t: Tracked) {
  const s = t.samples;
  const last = s[s.length - 1];
  let flowing = false;
  let sending = false;
  if (last && now() - last.at < FLOW_WINDOW_MS + STATS_INTERVAL_MS && t.session.state === SessionState.Established) {
    // the newest sample that is at least ~FLOW_WINDOW_MS older than the last one (or the oldest we have)
    const ref = [...s].reverse().find((x) => last.at - x.at >= FLOW_WINDOW_MS - 50) ?? (s.length > 2 ? s[0] : undefined);
    if (ref && ref !== last) {
      flowing = last.inbound > ref.inbound;
      sending = last.outbound > ref.outbound;
    }
  }
  return {
    inboundBytes: last?.inbound ?? 0,
    outboundBytes: last?.outbound ?? 0,
    flowing,
    sending,
    iceState: t.iceState,
    firstInboundAt: t.firstInboundAt,
  };
}

function snapshot(t: Tracked): LabSessionSnapshot {
  return {
    id: t.id,
    callId: t.callId,
    direction: t.direction,
    remoteUser: remoteUser(t),
    remoteDisplayName: t.session.remoteIdentity?.displayName || null,
    state: t.session.state as LabSessionSnapshot['state'],
    ringing: isRinging(t),
    held: t.held,
    remoteHeld: t.remoteHeld,
    media: mediaSnapshot(t),
    referredFrom: t.referredFrom,
    replaces: t.replaces,
    createdAt: t.createdAt,
    establishedAt: t.establishedAt,
    terminatedAt: t.terminatedAt,
    endReason: t.endReason,
  };
}

function onIncoming(invitation: Invitation): void {
  const replacee = invitation.replacee;
  const replaced = replacee ? [...sessions.values()].find((s) => s.session === replacee) : undefined;
  const t = track(invitation, 'incoming', { replaces: replaced?.id ?? (replacee ? 'unknown' : null) });
  emit('invite-received', t, {
    from: invitation.remoteIdentity.uri.user ?? null,
    displayName: invitation.remoteIdentity.displayName || null,
    replaces: replaced?.id ?? null,
  });
  if (replacee) {
    // attended transfer: the INVITE with Replaces takes over our established leg
    acceptInvitation(invitation).catch((err: unknown) => fail(t, String(err)));
    return;
  }
  if (autoRejectSetting !== false) {
    const code = autoRejectSetting;
    t.endReason = `rejected ${code}`;
    invitation.reject({ statusCode: code }).catch(() => undefined);
    emit('rejected', t, { code });
    return;
  }
  if (autoAnswerSetting !== false) {
    const after = autoAnswerSetting.after;
    window.setTimeout(() => {
      if (invitation.state === SessionState.Initial) {
        emit('answered', t, { auto: true });
        acceptInvitation(invitation).catch((err: unknown) => fail(t, String(err)));
      }
    }, after);
  }
}

function scheduleReconnect(): void {
  if (!ua || stopping || !opts || opts.reconnect === false || reconnectTimer !== null) return;
  const delay = opts.reconnectDelayMs ?? 500;
  reconnectTimer = window.setTimeout(() => {
    reconnectTimer = null;
    if (!ua || stopping) return;
    emit('reconnect-attempt');
    ua.reconnect().catch(() => scheduleReconnect());
  }, delay);
}

function waitRegistered(reg: Registerer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (reg.state === RegistererState.Registered) {
      resolve();
      return;
    }
    const timer = window.setTimeout(() => {
      reg.stateChange.removeListener(listener);
      reject(new Error(`REGISTER timed out after ${timeoutMs} ms (state ${reg.state})`));
    }, timeoutMs);
    const listener = (s: RegistererState) => {
      if (s === RegistererState.Registered) {
        window.clearTimeout(timer);
        reg.stateChange.removeListener(listener);
        resolve();
      }
    };
    reg.stateChange.addListener(listener);
  });
}

function sendRegister(): void {
  if (!registerer || !wantRegistered) return;
  const reg = registerer;
  reg
    .register({
      requestDelegate: {
        onAccept: (response) => {
          registeredFlag = true;
          registerCount++;
          emit('registered', null, { user: opts?.user ?? null, count: registerCount });
          void response;
        },
        onReject: (response) => {
          registeredFlag = false;
          emit('register-failed', null, { code: response.message.statusCode ?? null });
        },
      },
    })
    .catch((err: unknown) => {
      emit('register-failed', null, { message: String(err) });
      // a REGISTER lost with the old connection must time out first: try again later
      if (reg === registerer && wantRegistered) window.setTimeout(sendRegister, 1000);
    });
}

function settle<T>(p: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => window.setTimeout(() => r(undefined), timeoutMs))]);
}

// ---------------------------------------------------------------------------------------------
// transfer tracking: resolve on the final sipfrag; only a 2xx ends our leg
function trackRefer(
  t: Tracked,
  referTo: ReturnType<typeof toUri> | Session,
  kind: 'blind' | 'attended',
  timeoutMs: number,
): Promise<LabTransferResult> {
  const startedAt = now();
  const sipfrags: string[] = [];
  let referStatus: number | null = null;
  return new Promise<LabTransferResult>((resolve) => {
    let done = false;
    const finish = (ok: boolean, code: number | null, reason: string) => {
      if (done) return;
      done = true;
      window.clearTimeout(timer);
      t.session.stateChange.removeListener(onState);
      const result: LabTransferResult = { ok, code, reason, sipfrags, referStatus, startedAt, finishedAt: now() };
      emit(ok ? 'transfer-completed' : 'transfer-failed', t, { kind, code, reason });
      if (ok && t.session.state === SessionState.Established) {
        t.endReason = `transferred (${kind})`;
        t.session.bye().catch((err: unknown) => fail(t, `BYE after transfer: ${String(err)}`));
      }
      resolve(result);
    };
    const timer = window.setTimeout(() => finish(false, null, `no final NOTIFY within ${timeoutMs} ms`), timeoutMs);
    const onState = (s: SessionState) => {
      if (s === SessionState.Terminated) finish(false, null, `session terminated during transfer (${t.endReason ?? ''})`);
    };
    t.session.stateChange.addListener(onState);
    emit('refer-sent', t, { kind, target: referTo instanceof Session ? `replaces:${referTo.id}` : referTo.toString() });
    t.session
      .refer(referTo, {
        requestDelegate: {
          onAccept: (response) => {
            referStatus = response.message.statusCode ?? null;
            emit('refer-accepted', t, { code: referStatus });
          },
          onReject: (response) => {
            referStatus = response.message.statusCode ?? null;
            emit('refer-rejected', t, { code: referStatus });
            finish(false, referStatus, `REFER rejected: ${referStatus ?? ''} ${response.message.reasonPhrase ?? ''}`.trim());
          },
        },
        onNotify: (notification: Notification) => {
          notification.accept().catch(() => undefined);
          const frag = (notification.request.body ?? '').trim();
          const m = /^SIP\/2\.0\s+(\d{3})\s*(.*)$/m.exec(frag);
          const code = m?.[1] ? Number(m[1]) : null;
          sipfrags.push(frag.split(/\r?\n/)[0] ?? frag);
          emit('refer-notify', t, { code, sipfrag: frag.split(/\r?\n/)[0] ?? frag });
          if (code !== null && code >= 200 && code < 300) finish(true, code, m?.[2] ?? 'OK');
          else if (code !== null && code >= 300) finish(false, code, `transfer target answered ${code} ${m?.[2] ?? ''}`.trim());
        },
      })
      .catch((err: unknown) => finish(false, null, `refer() failed: ${String((err as Error)?.message ?? err)}`));
  });
}

// ---------------------------------------------------------------------------------------------
const api: LabAgentApi = {
  get log() {
    return log;
  },

  async register(options: LabRegisterOptions): Promise<void> {
    if (ua) await api.unregister();
    opts = options;
    stopping = false;
    domain = options.domain ?? new URL(options.wsUrl).hostname;
    const uri = UserAgent.makeURI(`sip:${options.user}@${domain}`);
    if (!uri) throw new Error(`invalid user ${options.user}`);
    const sdhOptions: Web.SessionDescriptionHandlerConfiguration = { peerConnectionConfiguration: { iceServers: [] } };
    if (options.iceGatheringTimeout !== undefined) sdhOptions.iceGatheringTimeout = options.iceGatheringTimeout;
    const agent = new UserAgent({
      uri,
      displayName: options.displayName ?? options.user,
      transportOptions: { server: options.wsUrl, connectionTimeout: 5, traceSip: false },
      sipExtensionReplaces: SIPExtension.Supported,
      sessionDescriptionHandlerFactoryOptions: sdhOptions,
      logLevel: 'warn',
      logBuiltinEnabled: false,
      logConnector: (level, category, _label, content) => {
        if (level === 'error') sipjsErrors.push(`${category}: ${content}`);
      },
      delegate: {
        onInvite: (invitation) => onIncoming(invitation),
        onMessage: (message) => onIncomingMessage(message),
        onConnect: () => {
          emit('transport-connected');
          if (reconnectTimer !== null) {
            window.clearTimeout(reconnectTimer);
            reconnectTimer = null;
          }
          // after a reconnect (e.g. the PBX restarted and lost its in-memory registrations): REGISTER again
          if (wantRegistered && registerer && registerCount > 0) sendRegister();
        },
        onDisconnect: (error) => {
          registeredFlag = false;
          emit('transport-disconnected', null, { error: error ? error.message : null });
          if (error) scheduleReconnect();
        },
      },
    });
    ua = agent;
    const transport = agent.transport;
    const origSend = transport.send.bind(transport);
    transport.send = (message: string) => {
      wire('out', message);
      return origSend(message);
    };
    const origOnMessage = transport.onMessage;
    transport.onMessage = (message: string) => {
      wire('in', message);
      origOnMessage?.(message);
    };

    const reg = new Registerer(agent, { expires: options.expires ?? 600 });
    registerer = reg;
    reg.stateChange.addListener((s) => {
      if (s === RegistererState.Unregistered) {
        registeredFlag = false;
        emit('unregistered', null, { user: options.user });
      }
    });
    wantRegistered = true;
    registerCount = 0;
    registeredFlag = false;
    await agent.start();
    sendRegister();
    await waitRegistered(reg, options.timeoutMs ?? 5000);
  },

  async unregister(): Promise<void> {
    stopping = true;
    wantRegistered = false;
    if (reconnectTimer !== null) {
      window.clearTimeout(reconnectTimer);
      reconnectTimer = null;
    }
    const agent = ua;
    const reg = registerer;
    if (!agent) return;
    if (reg && reg.state === RegistererState.Registered && agent.isConnected()) {
      await settle(
        new Promise<void>((resolve) => {
          const l = (s: RegistererState) => {
            if (s !== RegistererState.Registered) {
              reg.stateChange.removeListener(l);
              resolve();
            }
          };
          reg.stateChange.addListener(l);
          reg.unregister().catch(() => resolve());
        }),
        3000,
      );
    }
    await settle(agent.stop(), 3000).catch(() => undefined);
    ua = null;
    registerer = null;
  },

  async call(target: string, options: LabCallOptions = {}): Promise<string> {
    const agent = requireUa();
    const inviter = new Inviter(agent, toUri(target), {
      extraHeaders: options.extraHeaders ?? [],
      sessionDescriptionHandlerOptions: AUDIO_ONLY,
    });
    const t = track(inviter, 'outgoing');
    emit('dialing', t, { target });
    await sendInvite(t, inviter);
    return t.id;
  },

  async answer(callId?: string): Promise<string> {
    const t = getTracked(callId, isRinging);
    if (!(t.session instanceof Invitation)) throw new Error(`labAgent: ${t.id} is not an incoming call`);
    emit('answered', t);
    await acceptInvitation(t.session);
    return t.id;
  },

  async reject(code: number, callId?: string): Promise<string> {
    const t = getTracked(callId, isRinging);
    if (!(t.session instanceof Invitation)) throw new Error(`labAgent: ${t.id} is not an incoming call`);
    t.endReason = `rejected ${code}`;
    emit('rejected', t, { code });
    await t.session.reject({ statusCode: code });
    return t.id;
  },

  autoAnswer(setting: { after: number } | false): void {
    autoAnswerSetting = setting;
  },

  autoReject(code: number | false): void {
    autoRejectSetting = code;
  },

  async hangup(callId?: string): Promise<void> {
    const targets = callId !== undefined ? [getTracked(callId)] : [...sessions.values()].filter((s) => s.session.state !== SessionState.Terminated);
    for (const t of targets) {
      const s = t.session;
      if (s.state === SessionState.Terminated || s.state === SessionState.Terminating) continue;
      if (s.state === SessionState.Established) {
        t.endReason ??= 'BYE sent';
        await s.bye();
      } else if (s instanceof Inviter) {
        t.endReason ??= 'canceled';
        await s.cancel();
      } else if (s instanceof Invitation) {
        t.endReason ??= 'declined';
        await s.reject();
      }
    }
  },

  async hold(callId: string): Promise<void> {
    await reinvite(getTracked(callId), true);
  },

  async unhold(callId: string): Promise<void> {
    await reinvite(getTracked(callId), false);
  },

  async sendDtmf(callId: string, digits: string, options: { method?: 'info' | 'rtp' } = {}): Promise<void> {
    const t = getTracked(callId);
    if (options.method === 'rtp') {
      const sdh = t.session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
      if (!sdh?.sendDtmf(digits)) throw new Error('RTCDTMFSender refused the tones');
      emit('dtmf-sent', t, { digits, method: 'rtp' });
      return;
    }
    for (const digit of digits) {
      await new Promise<void>((resolve, reject) => {
        t.session
          .info({
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (r) => reject(new Error(`INFO rejected ${r.message.statusCode ?? ''}`)),
            },
            requestOptions: {
              body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=160` },
            },
          })
          .catch(reject);
      });
      emit('dtmf-sent', t, { digit, method: 'info' });
    }
  },

  blindTransfer(callId: string, target: string, options: { timeoutMs?: number } = {}): Promise<LabTransferResult> {
    const t = getTracked(callId);
    return trackRefer(t, toUri(target), 'blind', options.timeoutMs ?? 15000);
  },

  attendedTransfer(heldCallId: string, consultCallId: string, options: { timeoutMs?: number } = {}): Promise<LabTransferResult> {
    const held = getTracked(heldCallId);
    const consult = getTracked(consultCallId);
    return trackRefer(held, consult.session, 'attended', options.timeoutMs ?? 15000);
  },

  state(): LabAgentState {
    const all = [...sessions.values()].map(snapshot);
    return {
      user: opts?.user ?? null,
      displayName: opts?.displayName ?? null,
      transport: ua ? String(ua.transport.state) : 'none',
      registered: registeredFlag && registerer?.state === RegistererState.Registered,
      registerCount,
      registererState: registerer ? String(registerer.state) : null,
      autoAnswer: autoAnswerSetting,
      autoReject: autoRejectSetting,
      sessions: all,
      active: all.filter((s) => s.state !== 'Terminated'),
      errors: [...errors],
      sipjsErrors: [...sipjsErrors],
      messages: received.map((m) => ({ ...m })),
    };
  },

  messageReply(code: number): void {
    messageReplyCode = code;
  },

  events(sinceSeq = 0): LabEvent[] {
    return log.filter((e) => e.seq > sinceSeq);
  },

  waitForEvent(type, options = {}): Promise<LabEvent> {
    const match = (e: LabEvent) =>
      e.type === type &&
      e.seq > (options.sinceSeq ?? 0) &&
      (options.sessionId === undefined || e.sessionId === options.sessionId);
    const existing = log.find(match);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => {
        waiters.splice(waiters.indexOf(w), 1);
        reject(new Error(`labAgent: no ${type} event within ${options.timeoutMs ?? 10000} ms`));
      }, options.timeoutMs ?? 10000);
      const w = (e: LabEvent) => {
        if (match(e)) {
          window.clearTimeout(timer);
          waiters.splice(waiters.indexOf(w), 1);
          resolve(e);
        }
      };
      waiters.push(w);
    });
  },

  wire(): LabWireEntry[] {
    return [...wireLog];
  },
};

function reinvite(t: Tracked, hold: boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    t.session
      .invite({
        sessionDescriptionHandlerOptions: { ...AUDIO_ONLY, hold } as Web.SessionDescriptionHandlerOptions,
        requestDelegate: {
          onAccept: () => {
            t.held = hold;
            emit(hold ? 'hold' : 'unhold', t);
            resolve();
          },
          onReject: (r) => reject(new Error(`${hold ? 'hold' : 'unhold'} re-INVITE rejected: ${r.message.statusCode ?? ''}`)),
        },
      })
      .catch(reject);
  });
}

window.labAgent = api;
document.title = 'lab agent ready';
