// Which tables replicate to other desks: the names alone, so the write path (which stamps a change for
// every replicated write) does not carry the merge rules of shared/sync/conflictRules.ts, whose policies
// must cover exactly these tables.
export const REPLICATED_TABLES = [
  'departments', 'staff', 'visitors', 'visits', 'watchlist', 'watchlistAlerts', 'complaints', 'parcels',
  'parcelEvents', 'calls', 'callNotes', 'messages', 'equipmentFaults', 'auditLog', 'operators', 'settings',
] as const;

export type ReplicatedTable = (typeof REPLICATED_TABLES)[number];

const REPLICATED = new Set<string>(REPLICATED_TABLES);

export function isReplicatedTable(table: string): table is ReplicatedTable {
  return REPLICATED.has(table);
}
