import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { ShortcutRegistry, type ShortcutDefinition } from './shortcutRegistry';

const RegistryContext = createContext<ShortcutRegistry | null>(null);

export function ShortcutProvider({ registry, children }: { registry?: ShortcutRegistry; children: ReactNode }) {
  const ref = useRef<ShortcutRegistry>(registry ?? new ShortcutRegistry());
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      ref.current.dispatch(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
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
  const { id, keys, descriptionKey, groupKey, allowInInputs, enabled = true } = definition;
  useEffect(() => {
    if (!enabled) return undefined;
    return registry.register({ id, keys, descriptionKey, groupKey, allowInInputs, handler: (e) => handlerRef.current(e) });
  }, [registry, id, keys, descriptionKey, groupKey, allowInInputs, enabled]);
}

export function useRegisteredShortcuts(): ShortcutDefinition[] {
  const registry = useShortcutRegistry();
  return useSyncExternalStore(registry.subscribe, registry.list);
}
