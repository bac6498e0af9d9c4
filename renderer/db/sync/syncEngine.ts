// Several desks, one log (issue 14; README "Several desks"). Dexie stays the store every screen reads and
// every write goes to first; PouchDB keeps a replica of the replicated rows on the desk and runs CouchDB's
// replication protocol with the site's server, both ways, live, with its own retries and checkpoints.
//
//   write ──(same Dexie transaction)──▶ syncOutbox ──drain──▶ local replica ◀──PouchDB.sync──▶ server
//   screens ◀── Dexie ◀──apply (merged, with checkpoint, one transaction)── local replica's changes feed
//
// Nothing is lost between the two stores: an outbox entry is removed only after its row is in the replica
// (IndexedDB too), and a pulled change is applied in the same Dexie transaction that moves the pull
// checkpoint, so a reload or crash in the middle repeats work but never skips it. Two versions of one row
// become one by the table's rule in shared/sync/conflictRules.ts, the same at every desk; overwritten
// values are kept in syncConflicts for a supervisor.
import { canonical, inboundRow, isReplicatedTable, mergeVersions, outboundRow, type SyncRow } from '@shared/sync/conflictRules';
import type { z } from 'zod';
import type { FrontDeskDatabase, TableName } from '../FrontDeskDatabase';
import { schemas as recordSchemas } from '../schemaRegistry';
import { writePathOf } from '../writePath';
import { SYNC_STATE_KEYS, type SyncConflict, type SyncStateRow } from './syncTables';

/** One replicated row in the replica: `<table>:<id>`, with the row under `row` so no field meets CouchDB's `_` names. */
export interface SyncDoc {
  table: string;
  row: SyncRow;
}

type ReplicaDoc = SyncDoc & { _id: string; _rev?: string; _conflicts?: string[]; _deleted?: boolean };

/** The part of a PouchDB database the engine uses (PouchDB in the app, PouchDB's memory adapter in unit tests). */
export interface Replica {
  allDocs(options: { keys: string[]; include_docs: true }): Promise<{ rows: Array<{ key: string; value?: { rev: string; deleted?: boolean }; doc?: ReplicaDoc | null; error?: string }> }>;
  bulkDocs(docs: ReplicaDoc[] | Array<{ _id: string; _rev: string; _deleted: true }>): Promise<Array<{ ok?: boolean; id?: string; error?: boolean | string; name?: string; status?: number }>>;
  get(id: string, options: { rev: string }): Promise<ReplicaDoc>;
  changes(options: { since: number | string; include_docs: true; conflicts: true; limit: number }): Promise<{ results: Array<{ id: string; seq: number | string; doc?: ReplicaDoc }>; last_seq: number | string }>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
}

export interface SyncEngineOptions {
  db: FrontDeskDatabase;
  local: Replica;
  /**
   * Validation schema of each replicated table (rows from other desks are checked before they are merged).
   * By default the write path's own (renderer/db/recordSchemas.ts, through the lazy registry, which the write
   * path loads before the apply transaction opens); unit tests pass their own to simulate a refused row.
   */
  schemas?: Readonly<Record<string, z.ZodType>>;
  siteWideAccounts: boolean;
  batchSize?: number;
  now?: () => number;
}

export interface PullResult {
  applied: number;
  unchanged: number;
  conflicts: number;
  rejected: number;
}

interface Resolved {
  row: SyncRow;
  /** Versions overwritten while resolving the replica's own conflict (before the desk's version is met). */
  losers: SyncRow[];
  lostFields: string[];
  damaged: boolean;
}

type Incoming = Resolved & { table: TableName };

const DOC_SEPARATOR = ':';

export function docId(table: string, rowId: string): string {
  return `${table}${DOC_SEPARATOR}${rowId}`;
}

/** The business tables, in the order a restore writes them (what others refer to first). */
const SEED_ORDER: readonly TableName[] = [
  'settings', 'operators', 'departments', 'staff', 'visitors', 'visits', 'watchlist', 'watchlistAlerts', 'complaints',
  'parcels', 'parcelEvents', 'calls', 'callNotes', 'messages', 'equipmentFaults', 'auditLog',
];

/**
 * Moves changes between Dexie and the local replica. The live replication between the replica and the
 * server is PouchDB's (renderer/db/sync/syncController.ts starts it); this class never speaks to a server.
 */
export class SyncEngine {
  private readonly db: FrontDeskDatabase;
  private readonly local: Replica;
  private readonly batchSize: number;
  private readonly now: () => number;
  private readonly writes;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SyncEngineOptions) {
    this.db = options.db;
    this.local = options.local;
    this.batchSize = options.batchSize ?? 200;
    this.now = options.now ?? Date.now;
    this.writes = writePathOf(this.db);
  }

  /** Runs one step at a time: draining and applying never interleave (each reads what the other wrote). */
  private serial<R>(work: () => Promise<R>): Promise<R> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Starts queueing this desk's changes; from now on every write adds its outbox entry. */
  async enableRecording(): Promise<void> {
    this.db.sync.recording = true;
  }

  /**
   * The first push of a desk that starts replicating: every row it already holds is queued, table by table,
   * in pages by key. Writes made meanwhile are queued by the write path as well; a row queued twice is sent once.
   */
  async seed(onProgress?: (done: number) => void, signal?: AbortSignal): Promise<number> {
    const seeded = await this.db.syncState.get(SYNC_STATE_KEYS.seeded);
    if (seeded?.value === true) return 0;
    let done = 0;
    for (const table of SEED_ORDER) {
      let after: string | undefined;
      for (;;) {
        if (signal?.aborted) throw signal.reason ?? new Error('cancelled');
        const collection = after === undefined ? this.db.table(table).orderBy(':id') : this.db.table(table).where(':id').above(after);
        const keys = (await collection.limit(this.batchSize).primaryKeys()) as string[];
        if (keys.length === 0) break;
        await this.serial(() => this.pushRows(table, keys));
        done += keys.length;
        onProgress?.(done);
        after = keys[keys.length - 1];
      }
    }
    await this.db.syncState.put({ key: SYNC_STATE_KEYS.seeded, value: true });
    return done;
  }

  /** Sends queued changes into the replica until the outbox is empty; returns how many rows were written. */
  drainOutbox(): Promise<number> {
    return this.serial(async () => {
      let written = 0;
      for (;;) {
        const entries = await this.db.syncOutbox.orderBy('seq').limit(this.batchSize).toArray();
        if (entries.length === 0) return written;
        const byTable = new Map<string, Set<string>>();
        for (const entry of entries) {
          const ids = byTable.get(entry.table) ?? new Set<string>();
          ids.add(entry.rowId);
          byTable.set(entry.table, ids);
        }
        const retry = new Set<string>();
        for (const [table, ids] of byTable) {
          const failed = await this.pushRows(table, [...ids]);
          for (const id of failed) retry.add(docId(table, id));
          written += ids.size - failed.length;
        }
        // Entries whose row reached the replica are done; a row refused because the replica moved on (a pulled
        // version arrived meanwhile) stays queued and is sent on the next round, merged.
        const done = entries.filter((entry) => !retry.has(docId(entry.table, entry.rowId))).map((entry) => entry.seq!);
        await this.db.syncOutbox.bulkDelete(done);
        if (done.length === 0) return written;
      }
    });
  }

  /** Writes the current Dexie version of `ids` into the replica; returns the ids the replica refused. */
  private async pushRows(table: string, ids: readonly string[]): Promise<string[]> {
    if (!isReplicatedTable(table) || ids.length === 0) return [];
    const rows = (await this.db.table(table).bulkGet([...ids])) as (SyncRow | undefined)[];
    const existing = await this.local.allDocs({ keys: ids.map((id) => docId(table, id)), include_docs: true });
    const docs: ReplicaDoc[] = [];
    const mergedHere: Incoming[] = [];
    rows.forEach((row, i) => {
      if (!row) return;
      const out = outboundRow(table, row, { siteWideAccounts: this.options.siteWideAccounts });
      if (!out) return;
      const current = existing.rows[i];
      const rev = current?.value && !current.value.deleted ? current.value.rev : undefined;
      const theirs = current?.doc && !current.doc._deleted ? current.doc.row : undefined;
      if (theirs && canonical(theirs) === canonical(out)) return;
      // The replica may hold a version another desk sent that this desk has not applied yet: writing ours as its
      // successor would drop it unseen, so the two are merged first, and the merge is brought into Dexie too.
      const merge = theirs ? mergeVersions(table, out, theirs) : undefined;
      const next = merge ? merge.merged : out;
      if (merge && (canonical(next) !== canonical(out) || merge.losers.length > 0)) {
        mergedHere.push({ table: table as TableName, row: next, losers: merge.losers, lostFields: merge.lostFields, damaged: merge.damaged === true });
      }
      if (theirs && canonical(theirs) === canonical(next)) return;
      docs.push({ _id: docId(table, row.id), ...(rev ? { _rev: rev } : {}), table, row: next });
    });
    const results = docs.length > 0 ? await this.local.bulkDocs(docs) : [];
    if (mergedHere.length > 0) await this.applyBatch(mergedHere);
    return results.flatMap((result, i) => (result.error ? [docs[i]!.row.id] : []));
  }

  /**
   * Applies the replica's changes since the checkpoint to Dexie, merged with what the desk holds, in
   * batches; each batch and its checkpoint are one Dexie transaction.
   */
  pull(): Promise<PullResult> {
    return this.serial(async () => {
      const total: PullResult = { applied: 0, unchanged: 0, conflicts: 0, rejected: 0 };
      for (;;) {
        const since = ((await this.db.syncState.get(SYNC_STATE_KEYS.pulledSeq))?.value as number | string | undefined) ?? 0;
        const feed = await this.local.changes({ since, include_docs: true, conflicts: true, limit: this.batchSize });
        if (feed.results.length === 0) return total;
        const incoming: Incoming[] = [];
        for (const change of feed.results) {
          const doc = change.doc;
          if (!doc || doc._deleted || !isReplicatedTable(doc.table) || !doc.row) continue;
          const resolved = await this.resolveReplicaConflicts(doc);
          incoming.push({ table: doc.table as TableName, ...resolved });
        }
        const result = await this.applyBatch(incoming, feed.last_seq);
        total.applied += result.applied;
        total.unchanged += result.unchanged;
        total.conflicts += result.conflicts;
        total.rejected += result.rejected;
      }
    });
  }

  /**
   * A document the replica holds in several versions (two desks edited it before they saw each other's
   * change): the versions are merged by the table's rule and the merged one replaces them all in the
   * replica, so the resolution replicates and every desk stops seeing the conflict.
   */
  private async resolveReplicaConflicts(doc: ReplicaDoc): Promise<Resolved> {
    if (!doc._conflicts?.length) return { row: doc.row, losers: [], lostFields: [], damaged: false };
    let merged = doc.row;
    const losers: SyncRow[] = [];
    const lost = new Set<string>();
    let damaged = false;
    const others: ReplicaDoc[] = [];
    for (const rev of doc._conflicts) {
      try {
        others.push(await this.local.get(doc._id, { rev }));
      } catch {
        // already removed by another resolution
      }
    }
    for (const other of others) {
      const result = mergeVersions(doc.table as never, merged, other.row);
      merged = result.merged;
      losers.push(...result.losers);
      for (const field of result.lostFields) lost.add(field);
      damaged ||= result.damaged === true;
    }
    await this.local.bulkDocs([
      { _id: doc._id, _rev: doc._rev!, table: doc.table, row: merged },
      ...others.map((other) => ({ _id: other._id, _rev: other._rev!, _deleted: true as const, table: other.table, row: other.row })),
    ]);
    return { row: merged, losers, lostFields: [...lost].sort(), damaged };
  }

  /** Merges rows into Dexie in one transaction; with `lastSeq`, the pull checkpoint moves in it too. */
  private async applyBatch(incoming: readonly Incoming[], lastSeq?: number | string): Promise<PullResult> {
    const result: PullResult = { applied: 0, unchanged: 0, conflicts: 0, rejected: 0 };
    const tables = [...new Set(incoming.map((item) => item.table))];
    const at = this.now();
    await this.writes.transaction([...tables, 'syncConflicts', 'syncState'], async () => {
      const conflicts: SyncConflict[] = [];
      for (const table of tables) {
        const items = incoming.filter((item) => item.table === table);
        const stored = (await this.db.table(table).bulkGet(items.map((item) => item.row.id))) as (SyncRow | undefined)[];
        const rows: SyncRow[] = [];
        const requeue: string[] = [];
        const schema = isReplicatedTable(table) ? (this.options.schemas ?? recordSchemas().RECORD_SCHEMAS)[table] : undefined;
        items.forEach((item, i) => {
          const mine = stored[i];
          const theirs = inboundRow(table, item.row, mine, { siteWideAccounts: this.options.siteWideAccounts });
          // A row this desk's schema refuses (damaged, or from a newer version of the app) is not stored; it is
          // listed for a supervisor, and the batch goes on.
          if (!schema || !schema.safeParse(theirs).success) {
            result.rejected += 1;
            conflicts.push(conflictRecord(table, theirs, { merged: mine ?? theirs, losers: [theirs], lostFields: [], rule: 'rejected' }, at));
            return;
          }
          const merge: { merged: SyncRow; losers: SyncRow[]; lostFields: string[]; rule: string; damaged?: boolean } = mine
            ? mergeVersions(table as never, mine, theirs)
            : { merged: theirs, losers: [], lostFields: [], rule: 'new' };
          const losers = [...item.losers, ...merge.losers];
          if (losers.length > 0 || item.damaged || merge.damaged) {
            const lostFields = [...new Set([...item.lostFields, ...merge.lostFields])].sort();
            conflicts.push(conflictRecord(table, merge.merged, { merged: merge.merged, losers, lostFields, rule: merge.rule, damaged: item.damaged || merge.damaged === true }, at));
          }
          if (mine && canonical(merge.merged) === canonical(mine)) {
            result.unchanged += 1;
            // The desk's version won outright: send it, so the desk that sent the loser converges too.
            if (canonical(mine) !== canonical(theirs)) requeue.push(mine.id);
            return;
          }
          rows.push(merge.merged);
          result.applied += 1;
          if (canonical(merge.merged) !== canonical(theirs)) requeue.push(merge.merged.id);
        });
        if (schema && (rows.length > 0 || requeue.length > 0)) await this.writes.applyReplicated(table, rows as never[], requeue, at);
      }
      result.conflicts = conflicts.length;
      const state: SyncStateRow[] = lastSeq === undefined ? [] : [{ key: SYNC_STATE_KEYS.pulledSeq, value: lastSeq }, { key: SYNC_STATE_KEYS.lastPull, value: at }];
      await this.writes.recordSyncBookkeeping(conflicts, state);
    });
    return result;
  }
}

function conflictRecord(table: string, row: SyncRow, merge: { merged: SyncRow; losers: SyncRow[]; lostFields: string[]; rule: string; damaged?: boolean }, at: number): SyncConflict {
  return {
    // One entry per row and merged version: finding the same conflict twice (a repeated batch) overwrites it.
    id: `${table}:${row.id}:${merge.merged.updatedAt}:${merge.rule}`,
    table,
    rowId: row.id,
    status: 'open',
    detectedAt: at,
    merged: merge.merged,
    losers: merge.losers,
    lostFields: merge.lostFields,
    rule: merge.rule,
    ...(merge.damaged ? { damaged: true } : {}),
  };
}
