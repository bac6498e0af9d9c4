// Registration state of the softphone, shown in the status bar. The switchboard's phone module
// publishes into this store; until a phone is configured it stays 'unconfigured'.
import { createStore } from '@shared/store/createStore';
import { useStore } from '../useStore';

import type { PhoneRegistrationState } from '@shared/phone/registrationState';

export type { PhoneRegistrationState };

export interface PhoneStatus {
  state: PhoneRegistrationState;
  /** Why registration failed or the connection dropped, already translated or a SIP reason phrase. */
  reason?: string;
}

const store = createStore<PhoneStatus>({ state: 'unconfigured' });

export function publishPhoneStatus(next: PhoneStatus): void {
  // The phone publishes on every line change; the status bar re-renders only when its text changes.
  store.set((previous) => (previous.state === next.state && previous.reason === next.reason ? previous : next));
}

export function usePhoneStatus(): PhoneStatus {
  return useStore(store);
}
