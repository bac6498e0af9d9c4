// A rarely used part of a screen (a dialog opened on demand, a settings panel) as its own chunk, so it is
// not part of the first screen's code (docs/ARCHITECTURE.md, "Loading"). The part renders nothing until its
// code is in, counted meanwhile as a pending load (pendingLoads.ts), so tests wait for it instead of guessing.
import { lazy, Suspense, type ComponentType, type JSX } from 'react';
import { usePendingLoad } from './pendingLoads';

function PendingPart(): null {
  usePendingLoad();
  return null;
}

export interface LazyPart<P> {
  (props: P): JSX.Element;
  /** Fetches the part's code ahead of its first use (after the first screen is up). */
  preload(): Promise<unknown>;
}

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const fetchPart = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  const Part = lazy(async () => ({ default: await fetchPart() }));
  const Loaded = (props: P) => (
    <Suspense fallback={<PendingPart />}>
      <Part {...props} />
    </Suspense>
  );
  Loaded.preload = fetchPart;
  return Loaded;
}
