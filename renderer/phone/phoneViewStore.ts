// What the screens see of the phone: registration and every line, as one immutable snapshot, and beside it
// the calls ringing in, for the pop-up. Changes are coalesced into one task that runs after the SIP messages
// already waiting on the WebSocket, so a render never delays signalling (a transfer's NOTIFY, a BYE).
// A call starting to ring is published in two steps: the ringing calls at the end of the task that brought
// its INVITE (a microtask), so the pop-up alone is rendered and painted first; the whole snapshot (line
// cards, hold queue, notes) once that frame is painted.
import { createStore, type Listener } from '@shared/store/createStore';
import { afterPaint as afterNextPaint } from '../platform/afterPaint';
import type { LineView, PhoneRegistrationState, PhoneView } from './phoneTypes';

export interface RegistrationView {
  registration: PhoneRegistrationState;
  registrationReason?: string;
  retryAt?: number;
}

/** Runs work after the next paint (or soon, in a window that paints nothing); returns a cancel function. */
export type AfterPaint = (work: () => void) => () => void;

const NONE: readonly LineView[] = Object.freeze([]);

/** Inbound calls ringing, longest-ringing first. */
function ringingOf(lines: readonly LineView[]): readonly LineView[] {
  const ringing = lines.filter((l) => l.state === 'ringing' && l.direction === 'inbound');
  return ringing.length === 0 ? NONE : ringing.sort((a, b) => a.ringStartedAt - b.ringStartedAt);
}

function sameLines(a: readonly LineView[], b: readonly LineView[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

export class PhoneViewStore {
  private readonly store = createStore<PhoneView>({ registration: 'unconfigured', lines: [] });
  private readonly ringingStore = createStore<readonly LineView[]>(NONE);
  private registration: RegistrationView = { registration: 'unconfigured' };
  /** How the next whole snapshot is already scheduled, if it is, and how to call that off. */
  private pending: { after: 'task' | 'paint'; cancel: () => void } | undefined;
  private ringingPending = false;

  constructor(
    private readonly lineViews: () => LineView[],
    private readonly afterPaint: AfterPaint = afterNextPaint,
  ) {}

  subscribe = (listener: Listener): (() => void) => this.store.subscribe(listener);

  get = (): PhoneView => this.store.get();

  /** The inbound calls ringing, longest-ringing first (the pop-up's store). */
  subscribeRinging = (listener: Listener): (() => void) => this.ringingStore.subscribe(listener);

  getRinging = (): readonly LineView[] => this.ringingStore.get();

  setRegistration(next: RegistrationView): void {
    this.registration = next;
    this.changed();
  }

  /**
   * Something changed: publish a fresh snapshot once the current task (and the queued SIP messages) are
   * done. An `urgent` change (a call that starts ringing) publishes the ringing calls at the end of the
   * current task instead: sip.js has already answered the INVITE with 180 Ringing before handing it over,
   * so nothing waits on the wire, and the pop-up does not queue behind other tasks or the rest of the
   * screen, whose snapshot follows once the pop-up is painted.
   */
  changed(urgent = false): void {
    if (urgent) {
      if (!this.ringingPending) {
        this.ringingPending = true;
        queueMicrotask(() => {
          this.ringingPending = false;
          this.publishRinging();
        });
      }
      if (this.pending?.after === 'paint') return;
      this.pending?.cancel();
      this.pending = { after: 'paint', cancel: this.afterPaint(() => this.publish()) };
      return;
    }
    if (this.pending) return;
    const timer = setTimeout(() => this.publish(), 0);
    this.pending = { after: 'task', cancel: () => clearTimeout(timer) };
  }

  private publishRinging(): void {
    const next = ringingOf(this.lineViews());
    if (!sameLines(next, this.ringingStore.get())) this.ringingStore.set(next);
  }

  private publish(): void {
    this.pending = undefined;
    const { registration, registrationReason, retryAt } = this.registration;
    const lines = this.lineViews();
    this.store.set({ registration, registrationReason, retryAt, lines });
    const ringing = ringingOf(lines);
    if (!sameLines(ringing, this.ringingStore.get())) this.ringingStore.set(ringing);
  }
}
