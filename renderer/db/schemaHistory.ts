// The database schema as an append-only history (docs/ARCHITECTURE.md, "Storage"). A desk that was last
// opened months ago must still upgrade cleanly, so an entry, once released, is never edited: a change
// is a new entry at the end, with an upgrade function when existing rows need new fields.
// Dexie carries forward every table not named in a later version, so each entry names only what changed.
//
// Upgrades that derive keys take the key functions from `textKeysInUpgrade()` (renderer/db/textKeys.ts):
// the libraries behind them are loaded lazily, and an upgrade runs inside the versionchange transaction.
//
// A version's data steps are written once, per row (`rows`): the Dexie upgrade applies them to the stored
// tables (`upgradeStoredRows`), and a restore applies the same steps to the rows of an archive bundle made by
// an older schema version before it validates them (`upgradeBundleRow`, renderer/db/archive/restoreBundle.ts).
import type { Transaction } from 'dexie';
import { textKeysInUpgrade, type TextKeys } from './textKeys';

type Row = Record<string, unknown>;

/** What a row step may use besides the row: the key functions and the names of the departments. */
export interface RowUpgradeContext {
  keys: TextKeys;
  departmentName: (id: string) => string | undefined;
  /** The startedAt of a call (v10's notes), undefined when not known. */
  callStartedAt?: (callId: string) => number | undefined;
}

/** Brings one row of a table to this version's shape, in place (derived fields only). */
export type RowUpgrade = (row: Row, context: RowUpgradeContext) => void;

export interface SchemaVersion {
  version: number;
  /** Why this version exists (kept for the people reading this file in a year). */
  description: string;
  /** Dexie store specs for the tables this version adds or changes; null drops a table. */
  stores: Record<string, string | null>;
  /** The row steps of this version, by table, applied in this order. */
  rows?: Partial<Record<string, RowUpgrade>>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * A version's row steps over the stored tables, inside the versionchange transaction. The department names
 * are read first (no step changes a name). updatedAt is left alone: every field a step writes is derived,
 * every desk computes the same values.
 */
async function upgradeStoredRows(tx: Transaction, rows: Partial<Record<string, RowUpgrade>>): Promise<void> {
  const keys = await textKeysInUpgrade();
  const departments = new Map<string, string>();
  await tx.table('departments').each((d: Row) => {
    departments.set(String(d.id), String(d.name ?? ''));
  });
  const context: RowUpgradeContext = { keys, departmentName: (id) => departments.get(id) };
  for (const [table, step] of Object.entries(rows)) {
    await tx.table(table).toCollection().modify((row: Row) => step!(row, context));
  }
}

/** A version whose `upgrade` is its row steps. */
function withRowSteps(version: Omit<SchemaVersion, 'upgrade'> & { rows: Partial<Record<string, RowUpgrade>> }): SchemaVersion {
  return { ...version, upgrade: (tx) => upgradeStoredRows(tx, version.rows) };
}

// Index conventions: every table has `id` (string ULID) as primary key and `updatedAt` (replication and
// export by time); "status + time" and "person + time" compounds serve the screens' lists, and
// `*searchKeys` is multi-entry, one entry per precomputed key. Flags are 0/1: IndexedDB does not index booleans.
const v1: SchemaVersion = {
  version: 1,
  description: 'Initial schema for every domain: desk, directory, visitors, parcels, switchboard.',
  stores: {
    operators: 'id, nameKey, role, updatedAt',
    settings: 'id, key, [key+deskId], updatedAt',
    auditLog: 'id, at, [entityTable+entityId], [actorId+at], action, updatedAt',
    departments: 'id, nameKey, parentId, updatedAt, *searchKeys',
    staff: 'id, departmentId, extension, mobileDigits, updatedAt, *searchKeys',
    visitors: 'id, phoneDigits, idNumber, lastVisitAt, updatedAt, *searchKeys',
    visits: 'id, visitorId, [status+arrivedAt], [status+expectedAt], [hostStaffId+arrivedAt], [hostStaffId+expectedAt], arrivedAt, updatedAt',
    watchlist: 'id, idNumberKey, active, updatedAt, *searchKeys',
    watchlistAlerts: 'id, [status+raisedAt], watchlistId, visitId, updatedAt',
    complaints: 'id, [status+createdAt], visitorId, createdAt, updatedAt',
    parcels: 'id, trackingKey, [status+receivedAt], [recipientStaffId+receivedAt], [urgent+status], receivedAt, updatedAt, *searchKeys',
    parcelEvents: 'id, [parcelId+at], at, updatedAt',
    calls: 'id, startedAt, [remoteNumberDigits+startedAt], [disposition+startedAt], [extension+startedAt], sipCallId, updatedAt',
    callNotes: 'id, callId, [category+createdAt], createdAt, phoneDigits, updatedAt, *searchKeys',
    messages: 'id, [status+createdAt], [toStaffId+createdAt], [toDepartmentId+createdAt], callNoteId, updatedAt',
    equipmentFaults: 'id, [status+reportedAt], updatedAt',
  },
};

const v2: SchemaVersion = withRowSteps({
  version: 2,
  description:
    'The directory reads in pinyin order: staff gain nameKey ("zhang san"), indexed as [nameKey+id] for ' +
    'key-paged lists and [departmentId+nameKey] for one department in order. Existing people are back-filled, ' +
    'and their search keys recomputed (given-name and ü/v keys were added at the same time).',
  stores: {
    staff: 'id, departmentId, extension, mobileDigits, updatedAt, *searchKeys, [nameKey+id], [departmentId+nameKey]',
  },
  rows: {
    staff(person, { keys, departmentName }) {
      const name = String(person.name ?? '');
      person.nameKey = keys.nameSortKey(name);
      person.searchKeys = keys.personSearchKeys({
        name,
        extension: person.extension as string | undefined,
        mobile: person.mobile as string | undefined,
        email: person.email as string | undefined,
        title: person.title as string | undefined,
        departmentName: typeof person.departmentId === 'string' ? departmentName(person.departmentId) : undefined,
      });
    },
  },
});

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Sets a derived field, or removes it when there is nothing to derive (an undefined value is not indexed, but stored). */
function setOrDelete(row: Row, field: string, value: string | undefined): void {
  if (value === undefined) delete row[field];
  else row[field] = value;
}

const v3: SchemaVersion = withRowSteps({
  version: 3,
  description:
    'One key per phone number (shared/phone/phoneKey.ts): staff.mobileDigits, visitors.phoneDigits and ' +
    'callNotes.phoneDigits hold E.164 keys ("+8613800138000") instead of bare digits, and calls gain ' +
    'remoteNumberKey, indexed as [remoteNumberKey+startedAt], so +86/0086 and national spellings of a number are ' +
    'one number; search keys gain them. Names\' search and match keys lose invisible characters (zero-width, ' +
    'bidi, control). Existing rows are back-filled.',
  stores: {
    calls: 'id, startedAt, [remoteNumberDigits+startedAt], [remoteNumberKey+startedAt], [disposition+startedAt], [extension+startedAt], sipCallId, updatedAt',
  },
  rows: {
    departments(d, { keys }) {
      d.searchKeys = keys.nameSearchKeys(String(d.name ?? ''));
    },
    staff(person, { keys, departmentName }) {
      const name = String(person.name ?? '');
      person.nameKey = keys.nameSortKey(name);
      setOrDelete(person, 'mobileDigits', keys.phoneKey(text(person.mobile)));
      person.searchKeys = keys.personSearchKeys({
        name,
        extension: text(person.extension),
        mobile: text(person.mobile),
        email: text(person.email),
        title: text(person.title),
        departmentName: typeof person.departmentId === 'string' ? departmentName(person.departmentId) : undefined,
      });
    },
    visitors(visitor, { keys }) {
      setOrDelete(visitor, 'phoneDigits', keys.phoneKey(text(visitor.phone)));
      visitor.searchKeys = keys.visitorSearchKeys({ name: String(visitor.name ?? ''), phone: text(visitor.phone), company: text(visitor.company) });
    },
    watchlist(entry, { keys }) {
      entry.searchKeys = keys.watchlistEntryKeys({ name: text(entry.name), idNumber: text(entry.idNumber), organisation: text(entry.organisation) });
    },
    calls(call, { keys }) {
      setOrDelete(call, 'remoteNumberKey', keys.phoneKey(text(call.remoteNumber)));
    },
    callNotes(note, { keys }) {
      setOrDelete(note, 'phoneDigits', keys.phoneKey(text(note.phone)));
    },
  },
});

const v4: SchemaVersion = {
  version: 4,
  description:
    'Sign-in and the audit view: shift handover notes (handovers, newest open first), and the audit log ' +
    'filtered by action or by table, newest first, paged by key ([action+at], [entityTable+at]). No row changes.',
  stores: {
    auditLog: 'id, at, [entityTable+entityId], [actorId+at], action, updatedAt, [action+at], [entityTable+at]',
    handovers: 'id, [status+createdAt], createdAt, updatedAt',
  },
};

const v5: SchemaVersion = withRowSteps({
  version: 5,
  description:
    'Messages (issue 10) are found by the caller\'s number: messages gain fromPhoneKey (the phone key of ' +
    'fromPhone, shared/phone/phoneKey.ts), indexed, so an incoming call shows the open messages from that ' +
    'caller. Existing messages are back-filled.',
  stores: {
    messages: 'id, [status+createdAt], [toStaffId+createdAt], [toDepartmentId+createdAt], callNoteId, fromPhoneKey, updatedAt',
  },
  rows: {
    messages(message, { keys }) {
      setOrDelete(message, 'fromPhoneKey', keys.phoneKey(text(message.fromPhone)));
    },
  },
});

const v7: SchemaVersion = {
  version: 7,
  description:
    'Staged imports (shared/imports/staging.ts): a CSV import writes its rows hidden, in short chunks, each with ' +
    'stagedImportId, and shows them in the end; the index finds the rows of one import (to publish them, or to ' +
    'roll back an import a reload interrupted) without scanning the table. Only staged rows carry the field, so ' +
    'the index is empty between imports. Staff gain a deletedAt index: the directory counts live people on the ' +
    'indexes alone (all minus tombstones), a live query re-run after every chunk of an import. No existing row changes.',
  stores: {
    departments: 'id, nameKey, parentId, updatedAt, *searchKeys, stagedImportId',
    staff: 'id, departmentId, extension, mobileDigits, updatedAt, *searchKeys, [nameKey+id], [departmentId+nameKey], stagedImportId, deletedAt',
    visitors: 'id, phoneDigits, idNumber, lastVisitAt, updatedAt, *searchKeys, stagedImportId',
    visits: 'id, visitorId, [status+arrivedAt], [status+expectedAt], [hostStaffId+arrivedAt], [hostStaffId+expectedAt], arrivedAt, updatedAt, stagedImportId',
  },
};

const v8: SchemaVersion = {
  version: 8,
  description:
    'A staging table for restores from an archive bundle (renderer/db/archive/restoreBundle.ts): the new rows of a ' +
    'restore wait there, indexed by restoreId, until one transaction moves them into their tables.',
  stores: { restoreStaging: 'id, restoreId' },
};

const v9: SchemaVersion = {
  version: 9,
  description:
    'Weekly phone-record volumes (issue 12, shared/archive/weeklyVolume.ts): each volume produced (PDF, print, ' +
    'bundle) is recorded with its week and SHA-256, listed newest first and found by week. A new table: no row changes.',
  stores: { weeklyVolumes: 'id, week, createdAt, updatedAt' },
};

const callNotesV10: RowUpgrade = (note, { callStartedAt }) => {
  const started = typeof note.callId === 'string' ? callStartedAt?.(note.callId) : undefined;
  if (started !== undefined) note.callStartedAt = started;
};

const v10: SchemaVersion = {
  version: 10,
  description:
    'The call archive\'s search for a common name walks the notes in the calls\' order instead of every call: notes ' +
    'gain callStartedAt (their call\'s startedAt), indexed as [callStartedAt+callId]. Existing notes are back-filled ' +
    'from their calls.',
  stores: { callNotes: 'id, callId, [category+createdAt], createdAt, phoneDigits, updatedAt, *searchKeys, [callStartedAt+callId]' },
  rows: { callNotes: callNotesV10 },
  async upgrade(tx) {
    // The calls of the notes, read by key in bounded batches (a modify callback cannot await).
    const callIds: string[] = [];
    await tx.table('callNotes').each((note: Row) => {
      if (typeof note.callId === 'string') callIds.push(note.callId);
    });
    const started = new Map<string, number>();
    for (let i = 0; i < callIds.length; i += 1000) {
      const calls = (await tx.table('calls').bulkGet(callIds.slice(i, i + 1000))) as (Row | undefined)[];
      for (const call of calls) if (call && typeof call.startedAt === 'number') started.set(String(call.id), call.startedAt);
    }
    const keys = await textKeysInUpgrade();
    const context: RowUpgradeContext = { keys, departmentName: () => undefined, callStartedAt: (id) => started.get(id) };
    await tx.table('callNotes').toCollection().modify((note: Row) => callNotesV10(note, context));
  },
};

const v11: SchemaVersion = {
  version: 11,
  description:
    'Several desks, one log (renderer/db/sync/): the outbox (syncOutbox) gets one entry per changed row in the ' +
    'same transaction as the change, numbered in order, so a change made while the server is away, or just before ' +
    'a crash, is still sent; syncConflicts keeps the versions a merge overwrote (shared/sync/conflictRules.ts), ' +
    'for a supervisor, open ones first; syncState holds the replication checkpoint and the sync configuration ' +
    'of this desk (never credentials: those live in the bridge\'s secrets). No existing row changes.',
  stores: {
    syncOutbox: '++seq, [table+rowId]',
    syncConflicts: 'id, [table+rowId], [status+detectedAt]',
    syncState: 'key',
  },
};

/** Append new versions at the end. Never edit or remove a released entry. */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [v1, v2, v3, v4, v5, v7, v8, v9, v10, v11];

export const CURRENT_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

/**
 * A row of `table` as an archive bundle made at schema version `from` holds it, brought to the current shape
 * by the row steps of every later version, in order (a copy; the bundle's row is left as it was).
 */
export function upgradeBundleRow(table: string, row: Readonly<Row>, from: number, context: RowUpgradeContext): Row {
  const upgraded: Row = structuredClone(row) as Row;
  for (const version of SCHEMA_HISTORY) {
    if (version.version <= from) continue;
    version.rows?.[table]?.(upgraded, context);
  }
  return upgraded;
}

/** Whether rows of schema version `from` need steps at all (any later version has row steps). */
export function bundleRowsNeedUpgrade(from: number): boolean {
  return SCHEMA_HISTORY.some((v) => v.version > from && v.rows !== undefined);
}
