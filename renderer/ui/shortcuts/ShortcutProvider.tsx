import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { ShortcutRegistry, type ShortcutDefinition } from './shortcutRegistry';
import { requestFocus } from '../focus/focusRequest';
import { pendingLoads } from '../loading/pendingLoads';

/** What the end-to-end walk over every focus-moving shortcut reads (tests/e2e/shortcutFocus.spec.ts). */
export interface RegisteredShortcutsProbe {
  /** Lazily loaded parts still on their way; their shortcuts are bound once this is 0. */
  pendingLoads: number;
  shortcuts: { id: string; keys: string; focusTarget?: string }[];
}

declare global {
  interface Window {
    __frontdeskShortcuts?: () => RegisteredShortcutsProbe;
  }
}

const RegistryContext = createContext<ShortcutRegistry | null>(null);

export function ShortcutProvider({ registry, children }: { registry?: ShortcutRegistry; children: ReactNode }) {
  const ref = useRef<ShortcutRegistry>(registry ?? new ShortcutRegistry({ requestFocus }));
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      ref.current.dispatch(event);
    };
    window.addEventListener('keydown', onKeyDown);
    // Read-only, like window.__frontdeskMetrics: which shortcuts are bound right now and where they send the cursor.
    window.__frontdeskShortcuts = () => ({
      pendingLoads: pendingLoads(),
      shortcuts: ref.current.list().map(({ id, keys, focusTarget }) => ({ id, keys, ...(focusTarget ? { focusTarget } : {}) })),
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      delete window.__frontdeskShortcuts;
    };
  }, []);
  return <RegistryContext.Provider value={ref.current}>{children}</RegistryContext.Provider>;
}

export function useShortcutRegistry(): ShortcutRegistry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useShortcut must be used inside <ShortcutProvider>');
  return registry;
}

/**
 * Binds a shortcut while the calling component is mounted. The handler may change between renders
 * without re-registering; the combination and id may not.
 */
export function useShortcut(definition: Omit<ShortcutDefinition, 'handler'> & { handler: (e: KeyboardEvent) => void; enabled?: boolean }): void {
  const registry = useShortcutRegistry();
  const handlerRef = useRef(definition.handler);
  handlerRef.current = definition.handler;
  const { id, keys, descriptionKey, groupKey, allowInInputs, focusTarget, enabled = true } = definition;
  useEffect(() => {
    if (!enabled) return undefined;
    return registry.register({ id, keys, descriptionKey, groupKey, allowInInputs, focusTarget, handler: (e) => handlerRef.current(e) });
  }, [registry, id, keys, descriptionKey, groupKey, allowInInputs, focusTarget, enabled]);
}

export function useRegisteredShortcuts(): ShortcutDefinition[] {
  const registry = useShortcutRegistry();
  return useSyncExternalStore(registry.subscribe, registry.list);
}
