// What the screens see of the phone: registration and every line, as one immutable snapshot. Changes
// are coalesced into one task that runs after the SIP messages already waiting on the WebSocket, so a
// render never delays signalling (a transfer's NOTIFY, a BYE); a call starting to ring is published at
// the end of the task that brought its INVITE, so the pop-up is painted first.
import { createStore, type Listener } from '@shared/store/createStore';
import type { LineView, PhoneRegistrationState, PhoneView } from './phoneTypes';

export interface RegistrationView {
  registration: PhoneRegistrationState;
  registrationReason?: string;
  retryAt?: number;
}

export class PhoneViewStore {
  private readonly store = createStore<PhoneView>({ registration: 'unconfigured', lines: [] });
  private registration: RegistrationView = { registration: 'unconfigured' };
  /** How the next snapshot is already scheduled, if it is. */
  private pending: 'task' | 'microtask' | undefined;

  constructor(private readonly lineViews: () => LineView[]) {}

  subscribe = (listener: Listener): (() => void) => this.store.subscribe(listener);

  get = (): PhoneView => this.store.get();

  setRegistration(next: RegistrationView): void {
    this.registration = next;
    this.changed();
  }

  /**
   * Something changed: publish a fresh snapshot once the current task (and the queued SIP messages) are
   * done. An `urgent` change — a call that starts ringing — is published at the end of the current task
   * instead (a microtask): sip.js has already answered the INVITE with 180 Ringing before handing it
   * over, so nothing waits on the wire, and the pop-up does not queue behind other tasks.
   */
  changed(urgent = false): void {
    if (urgent && this.pending !== 'microtask') {
      this.pending = 'microtask';
      queueMicrotask(() => this.publish());
      return;
    }
    if (this.pending) return;
    this.pending = 'task';
    setTimeout(() => {
      // An urgent publish in between already carried this change.
      if (this.pending === 'task') this.publish();
    }, 0);
  }

  private publish(): void {
    this.pending = undefined;
    const { registration, registrationReason, retryAt } = this.registration;
    this.store.set({ registration, registrationReason, retryAt, lines: this.lineViews() });
  }
}
