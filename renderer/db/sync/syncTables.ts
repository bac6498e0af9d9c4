// The desk's own bookkeeping for replication (schema v11, renderer/db/schemaHistory.ts). None of these
// tables replicates: the outbox and the checkpoint describe this desk's progress, and a conflict is listed
// at the desk that found it (the merged row itself replicates like any other change).

/** One changed row waiting to be sent: written by the write path in the same transaction as the change. */
export interface OutboxEntry {
  /** Auto-incremented: the order of the changes on this desk. */
  seq?: number;
  table: string;
  rowId: string;
  at: number;
}

/** The versions a merge overwrote, kept for a supervisor (nothing is lost silently). */
export interface SyncConflict {
  id: string;
  table: string;
  rowId: string;
  status: 'open' | 'resolved';
  detectedAt: number;
  /** The row as the merge left it. */
  merged: Record<string, unknown>;
  /** The versions whose values did not all survive. */
  losers: Record<string, unknown>[];
  lostFields: string[];
  rule: string;
  /** Two versions of an append-only row (an audit entry): not a disagreement but damage. */
  damaged?: boolean;
  resolvedAt?: number;
  resolvedBy?: string;
}

/** Keys of syncState rows. */
export const SYNC_STATE_KEYS = {
  /** The server, database and options of this desk's sync (credentials are in the bridge's secrets). */
  config: 'config',
  /** The local change sequence of the replica up to which rows were applied to Dexie. */
  pulledSeq: 'pulledSeq',
  /** The first full push of this desk's rows is done (later changes go through the outbox). */
  seeded: 'seeded',
  /** Last successful push / pull (epoch ms), shown in Settings → Sync. */
  lastPush: 'lastPush',
  lastPull: 'lastPull',
  /** When this desk first caught up with the server (its first sync, with a progress bar, is over). */
  firstSyncDone: 'firstSyncDone',
} as const;

export interface SyncStateRow {
  key: string;
  value: unknown;
}

export interface SyncConfig {
  /** http(s)://host[:port] of the CouchDB-protocol server (https required except to loopback). */
  serverUrl: string;
  databaseName: string;
  /** The name the password is stored under in the bridge's secrets, when the server needs one. */
  username?: string;
  siteWideAccounts: boolean;
  enabled: boolean;
  /** What the other desks call this one ("侧门", "Mailroom") when it falls silent; optional. */
  deskName?: string;
}

/** The sync bookkeeping tables, which a write transaction may include besides the business tables. */
export type SyncTableName = 'syncOutbox' | 'syncConflicts' | 'syncState';
