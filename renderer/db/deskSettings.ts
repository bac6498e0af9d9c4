// Desk settings of the switchboard's records (issue 10), read often and cached per database: the desk's
// own area code (a local landline sent without it is still one number, shared/phone/phoneKey.ts), the
// categories offered for call notes and the answer-time target of the dashboard (three rings, 18 s).
import { DEFAULT_ANSWER_TARGET_MS } from '@shared/calls/answerStats';
import type { FrontDeskDatabase } from './FrontDeskDatabase';

export const AREA_CODE_SETTING = 'desk.areaCode';
export const NOTE_CATEGORIES_SETTING = 'callNotes.categories';
export const ANSWER_TARGET_SETTING = 'dashboard.answerTargetMs';
/** The tables a change of the area code writes besides the setting (and the audit log): renderer/db/areaCodeRekey.ts. */
export const AREA_CODE_KEYED_TABLES = ['calls', 'callNotes', 'messages'] as const;
/** Category ids; a desk may replace the list (Settings → Call notes). Built-in ids are translated, others shown as typed. */
export const DEFAULT_NOTE_CATEGORIES = ['enquiry', 'forPerson', 'business', 'complaint', 'delivery', 'personal', 'sales', 'other'] as const;

const cache = new WeakMap<FrontDeskDatabase, Map<string, Promise<unknown>>>();

async function read(db: FrontDeskDatabase, key: string): Promise<unknown> {
  const rows = (await db.settings.where('key').equals(key).toArray()).filter((r) => r.deletedAt === undefined);
  const own = rows.find((r) => r.scope === 'desk' && r.deskId === db.desk.deskId);
  return (own ?? rows.filter((r) => r.scope === 'site').sort((a, b) => b.updatedAt - a.updatedAt)[0])?.value;
}

function cached(db: FrontDeskDatabase, key: string): Promise<unknown> {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  let value = map.get(key);
  if (!value) {
    value = read(db, key).catch(() => undefined);
    map.set(key, value);
  }
  return value;
}

/** Called by SettingsRepository after a setting changed. */
export function forgetDeskSetting(db: FrontDeskDatabase, key: string): void {
  cache.get(db)?.delete(key);
}

export async function deskAreaCode(db: FrontDeskDatabase): Promise<string | undefined> {
  const value = await cached(db, AREA_CODE_SETTING);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export async function noteCategories(db: FrontDeskDatabase): Promise<string[]> {
  const value = await cached(db, NOTE_CATEGORIES_SETTING);
  const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim().slice(0, 64)) : [];
  return list.length ? [...new Set(list)] : [...DEFAULT_NOTE_CATEGORIES];
}

export interface SettingReadOptions {
  /**
   * Read the stored row instead of the cache. A Dexie live query must read it (the dashboard's tiles):
   * the cache answers without touching the settings table, so the query would not observe the row and a
   * change in Settings would show only when the screen is reopened.
   */
  fresh?: boolean;
}

export async function answerTargetMs(db: FrontDeskDatabase, options: SettingReadOptions = {}): Promise<number> {
  const value = await (options.fresh ? read(db, ANSWER_TARGET_SETTING) : cached(db, ANSWER_TARGET_SETTING));
  return typeof value === 'number' && Number.isFinite(value) && value >= 1000 && value <= 120_000 ? value : DEFAULT_ANSWER_TARGET_MS;
}
