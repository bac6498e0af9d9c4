// useLiveRead (renderer/db/useLiveRead.ts) against fake-indexeddb: one read per mount (useLiveQuery of
// dexie-react-hooks makes two), and a write to what it read wakes it up with the new value.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { freshDatabase } from '../test/testDatabase';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import type { Repositories } from './repositories';
import { useLiveRead } from './useLiveRead';

let db: FrontDeskDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await freshDatabase());
});
afterEach(() => db.close());

describe('useLiveRead', () => {
  it('starts its read as the component mounts, where useLiveQuery waits for a timer after the paint', async () => {
    let reads = 0;
    const count = () => {
      reads += 1;
      return db.parcels.count();
    };
    const dexieHook = renderHook(() => useLiveQuery(count, []));
    await Promise.resolve();
    expect(reads).toBe(0);
    dexieHook.unmount();

    const live = renderHook(() => useLiveRead(count, []));
    await Promise.resolve();
    expect(reads).toBe(1);
    await waitFor(() => expect(live.result.current).toBe(0));
    live.unmount();
  });

  it('shows a change written after the first read', async () => {
    const live = renderHook(() => useLiveRead(async () => (await repos.parcels.waiting()).map((p) => p.trackingNumber), []));
    await waitFor(() => expect(live.result.current).toEqual([]));
    await act(async () => {
      await repos.parcels.intake({ trackingNumber: 'SF1402000000001', carrier: 'sf', recipientName: 'Wang Fang', type: 'parcel', urgent: false });
    });
    await waitFor(() => expect(live.result.current).toEqual(['SF1402000000001']));
    live.unmount();
  });

  it('throws a failed read to the nearest error boundary', async () => {
    const failing = renderHook(() => {
      try {
        return useLiveRead(() => Promise.reject(new Error('blocked')), []);
      } catch (error) {
        return error instanceof Error ? error.message : 'unknown';
      }
    });
    await waitFor(() => expect(failing.result.current).toBe('blocked'));
    failing.unmount();
  });
});
