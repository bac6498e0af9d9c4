// Turns a line's call snapshot into the stored call record. Pure, so the same rules hold for every
// call and are unit-tested without a phone.
import type { Call } from '../domain/switchboard';
import type { NewRecord } from '../domain/record';
import { deriveCallFigures, type CallSnapshot } from './callMachine';
import { phoneKey } from '../phone/phoneKey';
import { numberKey } from '../phone/sipTarget';

export interface CallRecordFacts {
  remoteUser: string;
  remoteName?: string;
  /** The line it rang on; none for a call refused because every line was busy. */
  lineNo?: number;
  sipCallId: string;
  ownExtension?: string;
  consultFor?: string;
  handledBy?: string;
}

export function buildCallRecord(call: CallSnapshot, facts: CallRecordFacts, now: number = Date.now()): NewRecord<Call> {
  const base: NewRecord<Call> = {
    direction: call.direction,
    remoteNumber: facts.remoteUser.slice(0, 64),
    remoteNumberDigits: numberKey(facts.remoteUser),
    // The same key as a visitor's phone and a person's mobile, so the caller is recognised (phone/phoneKey.ts).
    remoteNumberKey: phoneKey(facts.remoteUser),
    remoteName: facts.remoteName?.slice(0, 64) || undefined,
    extension: facts.ownExtension,
    line: facts.lineNo,
    sipCallId: facts.sipCallId,
    startedAt: call.ringStartedAt,
    answeredAt: call.answeredAt,
    consultFor: facts.consultFor,
    handledBy: facts.handledBy,
    holdMs: call.holdMs + (call.state === 'held' && call.heldSince !== undefined ? Math.max(0, now - call.heldSince) : 0),
    disposition: call.state === 'ringing' || call.state === 'dialing' ? 'ringing' : 'connected',
  };
  if (call.state !== 'ended') {
    // Live call: ring time is known once answered; talk time only at the end.
    return { ...base, ringMs: call.answeredAt !== undefined ? call.answeredAt - call.ringStartedAt : undefined };
  }
  const figures = deriveCallFigures(call);
  const lastTransfer = call.transfers[call.transfers.length - 1];
  return {
    ...base,
    endedAt: call.endedAt,
    ringMs: figures.ringMs,
    talkMs: figures.talkMs,
    holdMs: figures.holdMs,
    disposition: figures.disposition,
    statusCode: figures.disposition === 'transfer-failed' ? lastTransfer?.lastStatusCode : call.endStatusCode,
    transferKind: figures.transferKind ?? (figures.disposition === 'transfer-failed' ? lastTransfer?.kind : undefined),
    transferredTo: figures.transferredTo ?? (figures.disposition === 'transfer-failed' ? lastTransfer?.target : undefined),
    transferConfirmed: figures.transferredTo !== undefined ? 1 : undefined,
  };
}
