// The database must never be evicted by the browser (ARCHITECTURE.md, "Storage"): persistence is
// requested at start and its outcome is shown in the status bar so the desk knows when it was refused.
import { useEffect, useState } from 'react';

export type StorageState = 'checking' | 'persisted' | 'notPersisted' | 'unavailable';

export interface StorageStatus {
  state: StorageState;
  usageBytes?: number;
  quotaBytes?: number;
}

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
    return () => {
      alive = false;
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
