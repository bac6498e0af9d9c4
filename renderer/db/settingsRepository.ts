// Settings: small named values. A 'desk' setting belongs to the desk that wrote it (its phone account,
// its printer); a 'site' setting applies to every desk (retention period) once desks replicate.
import type { Setting } from '@shared/domain/desk';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { RecordRepository } from './recordRepository';
import { AREA_CODE_KEYED_TABLES, AREA_CODE_SETTING, forgetDeskSetting } from './deskSettings';
import type { TableName } from './FrontDeskDatabase';

export type SettingScope = Setting['scope'];

export class SettingsRepository extends RecordRepository<'settings'> {
  constructor(db: FrontDeskDatabase) {
    super(db, 'settings');
  }

  protected override describe(record: Setting): string {
    return `setting ${record.key}`;
  }

  /** This desk's row for the key, else the newest site-wide one. */
  async find(key: string): Promise<Setting | undefined> {
    const rows = (await this.db.settings.where('key').equals(key).toArray()).filter((r) => r.deletedAt === undefined);
    // The desk id is read after the first query: by then the database is open and the id settled.
    const own = rows.find((r) => r.scope === 'desk' && r.deskId === this.db.desk.deskId);
    return own ?? rows.filter((r) => r.scope === 'site').sort((a, b) => b.updatedAt - a.updatedAt)[0];
  }

  async getValue<T>(key: string): Promise<T | undefined>;
  async getValue<T>(key: string, fallback: T): Promise<T>;
  async getValue<T>(key: string, fallback?: T): Promise<T | undefined> {
    const row = await this.find(key);
    return row ? (row.value as T) : fallback;
  }

  /**
   * Creates or replaces the value; audited like any change. Setting the desk's area code also re-keys, in
   * the same transaction, the stored numbers whose key depends on it (areaCodeRekey.ts).
   */
  async setValue(key: string, value: unknown, scope: SettingScope = 'desk'): Promise<Setting> {
    // The re-key code loads on use, before the transaction opens (an import awaited inside one would let
    // IndexedDB commit it early); setValues loads it before its own transaction, so here it is already in.
    const rekey = key === AREA_CODE_SETTING ? (loadedRekey ?? (await loadRekey())) : undefined;
    return this.writes.transaction(tablesFor([key]), async () => {
      const deskId = this.db.desk.deskId;
      const rows = (await this.db.settings.where('key').equals(key).toArray()).filter((r) => r.deletedAt === undefined && r.scope === scope);
      const existing = scope === 'desk' ? rows.find((r) => r.deskId === deskId) : rows.sort((a, b) => b.updatedAt - a.updatedAt)[0];
      const summary = `set ${scope} setting ${key}`;
      const before = key === AREA_CODE_SETTING ? await this.find(key) : undefined;
      forgetDeskSetting(this.db, key);
      const written = existing
        ? await this.writes.update('settings', existing, { key, value, scope }, { action: 'update', summary })
        : await this.writes.create('settings', { key, value, scope }, { action: 'create', summary });
      if (key === AREA_CODE_SETTING) {
        const area = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
        const after = await this.find(key);
        await rekey!.rekeyForAreaCode(this.db, this.writes, area(before?.value), area(after?.value), written.id);
      }
      return written;
    }).finally(() => forgetDeskSetting(this.db, key));
  }

  /**
   * Several values in ONE transaction through the write path (each audited): all are stored or, if any
   * fails, none (the switchboard records' three settings are saved together).
   */
  async setValues(entries: readonly { key: string; value: unknown; scope?: SettingScope }[]): Promise<Setting[]> {
    const keys = entries.map((e) => e.key);
    if (keys.includes(AREA_CODE_SETTING)) await loadRekey();
    return this.writes
      .transaction(tablesFor(keys), async () => {
        const written: Setting[] = [];
        for (const entry of entries) written.push(await this.setValue(entry.key, entry.value, entry.scope ?? 'desk'));
        return written;
      })
      .finally(() => {
        for (const key of keys) forgetDeskSetting(this.db, key);
      });
  }
}

type AreaCodeRekey = typeof import('./areaCodeRekey');
let loadedRekey: AreaCodeRekey | undefined;

/** The area code's re-key (renderer/db/areaCodeRekey.ts), off the first screen until a desk changes its area code. */
async function loadRekey(): Promise<AreaCodeRekey> {
  loadedRekey ??= await import('./areaCodeRekey');
  return loadedRekey;
}

/** The settings table, and for the area code the tables whose phone keys follow it. */
function tablesFor(keys: readonly string[]): TableName[] {
  return keys.includes(AREA_CODE_SETTING) ? ['settings', ...AREA_CODE_KEYED_TABLES] : ['settings'];
}
