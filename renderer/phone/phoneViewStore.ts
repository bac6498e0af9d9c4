// What the screens see of the phone: registration and every line, as one immutable snapshot. Changes
// are coalesced into one task that runs after the SIP messages already waiting on the WebSocket, so a
// render never delays signalling (a transfer's NOTIFY, a BYE).
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
  private scheduled = false;

  constructor(private readonly lineViews: () => LineView[]) {}

  subscribe = (listener: Listener): (() => void) => this.store.subscribe(listener);

  get = (): PhoneView => this.store.get();

  setRegistration(next: RegistrationView): void {
    this.registration = next;
    this.changed();
  }

  /** Something changed: publish a fresh snapshot once the current task (and the queued SIP messages) are done. */
  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      const { registration, registrationReason, retryAt } = this.registration;
      this.store.set({ registration, registrationReason, retryAt, lines: this.lineViews() });
    }, 0);
  }
}
