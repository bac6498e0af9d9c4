// Starts and stops this desk's replication (README "Several desks"): PouchDB (loaded on first use, so it
// is not part of the first screen) keeps the local replica in IndexedDB and replicates it with the site's
// CouchDB-protocol server both ways, live, retrying with back-off while the server is away; the engine
// (renderer/db/sync/syncEngine.ts) moves changes between the replica and Dexie. The status store
// (renderer/db/sync/syncStatus.ts) tells the status bar and Settings → Sync what is happening.
import { liveQuery } from 'dexie';
import { PRESENCE_HEARTBEAT_MS } from '@shared/sync/deskPresence';
import { syncUrlProblem } from '@shared/sync/syncServerAddress';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { getBridge } from '../../platform';
import { writePathOf } from '../writePath';
import { forgetPresences, refreshPresences, removePresence, writePresence, type PresenceReplica } from './deskPresence';
import { SyncEngine, type Replica } from './syncEngine';
import { syncStatus, updateSyncStatus } from './syncStatus';
import { SYNC_STATE_KEYS, type SyncConfig } from './syncTables';

export interface SyncCredentials {
  username?: string;
  password?: string;
}

type PouchStatic = PouchDB.Static;

let pouchLoaded: Promise<PouchStatic> | undefined;
/**
 * Documents per replication request and rows per Dexie transaction when the replica's changes are applied.
 * 1,000 rather than PouchDB's 100 (and our 200 before): a first sync of 10,000 rows took 33.2 s at 200 and
 * 21.0 s at 1,000 (tests/bench/sync.bench.ts), fewer round trips, checkpoints and transactions.
 */
const SYNC_BATCH = 1_000;

function loadPouch(): Promise<PouchStatic> {
  pouchLoaded ??= import('pouchdb-browser').then((module) => (module.default ?? module) as unknown as PouchStatic);
  return pouchLoaded;
}

function remoteDatabase(Pouch: PouchStatic, config: SyncConfig, credentials: SyncCredentials): PouchDB.Database {
  const url = `${config.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(config.databaseName)}`;
  const auth = credentials.username ? { username: credentials.username, password: credentials.password ?? '' } : undefined;
  return new Pouch(url, { skip_setup: false, ...(auth ? { auth } : {}) });
}

function reasonOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { status?: number; reason?: string; message?: string; name?: string };
    const text = e.reason ?? e.message ?? e.name ?? '';
    return e.status ? `${e.status} ${text}`.trim() : text;
  }
  return String(error);
}

/** Whether the server answers and the database can be opened (Settings → Sync, "Test connection"). */
export async function testSyncConnection(config: SyncConfig, credentials: SyncCredentials): Promise<{ ok: true; documents: number } | { ok: false; reason: string }> {
  const problem = syncUrlProblem(config.serverUrl);
  if (problem) return { ok: false, reason: problem };
  const Pouch = await loadPouch();
  const remote = remoteDatabase(Pouch, config, credentials);
  try {
    const info = await remote.info();
    return { ok: true, documents: info.doc_count };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  } finally {
    void remote.close().catch(() => undefined);
  }
}

/** The desk's stored sync configuration, if any (no credentials: they are in the bridge's secrets). */
export async function readSyncConfig(db: FrontDeskDatabase): Promise<SyncConfig | undefined> {
  return (await db.syncState.get(SYNC_STATE_KEYS.config))?.value as SyncConfig | undefined;
}

export interface RunningSync {
  stop(): Promise<void>;
  /** Stops replicating for now without changing the settings (state 'paused'); startSync resumes it. */
  pause(): Promise<void>;
  /** Removes a desk's presence record everywhere (a desk taken out of service); false when there was none. */
  removeDesk(deskId: string): Promise<boolean>;
  /** Asks the server to compact its database (CouchDB's _compact: old revisions go, the log stays). */
  compactServer(): Promise<void>;
  engine: SyncEngine;
}

/** Starts this desk's sync from its stored settings and the password in the bridge's secrets (at start, or to resume). */
export async function startStoredSync(db: FrontDeskDatabase): Promise<RunningSync | undefined> {
  const config = await readSyncConfig(db);
  if (!config?.enabled) return undefined;
  const secret = config.username ? await getBridge().secrets.get({ key: 'sync.password' }) : undefined;
  const password = secret?.ok ? (secret.value.value ?? undefined) : undefined;
  return startSync(db, config, { ...(config.username ? { username: config.username } : {}), ...(password ? { password } : {}) });
}

let running: RunningSync | undefined;

/** The replication running in this window, if any. */
export function runningSync(): RunningSync | undefined {
  return running;
}

/**
 * Starts replicating (stopping a previous run first). The first run of a desk queues every row it holds
 * (progress in the status); from then on the outbox carries each change.
 */
export async function startSync(db: FrontDeskDatabase, config: SyncConfig, credentials: SyncCredentials): Promise<RunningSync> {
  await running?.stop();
  const problem = syncUrlProblem(config.serverUrl);
  if (problem) {
    updateSyncStatus({ state: 'error', reason: problem });
    throw new Error(problem);
  }
  updateSyncStatus({ state: 'starting', reason: undefined, progress: { done: 0 } });
  const Pouch = await loadPouch();
  const local = new Pouch(`${db.name}-replica`, { auto_compaction: true });
  const remote = remoteDatabase(Pouch, config, credentials);
  const engine = new SyncEngine({ db, local: local as unknown as Replica, siteWideAccounts: config.siteWideAccounts, batchSize: SYNC_BATCH });
  await engine.enableRecording();

  const abort = new AbortController();
  let stopped = false;
  let unpushed = 0;
  let outboxCount = 0;
  const refreshWaiting = () => updateSyncStatus({ waiting: outboxCount + unpushed });

  let draining: Promise<void> | undefined;
  let drainAgain = false;
  const drain = () => {
    if (stopped) return;
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = engine
      .drainOutbox()
      .then((written) => {
        unpushed += written;
        refreshWaiting();
      })
      .catch((error: unknown) => {
        if (!stopped) updateSyncStatus({ state: 'error', reason: reasonOf(error) });
      })
      .finally(() => {
        draining = undefined;
        if (drainAgain) {
          drainAgain = false;
          drain();
        }
      });
  };

  let pulling: Promise<void> | undefined;
  let pullAgain = false;
  const pull = () => {
    if (stopped) return;
    if (pulling) {
      pullAgain = true;
      return;
    }
    pulling = engine
      .pull()
      .then(() => updateSyncStatus({ lastPull: Date.now() }))
      .catch((error: unknown) => {
        if (!stopped) updateSyncStatus({ state: 'error', reason: reasonOf(error) });
      })
      .finally(() => {
        pulling = undefined;
        if (pullAgain) {
          pullAgain = false;
          pull();
        }
      });
  };

  const outboxWatch = liveQuery(() => db.syncOutbox.count()).subscribe({
    next: (count) => {
      outboxCount = count;
      refreshWaiting();
      if (syncStatus.get().state === 'upToDate' && count > 0) updateSyncStatus({ state: 'syncing' });
      if (count > 0) drain();
    },
    error: () => undefined,
  });
  const conflictWatch = liveQuery(() => db.syncConflicts.where('[status+detectedAt]').between(['open', -Infinity], ['open', Infinity]).count()).subscribe({
    next: (openConflicts) => updateSyncStatus({ openConflicts }),
    error: () => undefined,
  });

  // The first run of a desk: what it already holds goes up; what the server holds comes down.
  try {
    const total = (await db.syncState.get(SYNC_STATE_KEYS.seeded))?.value === true ? 0 : undefined;
    if (total === undefined) await engine.seed((done) => updateSyncStatus({ progress: { done } }), abort.signal);
  } catch (error) {
    outboxWatch.unsubscribe();
    conflictWatch.unsubscribe();
    updateSyncStatus({ state: 'error', reason: reasonOf(error), progress: undefined });
    throw error;
  }
  drain();

  // The first sync of a new desk: how much of the server's log the replica holds so far (both counts are
  // PouchDB's db.info(), so a reload in the middle resumes the bar where the replica is).
  let firstSync = (await db.syncState.get(SYNC_STATE_KEYS.firstSyncDone))?.value === undefined;
  let serverTotal: number | undefined;
  let measuring = false;
  const showFirstSync = () => {
    if (!firstSync || measuring || stopped) return;
    measuring = true;
    void local
      .info()
      .then((info) => {
        if (firstSync && !stopped) updateSyncStatus({ firstSync: { pulled: serverTotal === undefined ? info.doc_count : Math.min(info.doc_count, serverTotal), ...(serverTotal !== undefined ? { total: serverTotal } : {}) } });
      })
      .catch(() => undefined)
      .finally(() => (measuring = false));
  };
  const firstSyncOver = () => {
    if (!firstSync) return;
    firstSync = false;
    updateSyncStatus({ firstSync: undefined });
    void writePathOf(db).recordSyncBookkeeping([], [{ key: SYNC_STATE_KEYS.firstSyncDone, value: Date.now() }]).catch(() => undefined);
  };
  if (firstSync) {
    updateSyncStatus({ firstSync: { pulled: 0 } });
    void remote
      .info()
      .then((info) => {
        serverTotal = info.doc_count;
        showFirstSync();
      })
      .catch(() => undefined);
  }

  // PouchDB's replication updates its task list with `src.info().then(…)` and no catch (pouchdb-browser
  // 9, replicate's batch end): when the network drops at that moment the request's "Failed to fetch" is
  // an unhandled rejection, though the replication itself retries and reports the outage through its own
  // events. While this desk's sync runs, that one network failure is marked handled; any other rejection
  // stays unhandled and visible.
  const swallowPouchNetworkRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    if (reason instanceof TypeError && /failed to fetch/i.test(reason.message) && /_info/.test(reason.stack ?? '')) event.preventDefault();
  };
  globalThis.addEventListener?.('unhandledrejection', swallowPouchNetworkRejection);
  const replication = Pouch.sync(local, remote, {
    live: true,
    retry: true,
    batch_size: SYNC_BATCH,
    // PouchDB's default back-off grows to minutes; a desk back on the network should catch up within seconds.
    back_off_function: (delay: number) => (delay === 0 ? 500 : Math.min(delay * 2, 5_000)),
  });
  // This desk's presence record (renderer/db/sync/deskPresence.ts): rewritten every 20 s, and at once the
  // first time the desk is in touch, so the other desks can tell when it has fallen silent.
  const presence = local as unknown as PresenceReplica;
  let heartbeatInTouch = false;
  const beat = () => {
    if (stopped) return;
    const now = syncStatus.get();
    const connected = now.state === 'upToDate' || now.state === 'syncing';
    if (connected) heartbeatInTouch = true;
    void writePresence(presence, { deskId: db.desk.deskId, ...(config.deskName ? { name: config.deskName } : {}) }, Date.now(), connected, { push: now.lastPush, pull: now.lastPull })
      .then(() => refreshPresences(presence, db.desk.deskId))
      .catch(() => undefined);
  };
  const heartbeat = setInterval(beat, PRESENCE_HEARTBEAT_MS);
  // One read at a time; a record that arrives during a read is read right after it (its arrival time counts).
  let refreshing = false;
  let refreshAgain = false;
  const refreshOthers = () => {
    if (stopped) return;
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    void refreshPresences(presence, db.desk.deskId)
      .catch(() => undefined)
      .finally(() => {
        refreshing = false;
        if (refreshAgain) {
          refreshAgain = false;
          refreshOthers();
        }
      });
  };
  refreshOthers();

  // The combined replication's own 'paused' drops the error, so each direction is watched: a direction that
  // paused with an error is retrying (the server is away); both paused without one means caught up.
  const failing = { push: undefined as unknown, pull: undefined as unknown };
  const idle = { push: false, pull: false };
  const showState = () => {
    // A stopped or paused sync says 'off' or 'paused': the requests its cancel aborted still report as errors
    // afterwards, and would otherwise turn the status bar to 'offline' with no reason.
    if (stopped) return;
    const error = failing.push ?? failing.pull;
    if (error) {
      const since = syncStatus.get().offlineSince ?? Date.now();
      updateSyncStatus({ state: 'offline', offlineSince: since, reason: reasonOf(error), progress: undefined });
    } else if (idle.push && idle.pull) {
      firstSyncOver();
      updateSyncStatus({ state: outboxCount > 0 ? 'syncing' : 'upToDate', offlineSince: undefined, reason: undefined, progress: undefined });
    } else {
      updateSyncStatus({ state: 'syncing', offlineSince: undefined, reason: undefined });
    }
  };
  for (const direction of ['push', 'pull'] as const) {
    const side = (replication as unknown as Record<'push' | 'pull', unknown>)[direction] as {
      on(event: 'paused', listener: (error?: unknown) => void): unknown;
      on(event: 'active' | 'requestError', listener: (error?: unknown) => void): unknown;
    };
    side.on('paused', (error?: unknown) => {
      if (stopped) return;
      idle[direction] = true;
      failing[direction] = error || undefined;
      if (!error && direction === 'push') {
        unpushed = 0;
        refreshWaiting();
        updateSyncStatus({ lastPush: Date.now() });
      }
      if (!error && direction === 'pull') pull();
      // Caught up: anything queued that the outbox watch did not see (written by another window) goes too.
      if (!error) drain();
      showState();
      if (!error && !heartbeatInTouch) beat();
    });
    side.on('active', () => {
      idle[direction] = false;
      failing[direction] = undefined;
      showState();
    });
    side.on('requestError', (error?: unknown) => {
      failing[direction] = error ?? new Error('request failed');
      showState();
    });
  }
  replication
    .on('change', (info) => {
      if (stopped) return;
      if (info.direction === 'pull') {
        pull();
        refreshOthers();
        showFirstSync();
      } else {
        unpushed = Math.max(0, unpushed - (info.change.docs_written ?? 0));
        updateSyncStatus({ lastPush: Date.now() });
        refreshWaiting();
      }
    })
    .on('denied', (error) => {
      if (!stopped) updateSyncStatus({ state: 'error', reason: reasonOf(error) });
    })
    .on('error', (error) => {
      if (!stopped) updateSyncStatus({ state: 'error', reason: reasonOf(error) });
    });
  pull();

  // Stopped or paused, the status bar says so at once, not after the stores have closed: closing waits for the
  // pull in flight, which a loaded machine can take seconds over.
  const stopAs = async (state: 'off' | 'paused') => {
    if (stopped) return;
    stopped = true;
    updateSyncStatus({ state, waiting: 0, progress: undefined, firstSync: undefined, reason: undefined, offlineSince: undefined });
    globalThis.removeEventListener?.('unhandledrejection', swallowPouchNetworkRejection);
    abort.abort();
    clearInterval(heartbeat);
    forgetPresences();
    replication.cancel();
    outboxWatch.unsubscribe();
    conflictWatch.unsubscribe();
    await Promise.allSettled([draining, pulling]);
    await local.close().catch(() => undefined);
    await remote.close().catch(() => undefined);
    if (running === handle) running = undefined;
  };

  const handle: RunningSync = {
    engine,
    stop: () => stopAs('off'),
    pause: () => stopAs('paused'),
    removeDesk: (deskId) => removePresence(presence, deskId),
    async compactServer() {
      await (remote as unknown as { compact(): Promise<unknown> }).compact();
    },
  };
  running = handle;
  return handle;
}
