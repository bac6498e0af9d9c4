// UI state the switchboard's pieces share: which line the keyboard acts on, and which dialog is open.
// The phone overlay (pop-up, dialogs, shortcuts) is mounted on every screen, the switchboard screen
// only when shown, so this lives outside both.
import { createStore } from '@shared/store/createStore';
import { useStore } from '../../ui/useStore';
import type { LineView } from '../../phone/phoneTypes';

export type SwitchboardDialog =
  | { kind: 'none' }
  | { kind: 'transfer'; lineId: string; mode: 'blind' | 'attended' }
  | { kind: 'keypad'; lineId: string };

interface UiState {
  selectedLineId: string | undefined;
  dialog: SwitchboardDialog;
}

const store = createStore<UiState>({ selectedLineId: undefined, dialog: { kind: 'none' } });

export const switchboardUi = {
  select(lineId: string | undefined) {
    store.set((state) => ({ ...state, selectedLineId: lineId }));
  },
  open(dialog: SwitchboardDialog) {
    store.set((state) => ({ ...state, dialog }));
  },
  close() {
    store.set((state) => ({ ...state, dialog: { kind: 'none' } }));
  },
  get: store.get,
  subscribe: store.subscribe,
};

export function useSwitchboardUi(): UiState {
  return useStore(store);
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
