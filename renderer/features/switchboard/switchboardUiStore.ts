// UI state the switchboard's pieces share: which line the keyboard acts on, and which dialog is open.
// The phone overlay (pop-up, dialogs, shortcuts) is mounted on every screen, the switchboard screen
// only when shown, so this lives outside both.
import { useSyncExternalStore } from 'react';
import type { LineView } from '../../phone/phoneTypes';

export type SwitchboardDialog =
  | { kind: 'none' }
  | { kind: 'transfer'; lineId: string; mode: 'blind' | 'attended' }
  | { kind: 'keypad'; lineId: string };

interface UiState {
  selectedLineId: string | undefined;
  dialog: SwitchboardDialog;
}

let state: UiState = { selectedLineId: undefined, dialog: { kind: 'none' } };
const listeners = new Set<() => void>();

function set(patch: Partial<UiState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export const switchboardUi = {
  select(lineId: string | undefined) {
    set({ selectedLineId: lineId });
  },
  open(dialog: SwitchboardDialog) {
    set({ dialog });
  },
  close() {
    set({ dialog: { kind: 'none' } });
  },
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSwitchboardUi(): UiState {
  return useSyncExternalStore(switchboardUi.subscribe, switchboardUi.get);
}

/**
 * The line the keyboard acts on: the one the operator picked while it is live, otherwise the one being
 * talked to, then a consultation, then the longest-held caller, then the longest-ringing call.
 */
export function effectiveLine(lines: LineView[], selectedLineId: string | undefined): LineView | undefined {
  const live = lines.filter((l) => l.state !== 'ended');
  const picked = live.find((l) => l.id === selectedLineId);
  if (picked) return picked;
  return (
    live.find((l) => l.state === 'active') ??
    live.find((l) => l.state === 'dialing') ??
    [...live].filter((l) => l.state === 'held').sort((a, b) => (a.heldSince ?? 0) - (b.heldSince ?? 0))[0] ??
    [...live].filter((l) => l.state === 'ringing').sort((a, b) => a.ringStartedAt - b.ringStartedAt)[0]
  );
}
