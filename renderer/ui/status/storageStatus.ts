// The database must never be evicted by the browser (docs/ARCHITECTURE.md, "Storage"): persistence is
// requested at start and its outcome is shown in the status bar so the desk knows when it was refused;
// the bar also warns while there is still room, once the estimate passes 80 % of the quota.
import { useEffect, useState } from 'react';

export type StorageState = 'checking' | 'persisted' | 'notPersisted' | 'unavailable';

export interface StorageStatus {
  state: StorageState;
  usageBytes?: number;
  quotaBytes?: number;
}

/** Share of the quota in use above which the status bar warns, before a write fails for want of space. */
export const NEARLY_FULL_SHARE = 0.8;

/** The share of the quota in use when it is above the warning threshold, else undefined. */
export function nearlyFullShare(status: Pick<StorageStatus, 'usageBytes' | 'quotaBytes'>): number | undefined {
  const { usageBytes, quotaBytes } = status;
  if (usageBytes === undefined || !quotaBytes || quotaBytes <= 0) return undefined;
  const share = usageBytes / quotaBytes;
  return share > NEARLY_FULL_SHARE ? share : undefined;
}

/** How often the estimate is read again: the desk writes all day, the status must follow. */
const ESTIMATE_EVERY_MS = 60_000;

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function manager(): StorageManagerLike | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/** Asks the browser to keep our data (a no-op when already granted). */
export async function requestPersistentStorage(storage: StorageManagerLike | undefined = manager()): Promise<StorageStatus> {
  if (!storage?.persist) return { state: 'unavailable' };
  try {
    const granted = (await storage.persisted()) || (await storage.persist());
    const estimate = await storage.estimate().catch(() => undefined);
    return { state: granted ? 'persisted' : 'notPersisted', usageBytes: estimate?.usage, quotaBytes: estimate?.quota };
  } catch {
    return { state: 'unavailable' };
  }
}

let pending: Promise<StorageStatus> | undefined;

export function startStoragePersistence(): Promise<StorageStatus> {
  pending ??= requestPersistentStorage();
  return pending;
}

export function useStorageStatus(): StorageStatus {
  const [status, setStatus] = useState<StorageStatus>({ state: 'checking' });
  useEffect(() => {
    let alive = true;
    void startStoragePersistence().then((s) => alive && setStatus(s));
    const timer = setInterval(() => {
      void manager()?.estimate().then(
        (estimate) => alive && setStatus((s) => (s.usageBytes === estimate.usage && s.quotaBytes === estimate.quota ? s : { ...s, usageBytes: estimate.usage, quotaBytes: estimate.quota })),
        () => undefined,
      );
    }, ESTIMATE_EVERY_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  return status;
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
