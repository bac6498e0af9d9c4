// The one small observable store every layer uses (phone state, notifications, status, UI state).
// Plain TypeScript so phone/ and db/ can own stores without React; `renderer/ui/useStore.ts` is the
// React side. A set() that yields the same value (Object.is) notifies nobody, so a store wakes its
// readers only when something changed.
export type Listener = () => void;

export interface Store<T> {
  get(): T;
  set(next: T | ((previous: T) => T)): void;
  subscribe(listener: Listener): () => void;
}

/** What a reader needs of a store (a view such as throttledStore.ts has no set). */
export type ReadonlyStore<T> = Pick<Store<T>, 'get' | 'subscribe'>;

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => value,
    set(next) {
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(value) : next;
      if (Object.is(resolved, value)) return;
      value = resolved;
      // A copy, so a listener that unsubscribes (or subscribes) while being told does not skip another.
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
