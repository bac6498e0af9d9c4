// Settings: small named values. A 'desk' setting belongs to the desk that wrote it (its phone account,
// its printer); a 'site' setting applies to every desk (retention period) once desks replicate.
import type { Setting } from '@shared/domain/desk';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { RecordRepository } from './recordRepository';
import { forgetDeskSetting } from './deskSettings';

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

  /** Creates or replaces the value; audited like any change. */
  async setValue(key: string, value: unknown, scope: SettingScope = 'desk'): Promise<Setting> {
    return this.transaction(async () => {
      const deskId = this.db.desk.deskId;
      const rows = (await this.db.settings.where('key').equals(key).toArray()).filter((r) => r.deletedAt === undefined && r.scope === scope);
      const existing = scope === 'desk' ? rows.find((r) => r.deskId === deskId) : rows.sort((a, b) => b.updatedAt - a.updatedAt)[0];
      const summary = `set ${scope} setting ${key}`;
      forgetDeskSetting(this.db, key);
      return existing
        ? this.writes.update('settings', existing, { key, value, scope }, { action: 'update', summary })
        : this.writes.create('settings', { key, value, scope }, { action: 'create', summary });
    }).finally(() => forgetDeskSetting(this.db, key));
  }
}
