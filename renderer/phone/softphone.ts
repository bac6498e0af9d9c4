// The operator's softphone: one sip.js UserAgent (userAgentLifecycle.ts), up to the desk's lines of concurrent
// calls (lineTable.ts), call control (callControl.ts), blind and attended transfer (blindTransfer.ts,
// attendedTransfer.ts). This class only composes them and is the lines' host: every line's SIP events
// become a call record through the CallRecordSink and a new snapshot for the screens.
import type { CallSnapshot } from '@shared/calls/callMachine';
import { DEFAULT_LINES, type PhoneSettings } from '@shared/phone/phoneSettings';
import { AttendedTransfers, type ConsultResult } from './attendedTransfer';
import { BusyLamps } from './busyLamps';
import { BenchHooks } from './benchHooks';
import { blindTransfer } from './blindTransfer';
import { CallControl } from './callControl';
import { LineTable } from './lineTable';
import type { LineHost, PhoneLine } from './phoneLine';
import type { DialResult, LineView, PhoneView, TransferResult } from './phoneTypes';
import { PhoneViewStore } from './phoneViewStore';
import { RecallWatch } from './recallWatch';
import { ConnectionHealth } from './connectionHealth';
import { UserAgentLifecycle } from './userAgentLifecycle';
import { sendSipMessage, type SipMessageResult } from './sipMessage';

export { MAX_LINES } from './lineTable';
export type { DialResult, TransferResult } from './phoneTypes';
export type { SipMessageResult } from './sipMessage';

export interface CallRecordSink {
  /** Called on every change of a line; the sink decides what to store. A call refused because every line was busy comes once, already ended. */
  record(line: LineView, call: CallSnapshot): void;
}

export class Softphone implements LineHost {
  readonly bench: BenchHooks;
  private readonly lines: LineTable;
  private readonly view: PhoneViewStore;
  private readonly lifecycle: UserAgentLifecycle;
  private readonly calls: CallControl;
  private readonly attended: AttendedTransfers;
  /** Busy lamps of the watched extensions (busyLamps.ts), subscribed while the phone is registered. */
  readonly lamps: BusyLamps;
  private lampsOnline = false;
  /** Held calls ringing back because they waited longer than the recall time (recallWatch.ts). */
  readonly recalls: RecallWatch;
  /** PBX round trip (OPTIONS pings) and the last call's audio quality, for the status bar (connectionHealth.ts). */
  readonly health: ConnectionHealth;

  constructor(private readonly sink?: CallRecordSink) {
    this.bench = new BenchHooks(() => this.lifecycle.dropTransport());
    this.lines = new LineTable((id) => this.bench.forget(id), () => this.lifecycle.settings?.lines ?? DEFAULT_LINES);
    this.view = new PhoneViewStore(() => this.lines.views());
    this.recalls = new RecallWatch(() => this.view.get().lines, () => (this.lifecycle.settings?.holdRecallSeconds ?? 60) * 1000);
    this.view.subscribe(this.recalls.update);
    this.health = new ConnectionHealth({
      userAgent: () => this.lifecycle.userAgent,
      sipDomain: () => this.lifecycle.sipDomain(),
      lines: () => this.lines.all(),
    });
    this.view.subscribe(() => this.health.linesChanged());
    this.lifecycle = new UserAgentLifecycle({
      onInvite: (invitation) => this.calls.onInvite(invitation),
      onRegistration: (registration) => {
        this.view.setRegistration(registration);
        this.followRegistration(registration.registration === 'registered');
        this.health.registration(registration.registration);
      },
      lines: () => this.lines.all(),
    });
    this.lamps = new BusyLamps({
      userAgent: () => this.lifecycle.userAgent,
      registered: () => this.lifecycle.registered,
      sipDomain: () => this.lifecycle.sipDomain(),
      ownExtension: () => this.lifecycle.settings?.extension,
    });
    this.calls = new CallControl(this.lines, this.lifecycle, this, this.bench);
    this.attended = new AttendedTransfers({
      lines: this.lines,
      dial: (target, consultFor) => this.calls.dial(target, consultFor),
      hold: (lineId, hold) => this.calls.hold(lineId, hold),
      consultTimeoutMs: () => (this.lifecycle.settings?.consultTimeoutSeconds ?? 25) * 1000,
    });
  }

  /** Every (re-)registration subscribes the lamps afresh; losing it makes them unknown. */
  private followRegistration(registered: boolean): void {
    if (registered === this.lampsOnline) return;
    this.lampsOnline = registered;
    if (registered) this.lamps.registered();
    else this.lamps.offline();
  }

  // ---- the screens' store ------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => this.view.subscribe(listener);

  getSnapshot = (): PhoneView => this.view.get();

  /** The inbound calls ringing, longest-ringing first: the pop-up's store, published before the rest. */
  subscribeRinging = (listener: () => void): (() => void) => this.view.subscribeRinging(listener);

  getRinging = (): readonly LineView[] => this.view.getRinging();

  // ---- LineHost ----------------------------------------------------------------------------------

  speakerDeviceId(): string | undefined {
    return this.lifecycle.settings?.speakerDeviceId;
  }

  dtmfViaInfo(): boolean {
    return this.lifecycle.settings?.dtmfViaInfo ?? false;
  }

  changed(line: PhoneLine): void {
    // The screens' snapshot is scheduled first: the record's write waits behind it (CallRecordWriter),
    // so a ringing call is on screen before its record is validated and stored.
    // A call ringing in is urgent (painted at the end of this task); everything else is coalesced.
    this.view.changed(line.state === 'ringing' && line.view.direction === 'inbound');
    this.sink?.record(line.view, line.call);
  }

  refused(view: LineView, call: CallSnapshot): void {
    this.sink?.record(view, call);
  }

  ended(line: PhoneLine): void {
    line.dispose();
    this.attended.lineEnded(line);
    this.lines.removeLater(line, () => this.view.changed());
    this.view.changed();
  }

  // ---- connection --------------------------------------------------------------------------------

  async connect(settings: PhoneSettings, password: string | undefined): Promise<void> {
    await this.disconnect();
    await this.lifecycle.connect(settings, password);
  }

  async disconnect(): Promise<void> {
    await this.lifecycle.disconnect(async () => {
      for (const line of this.lines.all()) await line.hangup();
    });
  }

  // ---- lines and calls ---------------------------------------------------------------------------

  line(id: string): PhoneLine | undefined {
    return this.lines.get(id);
  }

  oldestRinging(): PhoneLine | undefined {
    return this.lines.oldestRinging();
  }

  answer(lineId?: string): Promise<boolean> {
    return this.calls.answer(lineId);
  }

  hangup(lineId: string): Promise<void> {
    return this.calls.hangup(lineId);
  }

  hold(lineId: string, hold: boolean): Promise<boolean> {
    return this.calls.hold(lineId, hold);
  }

  mute(lineId: string, muted: boolean): void {
    this.calls.mute(lineId, muted);
  }

  dtmf(lineId: string, digits: string): Promise<boolean> {
    return this.calls.dtmf(lineId, digits);
  }

  dial(target: string, consultFor?: string): DialResult {
    return this.calls.dial(target, consultFor);
  }

  /** A text to an extension or number by SIP MESSAGE (messages for absent staff). */
  sendMessage(target: string, body: string): Promise<SipMessageResult> {
    return sendSipMessage(this.lifecycle.userAgent, this.lifecycle.registered, this.lifecycle.sipDomain(), target, body);
  }

  // ---- transfers ---------------------------------------------------------------------------------

  blindTransfer(lineId: string, target: string): Promise<TransferResult> {
    return blindTransfer(this.lines.get(lineId), target, this.lifecycle.sipDomain());
  }

  startConsult(heldLineId: string, target: string): Promise<ConsultResult> {
    return this.attended.startConsult(heldLineId, target);
  }

  completeAttended(consultLineId: string): Promise<TransferResult> {
    return this.attended.complete(consultLineId);
  }

  returnToCaller(lineId: string): Promise<boolean> {
    return this.attended.returnToCaller(lineId);
  }
}
