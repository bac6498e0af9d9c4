// The emergency roll call is one key away on every screen (Ctrl+E): in an evacuation nobody should
// first have to find the right screen. Buttons on the visitor log and the dashboard open the same dialog.
import { useSyncExternalStore } from 'react';
import { useShortcut } from '../../app/shortcuts/ShortcutProvider';
import { RollCallDialog } from './RollCallDialog';

let open = false;
const listeners = new Set<() => void>();

function setOpen(next: boolean): void {
  open = next;
  for (const l of listeners) l();
}

export function openRollCall(): void {
  setOpen(true);
}

function useRollCallOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}

export function RollCallLauncher() {
  const isOpen = useRollCallOpen();
  useShortcut({ id: 'rollcall.open', keys: 'Ctrl+E', descriptionKey: 'rollcall:shortcut', groupKey: 'common:shortcuts.groups.general', handler: openRollCall });
  return <RollCallDialog open={isOpen} onClose={() => setOpen(false)} />;
}
