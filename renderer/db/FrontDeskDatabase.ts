// The one Dexie database of the console ('frontdesk'), built from the append-only schema history.
import { databaseHealth } from './databaseHealth';
import Dexie, { type Table } from 'dexie';
import type { AuditEntry, Handover, Operator, Setting } from '@shared/domain/desk';
import type { Department, Staff } from '@shared/domain/directory';
import type { Complaint, Visit, Visitor, WatchlistAlert, WatchlistEntry } from '@shared/domain/visitors';
import type { Parcel, ParcelEvent } from '@shared/domain/parcels';
import type { Call, CallNote, EquipmentFault, Message, WeeklyVolumeRecord } from '@shared/domain/switchboard';
import { SCHEMA_HISTORY, type SchemaVersion } from './schemaHistory';
import { DeskContext, type KeyValueStorage } from './deskContext';
import type { RestoreStagingRow } from './archive/stagingSchema';
import { preloadForUpgrade } from './textKeys';
import { AccessControl } from './accessControl';
import type { OutboxEntry, SyncConflict, SyncStateRow } from './sync/syncTables';

export const DATABASE_NAME = 'frontdesk';

export interface FrontDeskTables {
  operators: Operator;
  settings: Setting;
  auditLog: AuditEntry;
  departments: Department;
  staff: Staff;
  visitors: Visitor;
  visits: Visit;
  watchlist: WatchlistEntry;
  watchlistAlerts: WatchlistAlert;
  complaints: Complaint;
  parcels: Parcel;
  parcelEvents: ParcelEvent;
  calls: Call;
  callNotes: CallNote;
  messages: Message;
  equipmentFaults: EquipmentFault;
  /** Rows of a restore in progress (renderer/db/archive/restoreBundle.ts); no screen reads it. */
  restoreStaging: RestoreStagingRow;
  handovers: Handover;
  /** Weekly phone-record volumes produced (renderer/db/weeklyVolumeRepository.ts). */
  weeklyVolumes: WeeklyVolumeRecord;
}
export type TableName = keyof FrontDeskTables;

export interface DatabaseOptions {
  /** Where the desk id is cached; defaults to localStorage, null for none. */
  storage?: KeyValueStorage | null;
  /** Schema history to apply; tests pass a prefix to build an old database. */
  history?: readonly SchemaVersion[];
}

export function applySchemaHistory(db: Dexie, history: readonly SchemaVersion[]): void {
  for (const entry of history) {
    const version = db.version(entry.version).stores(entry.stores);
    if (entry.upgrade) version.upgrade(entry.upgrade);
  }
}

export class FrontDeskDatabase extends Dexie {
  operators!: Table<Operator, string>;
  settings!: Table<Setting, string>;
  auditLog!: Table<AuditEntry, string>;
  departments!: Table<Department, string>;
  staff!: Table<Staff, string>;
  visitors!: Table<Visitor, string>;
  visits!: Table<Visit, string>;
  watchlist!: Table<WatchlistEntry, string>;
  watchlistAlerts!: Table<WatchlistAlert, string>;
  complaints!: Table<Complaint, string>;
  parcels!: Table<Parcel, string>;
  parcelEvents!: Table<ParcelEvent, string>;
  calls!: Table<Call, string>;
  callNotes!: Table<CallNote, string>;
  messages!: Table<Message, string>;
  equipmentFaults!: Table<EquipmentFault, string>;
  restoreStaging!: Table<RestoreStagingRow, string>;
  handovers!: Table<Handover, string>;
  weeklyVolumes!: Table<WeeklyVolumeRecord, string>;
  /** Replication bookkeeping (renderer/db/sync/syncTables.ts): local to this desk, never replicated. */
  syncOutbox!: Table<OutboxEntry, number>;
  syncConflicts!: Table<SyncConflict, string>;
  syncState!: Table<SyncStateRow, string>;

  readonly desk: DeskContext;
  /**
   * Whether this desk replicates (renderer/db/sync/): while it does, every write adds its outbox entry in
   * its own transaction. Read from syncState while the database opens, before any write.
   */
  readonly sync = { recording: false };
  /** Who is signed in and what they may do (renderer/db/accessControl.ts); open until the app enforces it. */
  readonly access: AccessControl;

  constructor(name: string = DATABASE_NAME, options: DatabaseOptions = {}) {
    super(name);
    const history = options.history ?? SCHEMA_HISTORY;
    applySchemaHistory(this, history);
    // An older stored database upgrades when it opens, and its upgrades derive search keys: start loading
    // their libraries now rather than inside the upgrade (renderer/db/textKeys.ts).
    const latest = history[history.length - 1];
    if (latest) preloadForUpgrade(name, latest.version);
    this.desk = new DeskContext(options.storage);
    this.access = new AccessControl((operatorId) => this.desk.setActor(operatorId));
    // Settled before any other transaction runs, so every write knows its desk synchronously.
    this.on('ready', (vipDb) => this.desk.settle(vipDb), true);
    this.on('ready', async (vipDb) => {
      // A database opened with an older schema (tests of upgrades) has no sync tables: it does not replicate.
      if (!vipDb.tables.some((table) => table.name === 'syncState')) return;
      const config = (await vipDb.table<SyncStateRow, string>('syncState').get('config'))?.value as { enabled?: unknown } | undefined;
      this.sync.recording = config?.enabled === true;
    }, true);
    // Another window holds an older version open: our upgrade waits until it closes (renderer/db/databaseHealth.ts).
    this.on('blocked', () => databaseHealth.set({ state: 'blocked' }));
    // Another window opened a newer version: Dexie closes this connection; only a reload can continue.
    this.on('versionchange', () => {
      databaseHealth.set({ state: 'outdated' });
    });
    this.on('ready', () => {
      if (databaseHealth.get().state === 'blocked') databaseHealth.set({ state: 'ok' });
    });
  }

  typedTable<N extends TableName>(name: N): Table<FrontDeskTables[N], string> {
    return this.table(name) as Table<FrontDeskTables[N], string>;
  }
}
