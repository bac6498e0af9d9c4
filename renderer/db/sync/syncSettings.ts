// Settings → Sync, the database side: the desk's sync configuration and the supervisor's review of
// conflicts, written through the write path (audited, in one transaction, supervisor only).
import { syncUrlProblem, type SyncUrlProblem } from '@shared/sync/syncServerAddress';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { writePathOf } from '../writePath';
import type { RunningSync } from './syncController';
import { SYNC_STATE_KEYS, type SyncConfig, type SyncConflict } from './syncTables';

export class SyncConfigError extends Error {
  constructor(readonly problem: SyncUrlProblem | 'databaseName') {
    super(`sync configuration refused: ${problem}`);
    this.name = 'SyncConfigError';
  }
}

/** CouchDB's rule for database names: lower-case letter first, then a-z, 0-9 and _$()+-/. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,127}$/;

export async function saveSyncConfig(db: FrontDeskDatabase, config: SyncConfig): Promise<SyncConfig> {
  db.access.assertAction('configureSync');
  const problem = syncUrlProblem(config.serverUrl);
  if (problem) throw new SyncConfigError(problem);
  if (!DATABASE_NAME.test(config.databaseName)) throw new SyncConfigError('databaseName');
  const clean: SyncConfig = {
    serverUrl: config.serverUrl.trim().replace(/\/+$/, ''),
    databaseName: config.databaseName,
    ...(config.username?.trim() ? { username: config.username.trim() } : {}),
    siteWideAccounts: config.siteWideAccounts,
    enabled: config.enabled,
    ...(config.deskName?.trim() ? { deskName: config.deskName.trim().slice(0, 60) } : {}),
  };
  const writes = writePathOf(db);
  await writes.transaction(['syncState'], async () => {
    const previous = (await db.syncState.get(SYNC_STATE_KEYS.config))?.value as SyncConfig | undefined;
    // Another server or database is another log: this desk's rows are sent there from the start.
    const otherLog = previous && (previous.serverUrl !== clean.serverUrl || previous.databaseName !== clean.databaseName);
    await db.syncState.put({ key: SYNC_STATE_KEYS.config, value: clean });
    if (otherLog) await db.syncState.bulkDelete([SYNC_STATE_KEYS.seeded, SYNC_STATE_KEYS.pulledSeq]);
    await writes.audit({
      action: 'update',
      entityTable: 'syncState',
      entityId: SYNC_STATE_KEYS.config,
      summary: `sync ${clean.enabled ? 'on' : 'off'}: ${clean.serverUrl} / ${clean.databaseName}${clean.siteWideAccounts ? ' (site-wide accounts)' : ''}`,
    });
  });
  db.sync.recording = clean.enabled;
  return clean;
}

/** Open conflicts, newest first (a supervisor's list). */
export async function openSyncConflicts(db: FrontDeskDatabase, limit = 200): Promise<SyncConflict[]> {
  return db.syncConflicts.where('[status+detectedAt]').between(['open', -Infinity], ['open', Infinity]).reverse().limit(limit).toArray();
}

/** A supervisor has looked at a conflict (the merged row stays; the conflict leaves the open list). */
export async function markSyncConflictReviewed(db: FrontDeskDatabase, id: string): Promise<void> {
  db.access.assertAction('configureSync');
  const writes = writePathOf(db);
  await writes.transaction(['syncConflicts', 'syncState'], async () => {
    const conflict = await db.syncConflicts.get(id);
    if (!conflict || conflict.status !== 'open') return;
    const at = Date.now();
    const by = db.access.principal?.operatorId ?? db.desk.actorId;
    await writes.recordSyncBookkeeping([{ ...conflict, status: 'resolved', resolvedAt: at, resolvedBy: by }], []);
    await writes.audit({ action: 'update', entityTable: conflict.table, entityId: conflict.rowId, summary: `sync conflict reviewed (${conflict.lostFields.join(', ') || conflict.rule})` });
  });
}

/**
 * A desk taken out of service leaves the list of desks (its presence record is removed at every desk, so it
 * is no longer named as stale). Supervisors; audited. A desk that is still running writes its record again.
 */
export async function removeSyncDesk(db: FrontDeskDatabase, sync: Pick<RunningSync, 'removeDesk'>, desk: { deskId: string; label: string }): Promise<boolean> {
  db.access.assertAction('configureSync');
  const removed = await sync.removeDesk(desk.deskId);
  if (removed) await writePathOf(db).audit({ action: 'delete', entityTable: 'deskPresence', entityId: desk.deskId, summary: `removed desk ${desk.label} from sync` });
  return removed;
}

/** Compacts the server's database (old revisions go; every document's current version stays). Supervisors; audited. */
export async function compactSyncServer(db: FrontDeskDatabase, sync: Pick<RunningSync, 'compactServer'>, databaseName: string): Promise<void> {
  db.access.assertAction('configureSync');
  await sync.compactServer();
  await writePathOf(db).audit({ action: 'update', entityTable: 'syncState', entityId: SYNC_STATE_KEYS.config, summary: `compacted the server database ${databaseName}` });
}
