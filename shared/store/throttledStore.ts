// A read-only view of a store that tells its readers at most once per interval while the store changes
// fast, and always tells them the last change. The view's value moves only when it tells, so a reader
// (React's useSyncExternalStore) always sees the value it was told about. For figures that change on every
// batch of a long job (a first sync) where a person reads a few updates a second.
import type { Listener, ReadonlyStore, Store } from './createStore';

export function throttledStore<T>(source: Store<T>, intervalMs: number): ReadonlyStore<T> {
  let shown = source.get();
  let lastToldAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<Listener>();
  let unsubscribe: (() => void) | undefined;
  const tell = () => {
    timer = undefined;
    const next = source.get();
    if (Object.is(next, shown)) return;
    shown = next;
    lastToldAt = Date.now();
    for (const listener of [...listeners]) listener();
  };
  const changed = () => {
    if (timer !== undefined) return;
    const wait = lastToldAt + intervalMs - Date.now();
    if (wait <= 0) tell();
    else timer = setTimeout(tell, wait);
  };
  return {
    get: () => shown,
    subscribe(listener) {
      if (listeners.size === 0) {
        shown = source.get();
        unsubscribe = source.subscribe(changed);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribe?.();
          unsubscribe = undefined;
          if (timer !== undefined) clearTimeout(timer);
          timer = undefined;
        }
      };
    },
  };
}
