// This desk's presence record and the other desks' (shared/sync/deskPresence.ts): one small document per
// desk, `deskPresence:<deskId>`, kept in the local replica beside the business rows and replicated with
// them by PouchDB. It is bookkeeping, not business: it never enters Dexie, the outbox or the audit log (the
// engine's pull skips it, since it is no replicated table), so a heartbeat every 20 seconds costs one
// small document revision and nothing else. The roll call and the on-site board read `deskPresences`.
import { createStore } from '@shared/store/createStore';
import { isPresenceDocId, nextPresence, parsePresence, presenceDocId, type DeskPresence } from '@shared/sync/deskPresence';

/** Every desk's presence record this desk's replica holds (its own included), refreshed as they arrive. */
export const deskPresences = createStore<readonly DeskPresence[]>([]);

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

/** Reads every desk's presence record from the replica into `deskPresences`. */
export async function refreshPresences(local: PresenceReplica): Promise<readonly DeskPresence[]> {
  const found = await local.allDocs({ startkey: 'deskPresence:', endkey: 'deskPresence:\uffff', include_docs: true });
  const list = found.rows.flatMap((row) => {
    if (!isPresenceDocId(row.id)) return [];
    const parsed = parsePresence((row.doc as Partial<PresenceDoc> | undefined)?.presence);
    return parsed ? [parsed] : [];
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
  await refreshPresences(local);
  return true;
}
