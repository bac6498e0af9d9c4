// The emergency roll call is one key away on every screen (Ctrl+E): in an evacuation nobody should
// first have to find the right screen. Buttons on the visitor log and the dashboard open the same dialog.
import { lazy, Suspense, useEffect } from 'react';
import { createStore } from '@shared/store/createStore';
import { useStore } from '../../ui/useStore';
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';

// The dialog (tables, CSV, printing, badges with their QR codes) is not part of the first screen's
// code; it is fetched right after start-up, so Ctrl+E in an emergency still opens it at once.
const loadDialog = () => import('./RollCallDialog');
const RollCallDialog = lazy(async () => ({ default: (await loadDialog()).RollCallDialog }));

const openStore = createStore(false);

export function openRollCall(): void {
  openStore.set(true);
}

export function RollCallLauncher() {
  const isOpen = useStore(openStore);
  useShortcut({ id: 'rollcall.open', keys: 'Ctrl+E', descriptionKey: 'rollcall:shortcut', groupKey: 'common:shortcuts.groups.general', handler: openRollCall });
  useEffect(() => {
    void loadDialog();
  }, []);
  return (
    <Suspense fallback={null}>
      <RollCallDialog open={isOpen} onClose={() => openStore.set(false)} />
    </Suspense>
  );
}
