// A live query for a screen that paints a list as it opens. useLiveQuery (dexie-react-hooks) starts its
// read from a passive effect, and Dexie's liveQuery defers the first run by a timer on top: on a busy
// desk the read waits until the browser has laid out and painted the whole new screen (tests/bench/
// parcels.bench.ts measured the waiting list's read starting 60–150 ms after the screen mounted). Here the
// first read starts in a layout effect, at once, so IndexedDB works while the browser lays out; the live
// subscription (which re-reads whenever what was read changes, like useLiveQuery) starts once that first
// result is in, so its own first read never competes with the one the screen is waiting for.
import { useLayoutEffect, useState, type DependencyList } from 'react';
import { liveQuery } from 'dexie';

interface Outcome<T> {
  value?: T;
  error?: unknown;
}

/** The querier's latest result (undefined until the first read is in); its error is thrown to the nearest boundary. */
export function useLiveRead<T>(querier: () => Promise<T> | T, deps: DependencyList): T | undefined {
  const [outcome, setOutcome] = useState<Outcome<T>>({});
  useLayoutEffect(() => {
    let closed = false;
    let unsubscribe: (() => void) | undefined;
    const subscribe = () => {
      if (closed) return;
      const subscription = liveQuery(querier).subscribe({
        next: (value) => setOutcome({ value }),
        error: (error: unknown) => setOutcome({ error }),
      });
      unsubscribe = () => subscription.unsubscribe();
    };
    Promise.resolve()
      .then(querier)
      .then((value) => {
        if (!closed) setOutcome({ value });
      }, (error: unknown) => {
        if (!closed) setOutcome({ error });
      })
      .finally(subscribe);
    return () => {
      closed = true;
      unsubscribe?.();
    };
    // The caller's deps decide when to read afresh, as with useLiveQuery.
  }, deps);
  if (outcome.error !== undefined) throw outcome.error;
  return outcome.value;
}
