// The life of one call on one line, as a pure state machine fed by SIP events. The call record is
// derived from the machine's history, so every call is recorded the same way without the operator
// doing anything (docs/ARCHITECTURE.md, "Phone events become records").

export type CallDirection = 'inbound' | 'outbound';

export type CallState =
  | 'ringing' // inbound: INVITE received, not yet answered
  | 'dialing' // outbound: INVITE sent, no answer yet
  | 'active'
  | 'held' // we put the remote party on hold (re-INVITE a=sendonly accepted)
  | 'ended';

export type TransferKind = 'blind' | 'attended';

export type CallDisposition =
  | 'answered'
  | 'missed' // inbound, never answered, ended by the desk (declined, ring timeout)
  | 'abandoned-ringing' // inbound, the caller gave up while it rang
  | 'abandoned-held' // the remote party hung up while on hold
  | 'transferred-blind'
  | 'transferred-attended'
  | 'transfer-failed' // the last transfer attempt failed and the call then ended
  | 'unanswered' // outbound, the far end never answered (busy, no answer, cancelled)
  | 'failed'; // signalling or media failure before the call could be answered

export type EndCause =
  | 'local-hangup'
  | 'remote-hangup'
  | 'remote-cancel'
  | 'declined'
  | 'ring-timeout'
  | 'lines-busy' // inbound: every line was taken, refused with 486 Busy Here (recorded as missed)
  | 'rejected' // outbound: 4xx/5xx/6xx final response
  | 'error';

export type CallEvent =
  | { type: 'answered'; at: number }
  | { type: 'hold'; at: number }
  | { type: 'unhold'; at: number }
  | { type: 'transfer-started'; at: number; kind: TransferKind; target: string }
  | { type: 'transfer-progress'; at: number; statusCode: number }
  | { type: 'transfer-succeeded'; at: number }
  | { type: 'transfer-failed'; at: number; statusCode?: number; reason?: string }
  | { type: 'ended'; at: number; cause: EndCause; statusCode?: number };

export interface TransferAttempt {
  kind: TransferKind;
  target: string;
  startedAt: number;
  outcome: 'pending' | 'succeeded' | 'failed';
  lastStatusCode?: number;
  reason?: string;
  completedAt?: number;
}

export interface CallSnapshot {
  direction: CallDirection;
  state: CallState;
  ringStartedAt: number;
  answeredAt?: number;
  endedAt?: number;
  endCause?: EndCause;
  endStatusCode?: number;
  heldSince?: number;
  /** The state the call was in when it ended (a caller hanging up while held is "abandoned while held"). */
  stateAtEnd?: Exclude<CallState, 'ended'>;
  holdMs: number;
  transfers: TransferAttempt[];
}

export class InvalidCallTransition extends Error {
  constructor(state: CallState, event: CallEvent['type']) {
    super(`Call event "${event}" is not possible in state "${state}"`);
    this.name = 'InvalidCallTransition';
  }
}

export function startCall(direction: CallDirection, at: number): CallSnapshot {
  return { direction, state: direction === 'inbound' ? 'ringing' : 'dialing', ringStartedAt: at, holdMs: 0, transfers: [] };
}

function lastPendingTransfer(call: CallSnapshot): number {
  for (let i = call.transfers.length - 1; i >= 0; i -= 1) if (call.transfers[i]!.outcome === 'pending') return i;
  return -1;
}

function updateTransfer(call: CallSnapshot, patch: Partial<TransferAttempt>): TransferAttempt[] {
  const index = lastPendingTransfer(call);
  if (index < 0) return call.transfers;
  return call.transfers.map((t, i) => (i === index ? { ...t, ...patch } : t));
}

/** Applies one event; returns a new snapshot. Impossible events throw, so a bug never writes a false record. */
export function applyCallEvent(call: CallSnapshot, event: CallEvent): CallSnapshot {
  if (call.state === 'ended') {
    // Late transfer NOTIFYs may still arrive after our leg ended; they only complete the attempt.
    if (event.type === 'transfer-succeeded' || event.type === 'transfer-failed' || event.type === 'transfer-progress') return call;
    throw new InvalidCallTransition(call.state, event.type);
  }
  switch (event.type) {
    case 'answered':
      if (call.state !== 'ringing' && call.state !== 'dialing') throw new InvalidCallTransition(call.state, event.type);
      return { ...call, state: 'active', answeredAt: event.at };
    case 'hold':
      if (call.state !== 'active') throw new InvalidCallTransition(call.state, event.type);
      return { ...call, state: 'held', heldSince: event.at };
    case 'unhold':
      if (call.state !== 'held') throw new InvalidCallTransition(call.state, event.type);
      return { ...call, state: 'active', heldSince: undefined, holdMs: call.holdMs + Math.max(0, event.at - (call.heldSince ?? event.at)) };
    case 'transfer-started':
      if (call.state !== 'active' && call.state !== 'held') throw new InvalidCallTransition(call.state, event.type);
      return { ...call, transfers: [...call.transfers, { kind: event.kind, target: event.target, startedAt: event.at, outcome: 'pending' }] };
    case 'transfer-progress':
      return { ...call, transfers: updateTransfer(call, { lastStatusCode: event.statusCode }) };
    case 'transfer-succeeded':
      return { ...call, transfers: updateTransfer(call, { outcome: 'succeeded', completedAt: event.at, lastStatusCode: 200 }) };
    case 'transfer-failed':
      return {
        ...call,
        transfers: updateTransfer(call, { outcome: 'failed', completedAt: event.at, lastStatusCode: event.statusCode, reason: event.reason }),
      };
    case 'ended': {
      const holdMs = call.state === 'held' ? call.holdMs + Math.max(0, event.at - (call.heldSince ?? event.at)) : call.holdMs;
      return { ...call, state: 'ended', stateAtEnd: call.state, endedAt: event.at, endCause: event.cause, endStatusCode: event.statusCode, holdMs, heldSince: undefined };
    }
    default: {
      const never: never = event;
      throw new Error(`unknown call event ${JSON.stringify(never)}`);
    }
  }
}

export interface CallFigures {
  disposition: CallDisposition;
  ringMs: number;
  talkMs: number;
  holdMs: number;
  transferredTo?: string;
  transferKind?: TransferKind;
}

/** What the record says about a finished call. Hold time is part of the connected time but not of talk time. */
export function deriveCallFigures(call: CallSnapshot): CallFigures {
  const endedAt = call.endedAt ?? call.ringStartedAt;
  const ringMs = Math.max(0, (call.answeredAt ?? endedAt) - call.ringStartedAt);
  const talkMs = call.answeredAt !== undefined ? Math.max(0, endedAt - call.answeredAt - call.holdMs) : 0;
  const succeeded = [...call.transfers].reverse().find((t) => t.outcome === 'succeeded');
  const last = call.transfers[call.transfers.length - 1];
  let disposition: CallDisposition;
  if (succeeded) {
    disposition = succeeded.kind === 'blind' ? 'transferred-blind' : 'transferred-attended';
  } else if (call.answeredAt === undefined) {
    if (call.direction === 'outbound') disposition = call.endCause === 'error' ? 'failed' : 'unanswered';
    else if (call.endCause === 'remote-cancel' || call.endCause === 'remote-hangup') disposition = 'abandoned-ringing';
    else if (call.endCause === 'error') disposition = 'failed';
    else disposition = 'missed';
  } else if (call.stateAtEnd === 'held' && call.endCause === 'remote-hangup') {
    disposition = 'abandoned-held';
  } else if (last && last.outcome !== 'succeeded') {
    disposition = 'transfer-failed';
  } else {
    disposition = 'answered';
  }
  return {
    disposition,
    ringMs,
    talkMs,
    holdMs: call.holdMs,
    transferredTo: succeeded?.target,
    transferKind: succeeded?.kind,
  };
}
