// Registration state of the softphone, shown in the status bar. The switchboard's phone module
// publishes into this store; until a phone is configured it stays 'unconfigured'.
import { useSyncExternalStore } from 'react';

export type PhoneRegistrationState = 'unconfigured' | 'connecting' | 'registered' | 'failed' | 'disconnected';

export interface PhoneStatus {
  state: PhoneRegistrationState;
  /** Why registration failed or the connection dropped, already translated or a SIP reason phrase. */
  reason?: string;
}

let current: PhoneStatus = { state: 'unconfigured' };
const listeners = new Set<() => void>();

export function publishPhoneStatus(next: PhoneStatus): void {
  current = next;
  for (const l of listeners) l();
}

export function usePhoneStatus(): PhoneStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
