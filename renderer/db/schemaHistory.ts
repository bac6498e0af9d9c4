// The database schema as an append-only history (docs/ARCHITECTURE.md, "Storage"). A desk that was last
// opened months ago must still upgrade cleanly, so an entry, once released, is never edited: a change
// is a new entry at the end, with an upgrade function when existing rows need new fields.
// Dexie carries forward every table not named in a later version, so each entry names only what changed.
//
// Upgrades that derive keys take the key functions from `textKeysInUpgrade()` (renderer/db/textKeys.ts):
// the libraries behind them are loaded lazily, and an upgrade runs inside the versionchange transaction.
import type { Transaction } from 'dexie';
import { textKeysInUpgrade } from './textKeys';

export interface SchemaVersion {
  version: number;
  /** Why this version exists (kept for the people reading this file in a year). */
  description: string;
  /** Dexie store specs for the tables this version adds or changes; null drops a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
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

const v2: SchemaVersion = {
  version: 2,
  description:
    'The directory reads in pinyin order: staff gain nameKey ("zhang san"), indexed as [nameKey+id] for ' +
    'key-paged lists and [departmentId+nameKey] for one department in order. Existing people are back-filled, ' +
    'and their search keys recomputed (given-name and ü/v keys were added at the same time).',
  stores: {
    staff: 'id, departmentId, extension, mobileDigits, updatedAt, *searchKeys, [nameKey+id], [departmentId+nameKey]',
  },
  async upgrade(tx) {
    const { nameSortKey, personSearchKeys } = await textKeysInUpgrade();
    const departments = new Map<string, string>();
    await tx.table('departments').each((d: { id: string; name: string }) => {
      departments.set(d.id, d.name);
    });
    // updatedAt is left alone: nameKey and searchKeys are derived, every desk computes the same values.
    await tx.table('staff').toCollection().modify((person: Record<string, unknown>) => {
      const name = String(person.name ?? '');
      person.nameKey = nameSortKey(name);
      person.searchKeys = personSearchKeys({
        name,
        extension: person.extension as string | undefined,
        mobile: person.mobile as string | undefined,
        email: person.email as string | undefined,
        title: person.title as string | undefined,
        departmentName: typeof person.departmentId === 'string' ? departments.get(person.departmentId) : undefined,
      });
    });
  },
};

type Row = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Sets a derived field, or removes it when there is nothing to derive (an undefined value is not indexed, but stored). */
function setOrDelete(row: Row, field: string, value: string | undefined): void {
  if (value === undefined) delete row[field];
  else row[field] = value;
}

const v3: SchemaVersion = {
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
  async upgrade(tx) {
    const { nameSearchKeys, nameSortKey, personSearchKeys, phoneKey, visitorSearchKeys, watchlistEntryKeys } = await textKeysInUpgrade();
    const departments = new Map<string, string>();
    // updatedAt is left alone (as in v2): every field written here is derived, every desk computes the same.
    await tx.table('departments').toCollection().modify((d: Row) => {
      const name = String(d.name ?? '');
      departments.set(String(d.id), name);
      d.searchKeys = nameSearchKeys(name);
    });
    await tx.table('staff').toCollection().modify((person: Row) => {
      const name = String(person.name ?? '');
      person.nameKey = nameSortKey(name);
      setOrDelete(person, 'mobileDigits', phoneKey(text(person.mobile)));
      person.searchKeys = personSearchKeys({
        name,
        extension: text(person.extension),
        mobile: text(person.mobile),
        email: text(person.email),
        title: text(person.title),
        departmentName: typeof person.departmentId === 'string' ? departments.get(person.departmentId) : undefined,
      });
    });
    await tx.table('visitors').toCollection().modify((visitor: Row) => {
      setOrDelete(visitor, 'phoneDigits', phoneKey(text(visitor.phone)));
      visitor.searchKeys = visitorSearchKeys({ name: String(visitor.name ?? ''), phone: text(visitor.phone), company: text(visitor.company) });
    });
    await tx.table('watchlist').toCollection().modify((entry: Row) => {
      entry.searchKeys = watchlistEntryKeys({ name: text(entry.name), idNumber: text(entry.idNumber), organisation: text(entry.organisation) });
    });
    await tx.table('calls').toCollection().modify((call: Row) => {
      setOrDelete(call, 'remoteNumberKey', phoneKey(text(call.remoteNumber)));
    });
    await tx.table('callNotes').toCollection().modify((note: Row) => {
      setOrDelete(note, 'phoneDigits', phoneKey(text(note.phone)));
    });
  },
};

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

const v5: SchemaVersion = {
  version: 5,
  description:
    'Messages (issue 10) are found by the caller\'s number: messages gain fromPhoneKey (the phone key of ' +
    'fromPhone, shared/phone/phoneKey.ts), indexed, so an incoming call shows the open messages from that ' +
    'caller. Existing messages are back-filled.',
  stores: {
    messages: 'id, [status+createdAt], [toStaffId+createdAt], [toDepartmentId+createdAt], callNoteId, fromPhoneKey, updatedAt',
  },
  async upgrade(tx) {
    const { phoneKey } = await textKeysInUpgrade();
    await tx.table('messages').toCollection().modify((message: Row) => {
      setOrDelete(message, 'fromPhoneKey', phoneKey(text(message.fromPhone)));
    });
  },
};

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

/** Append new versions at the end. Never edit or remove a released entry. */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [v1, v2, v3, v4, v5, v7, v8, v9];

export const CURRENT_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;
