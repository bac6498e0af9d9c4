// Replication with the other desks starts with the window, from its own chunk (PouchDB is not part of the
// first screen), when this desk was configured for it in Settings → Sync; it runs before and between
// sign-ins too, so the roll call and the on-site board always include the other desks' visitors.
import { getDatabase } from '../db';
import { readSyncConfig, startSync } from '../db/sync/syncController';
import { getBridge } from '../platform';

export async function startSyncIfConfigured(): Promise<void> {
  const db = getDatabase();
  await db.open();
  const config = await readSyncConfig(db);
  // main builds the desktop app's CSP from the server it was told: keep it in step with the desk's settings
  // (a configuration restored from a backup, or saved by an older version, reaches main here).
  await getBridge().app.setSyncServer({ url: config?.enabled ? config.serverUrl : null });
  if (!config?.enabled) return;
  const secret = config.username ? await getBridge().secrets.get({ key: 'sync.password' }) : undefined;
  const password = secret?.ok ? (secret.value.value ?? undefined) : undefined;
  await startSync(db, config, { ...(config.username ? { username: config.username } : {}), ...(password ? { password } : {}) });
}
