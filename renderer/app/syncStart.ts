// Replication with the other desks starts with the window, from its own chunk (PouchDB is not part of the
// first screen), when this desk was configured for it in Settings → Sync; it runs before and between
// sign-ins too, so the roll call and the on-site board always include the other desks' visitors.
import { getDatabase } from '../db';
import { readSyncConfig, startStoredSync } from '../db/sync/syncController';
import { getBridge } from '../platform';

export async function startSyncIfConfigured(): Promise<void> {
  const db = getDatabase();
  await db.open();
  const config = await readSyncConfig(db);
  // main builds the desktop app's CSP from the server it was told: keep it in step with the desk's settings
  // (a configuration restored from a backup, or saved by an older version, reaches main here).
  await getBridge().app.setSyncServer({ url: config?.enabled ? config.serverUrl : null });
  if (!config?.enabled) return;
  await startStoredSync(db);
}
