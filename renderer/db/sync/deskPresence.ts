// This desk's presence record and the other desks' (shared/sync/deskPresence.ts): one small document per
// desk, `deskPresence:<deskId>`, kept in the local replica beside the business rows and replicated with
// them by PouchDB. It is bookkeeping, not business: it never enters Dexie, the outbox or the audit log (the
// engine's pull skips it, since it is no replicated table), so a heartbeat every 20 seconds costs one
// small document revision and nothing else. The roll call and the on-site board read `deskPresences`.
import { createStore } from '@shared/store/createStore';
import { heardAt, isPresenceDocId, nextPresence, parsePresence, presenceDocId, type DeskPresence } from '@shared/sync/deskPresence';

/**
 * Every desk's presence record this desk's replica holds, refreshed as they arrive: this desk's own as it
 * wrote it, another desk's with `syncedAt` = when this desk last heard from it (its own clock).
 */
export const deskPresences = createStore<readonly DeskPresence[]>([]);

/** The revision of each other desk's record last seen here, and when it arrived. */
const heard = new Map<string, { rev: string; heardAt: number }>();

/** Forgets what was heard (sync stopped, or a test's next desk). */
export function forgetPresences(): void {
  heard.clear();
  deskPresences.set([]);
}

type PresenceDoc = { _id: string; _rev?: string; _deleted?: boolean; table: 'deskPresence'; presence: DeskPresence };

/** The part of a PouchDB database presence needs. */
export interface PresenceReplica {
  get(id: string): Promise<PresenceDoc>;
  put(doc: PresenceDoc | { _id: string; _rev: string; _deleted: true }): Promise<unknown>;
  allDocs(options: { startkey: string; endkey: string; include_docs: true }): Promise<{ rows: Array<{ id: string; doc?: unknown }> }>;
}

async function current(local: PresenceReplica, deskId: string): Promise<PresenceDoc | null> {
  try {
    return await local.get(presenceDocId(deskId));
  } catch {
    return null; // none yet
  }
}

/** Writes this desk's heartbeat into the replica (PouchDB's live push carries it to the server). */
export async function writePresence(local: PresenceReplica, desk: { deskId: string; name?: string }, now: number, connected: boolean, last: { push?: number; pull?: number }): Promise<DeskPresence> {
  for (let attempt = 0; ; attempt++) {
    const doc = await current(local, desk.deskId);
    const presence = nextPresence(doc ? parsePresence(doc.presence) : null, desk, now, connected, last);
    try {
      await local.put({ _id: presenceDocId(desk.deskId), ...(doc?._rev ? { _rev: doc._rev } : {}), table: 'deskPresence', presence });
      return presence;
    } catch (error) {
      if (attempt >= 2) throw error; // a pulled revision arrived meanwhile: read it and write again
    }
  }
}

/** Reads every desk's presence record from the replica into `deskPresences` (`selfDeskId`: this desk). */
export async function refreshPresences(local: PresenceReplica, selfDeskId?: string, now: number = Date.now()): Promise<readonly DeskPresence[]> {
  const found = await local.allDocs({ startkey: 'deskPresence:', endkey: 'deskPresence:\uffff', include_docs: true });
  const list = found.rows.flatMap((row) => {
    if (!isPresenceDocId(row.id)) return [];
    const doc = row.doc as Partial<PresenceDoc> | undefined;
    const parsed = parsePresence(doc?.presence);
    if (!parsed) return [];
    if (parsed.deskId === selfDeskId) return [parsed];
    const rev = doc?._rev ?? '';
    const at = heardAt(heard.get(parsed.deskId), rev, parsed, now);
    heard.set(parsed.deskId, { rev, heardAt: at });
    return [{ ...parsed, syncedAt: at }];
  });
  const previous = deskPresences.get();
  if (JSON.stringify(previous) !== JSON.stringify(list)) deskPresences.set(list);
  return list;
}

/** Removes a desk's presence record (Settings → Sync, a desk taken out of service); the deletion replicates. */
export async function removePresence(local: PresenceReplica, deskId: string): Promise<boolean> {
  const doc = await current(local, deskId);
  if (!doc?._rev) return false;
  await local.put({ _id: doc._id, _rev: doc._rev, _deleted: true });
  heard.delete(deskId);
  await refreshPresences(local);
  return true;
}
