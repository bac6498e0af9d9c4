// How many lazily loaded parts of the console are still on their way (a screen's code, the phone).
// Each Suspense fallback counts itself while it is shown. The count is what tells a test (or a
// benchmark) that every part is in and every shortcut is bound, instead of a guessed wait.
import { useEffect } from 'react';

let pending = 0;

export function pendingLoads(): number {
  return pending;
}

/**
 * Counts the calling fallback as one pending load while it is mounted. The count drops in the passive
 * effect clean-up, which React runs in the same flush as the revealed content's effects (where its
 * shortcuts register), so a reader never sees 0 before those are bound.
 */
export function usePendingLoad(): void {
  useEffect(() => {
    pending += 1;
    return () => {
      pending -= 1;
    };
  }, []);
}
