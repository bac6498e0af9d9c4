// The emergency roll call is one key away on every screen (Ctrl+E): in an evacuation nobody should
// first have to find the right screen. Buttons on the visitor log and the dashboard open the same dialog.
import { createStore } from '@shared/store/createStore';
import { useStore } from '../../ui/useStore';
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';
import { RollCallDialog } from './RollCallDialog';

const openStore = createStore(false);

export function openRollCall(): void {
  openStore.set(true);
}

export function RollCallLauncher() {
  const isOpen = useStore(openStore);
  useShortcut({ id: 'rollcall.open', keys: 'Ctrl+E', descriptionKey: 'rollcall:shortcut', groupKey: 'common:shortcuts.groups.general', handler: openRollCall });
  return <RollCallDialog open={isOpen} onClose={() => openStore.set(false)} />;
}
