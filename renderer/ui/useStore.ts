// React's view of a shared store (shared/store/createStore.ts): a component re-renders only when the
// store's value changes, and only for the slice it selects when a selector is given.
import { useSyncExternalStore } from 'react';
import type { ReadonlyStore } from '@shared/store/createStore';

export function useStore<T>(store: ReadonlyStore<T>): T;
export function useStore<T, S>(store: ReadonlyStore<T>, select: (value: T) => S): S;
export function useStore<T, S>(store: ReadonlyStore<T>, select?: (value: T) => S): T | S {
  return useSyncExternalStore(store.subscribe, () => (select ? select(store.get()) : store.get()));
}
