// The console's screens, in navigation order. The order also gives the Alt+<n> shortcuts.
import { useSyncExternalStore } from 'react';

export const SCREENS = ['visitors', 'parcels', 'switchboard', 'messages', 'archive', 'directory', 'dashboard', 'settings', 'audit'] as const;
export type ScreenId = (typeof SCREENS)[number];
export const DEFAULT_SCREEN: ScreenId = 'dashboard';

export function screenFromHash(hash: string): ScreenId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (SCREENS as readonly string[]).includes(id) ? (id as ScreenId) : DEFAULT_SCREEN;
}

export function navigate(screen: ScreenId): void {
  if (screenFromHash(window.location.hash) !== screen || !window.location.hash) window.location.hash = `#/${screen}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useCurrentScreen(): ScreenId {
  return useSyncExternalStore(subscribe, () => screenFromHash(window.location.hash));
}
