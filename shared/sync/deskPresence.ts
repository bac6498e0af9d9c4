// Which desks may have fallen behind (issue 14, item 5): each replicating desk keeps one small presence
// record on the server (renderer/db/sync/deskPresence.ts), rewritten about every 20 seconds while it is in
// touch with the server. A desk whose record says it was last in touch more than a minute ago may hold
// check-ins the others have not seen, so the roll call and the on-site board name it: their count may be
// stale. The same rule covers this desk itself (offline for more than a minute). Another desk is judged by
// when this desk last heard from it (`heardAt`), so a clock that is off at one desk does not raise the alarm.

/** How often a replicating desk rewrites its presence record. */
export const PRESENCE_HEARTBEAT_MS = 20_000;
/** A desk not in touch with the server for longer than this may be missing from the count. */
export const STALE_DESK_AFTER_MS = 60_000;

export interface DeskPresence {
  deskId: string;
  /** The desk's name from Settings → Sync ("侧门", "Mailroom"), when one was given. */
  name?: string;
  /** The last time the desk was in touch with the server (replicating without an error), epoch ms. */
  syncedAt: number;
  /** Its last successful push and pull, as the desk itself saw them (shown for a supervisor). */
  lastPushAt?: number;
  lastPullAt?: number;
}

/** The id of a desk's presence document in the replica and on the server: never a business table's. */
export function presenceDocId(deskId: string): string {
  return `deskPresence:${deskId}`;
}

export function isPresenceDocId(id: string): boolean {
  return id.startsWith('deskPresence:');
}

/** What a person calls the desk: its name, else the start of its id. */
export function deskLabel(presence: Pick<DeskPresence, 'deskId' | 'name'>): string {
  const name = presence.name?.trim();
  return name ? name : presence.deskId.slice(0, 8);
}

/** A valid presence record read from the replica, or null (a damaged or foreign document is ignored). */
export function parsePresence(value: unknown): DeskPresence | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.deskId !== 'string' || !v.deskId || typeof v.syncedAt !== 'number' || !Number.isFinite(v.syncedAt)) return null;
  const time = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  const lastPushAt = time(v.lastPushAt);
  const lastPullAt = time(v.lastPullAt);
  return {
    deskId: v.deskId,
    ...(typeof v.name === 'string' && v.name.trim() ? { name: v.name.trim().slice(0, 60) } : {}),
    syncedAt: v.syncedAt,
    ...(lastPushAt !== undefined ? { lastPushAt } : {}),
    ...(lastPullAt !== undefined ? { lastPullAt } : {}),
  };
}

/**
 * The desks not in touch with the server for more than `afterMs` at time `now`, longest silent first
 * (ties by label), each desk once (the newest record of a desk counts).
 */
export function staleDesks(presences: readonly DeskPresence[], now: number, afterMs: number = STALE_DESK_AFTER_MS): DeskPresence[] {
  const newest = new Map<string, DeskPresence>();
  for (const presence of presences) {
    const seen = newest.get(presence.deskId);
    if (!seen || presence.syncedAt > seen.syncedAt) newest.set(presence.deskId, presence);
  }
  return [...newest.values()]
    .filter((presence) => now - presence.syncedAt > afterMs)
    .sort((a, b) => a.syncedAt - b.syncedAt || deskLabel(a).localeCompare(deskLabel(b)));
}

/**
 * When this desk last heard from another desk, by its own clock (desks' clocks may disagree): the moment a
 * new revision of that desk's record arrived; a record seen for the first time (at start) counts from the
 * time it says, never later than now.
 */
export function heardAt(previous: { rev: string; heardAt: number } | undefined, rev: string, presence: DeskPresence, now: number): number {
  if (!previous) return Math.min(now, presence.syncedAt);
  return previous.rev === rev ? previous.heardAt : now;
}

/**
 * The presence record a desk writes at a heartbeat: `syncedAt` moves to `now` only while it is in touch
 * with the server; offline, it keeps the last time it was (so its own record ages like the others see it).
 */
export function nextPresence(previous: DeskPresence | null, desk: { deskId: string; name?: string }, now: number, connected: boolean, last: { push?: number; pull?: number }): DeskPresence {
  const syncedAt = connected ? now : (previous?.syncedAt ?? 0);
  const name = desk.name?.trim();
  return {
    deskId: desk.deskId,
    ...(name ? { name } : {}),
    syncedAt,
    ...(last.push !== undefined ? { lastPushAt: last.push } : {}),
    ...(last.pull !== undefined ? { lastPullAt: last.pull } : {}),
  };
}
