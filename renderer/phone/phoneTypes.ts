import type { CallDirection, CallState, TransferKind } from '@shared/calls/callMachine';
import type { TransferProgress } from '@shared/phone/sipfrag';

import type { PhoneRegistrationState } from '@shared/phone/registrationState';

/** Registration as the status bar shows it (one type for phone/ and ui/, in shared/). */
export type { PhoneRegistrationState };

/** Something the operator must be told about a line (translated by code in the UI). */
export interface LineNotice {
  code:
    | 'hold-failed'
    | 'unhold-failed'
    | 'transfer-failed'
    | 'transfer-timeout'
    | 'consult-failed'
    | 'consult-no-answer'
    | 'caller-gone'
    | 'dtmf-failed'
    | 'media-recovering'
    | 'call-failed';
  statusCode?: number;
  reason?: string;
  at: number;
}

export interface LineTransfer {
  kind: TransferKind;
  target: string;
  progress: 'requested' | TransferProgress;
  statusCode?: number;
  reason?: string;
}

/** What the switchboard screen shows for one line. */
export interface LineView {
  /** Also the id of the call record. */
  id: string;
  lineNo: number;
  direction: CallDirection;
  remoteUser: string;
  remoteName?: string;
  state: CallState;
  muted: boolean;
  /** A hold or resume re-INVITE is in flight; the shown state is still the confirmed one. */
  holdPending: boolean;
  ringStartedAt: number;
  answeredAt?: number;
  heldSince?: number;
  endedAt?: number;
  transfer?: LineTransfer;
  /** This line is a consultation call made for the held caller on that line. */
  consultFor?: string;
  /** The consultation call currently made for this (held) caller. */
  consultLineId?: string;
  notice?: LineNotice;
  sipCallId: string;
}

export interface PhoneView {
  registration: PhoneRegistrationState;
  registrationReason?: string;
  /** When the watchdog will try again, for the status text. */
  retryAt?: number;
  lines: LineView[];
}

export type DialResult = { ok: true; lineId: string } | { ok: false; reason: 'not-registered' | 'invalid-target' | 'no-free-line' };

export type TransferResult =
  | { ok: true }
  | { ok: false; reason: 'no-line' | 'wrong-state' | 'invalid-target' | 'failed' | 'caller-gone' | 'timeout'; statusCode?: number };
