// What the status bar and Settings → Sync show about replication (renderer/db/sync/syncController.ts).
import { createStore } from '@shared/store/createStore';
import { throttledStore } from '@shared/store/throttledStore';

export type SyncState =
  /** This desk does not replicate. */
  | 'off'
  /** Starting, or the first sync of a new desk (with progress). */
  | 'starting'
  /** Changes are moving. */
  | 'syncing'
  /** Nothing waiting in either direction. */
  | 'upToDate'
  /** The server cannot be reached: the desk works on, changes wait. */
  | 'offline'
  /** The server answered with a refusal (wrong password, no such database …). */
  | 'error'
  /** A person paused it (the first sync of a new desk at a busy hour); it resumes from where it was. */
  | 'paused';

export interface SyncStatus {
  state: SyncState;
  /** This desk's changes not yet confirmed on the server. */
  waiting: number;
  /** Since when the server has been unreachable (epoch ms). */
  offlineSince?: number;
  /** A short reason for 'error' and 'offline', as the engine or server gave it (shown after a translated label). */
  reason?: string;
  /** Last time a change went up / came down successfully (epoch ms). */
  lastPush?: number;
  lastPull?: number;
  /** The first sync of a desk: rows done so far, and the total when known. */
  progress?: { done: number; total?: number };
  /**
   * The first sync of a new desk from a populated server: documents this desk's replica holds so far, and
   * the server's count (its db.info()), when known. Absent once the desk has caught up for the first time.
   */
  firstSync?: { pulled: number; total?: number };
  /** Conflicts waiting for a supervisor. */
  openConflicts: number;
}

export const syncStatus = createStore<SyncStatus>({ state: 'off', waiting: 0, openConflicts: 0 });

/**
 * What the status bar and Settings read: a first sync moves the status on every batch, and each change
 * rendered both (a profile of a 10,000-row first sync: 2 s of its 13 s of work). They are told at most
 * four times a second, and always of the last change.
 */
export const syncStatusShown = throttledStore(syncStatus, 250);

export function updateSyncStatus(change: Partial<SyncStatus>): void {
  const current = syncStatus.get();
  // Nothing new (the same state again, the same count): nobody is told.
  if ((Object.keys(change) as (keyof SyncStatus)[]).every((key) => Object.is(current[key], change[key]))) return;
  syncStatus.set({ ...current, ...change });
}
