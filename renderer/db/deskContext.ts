// Who is writing: the desk (a ULID made once per installation and kept in the database's settings) and
// the signed-in operator (sign-in arrives later; until then the actor is the desk itself). Every record
// and every audit entry carries both.
import type Dexie from 'dexie';
import type { Setting } from '@shared/domain/desk';
import { newId } from './ids';

export const DESK_ID_STORAGE_KEY = 'frontdesk.deskId';
export const DESK_ID_SETTING = 'desk.id';
export const DEFAULT_ACTOR = 'desk';

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class DeskContext {
  private resolvedDeskId: string | undefined;
  private actor = DEFAULT_ACTOR;
  private readonly storage: KeyValueStorage | null;

  constructor(storage: KeyValueStorage | null | undefined) {
    this.storage = storage === undefined ? defaultStorage() : storage;
  }

  /** The desk id, known once the database is open (it is settled while opening). */
  get deskId(): string {
    if (!this.resolvedDeskId) throw new Error('The desk id is not known before the database is open');
    return this.resolvedDeskId;
  }

  /** The desk id if already known, else the copy cached in localStorage (for the status bar's first paint). */
  peekDeskId(): string | undefined {
    return this.resolvedDeskId ?? this.readCache() ?? undefined;
  }

  get actorId(): string {
    return this.actor;
  }

  /** Sets who is acting (an operator id after sign-in); null returns to the desk itself. */
  setActor(actorId: string | null): void {
    this.actor = actorId && actorId.trim() ? actorId : DEFAULT_ACTOR;
  }

  /**
   * Runs while the database opens (Dexie 'ready'): the settings row is the truth, localStorage a cache.
   * A cached id with no settings row (the database was cleared or restored elsewhere) is adopted, so the
   * desk keeps its identity; with neither, a new id is made.
   */
  async settle(db: Dexie): Promise<string> {
    const settings = db.table<Setting, string>('settings');
    const cached = this.readCache();
    const deskId = await db.transaction('rw', settings, async () => {
      const rows = (await settings.where('key').equals(DESK_ID_SETTING).toArray()).filter((r) => r.deletedAt === undefined);
      const own = rows.find((r) => r.value === cached) ?? rows.sort((a, b) => a.createdAt - b.createdAt)[0];
      if (own && typeof own.value === 'string') return own.value;
      const id = cached ?? newId();
      const now = Date.now();
      await settings.add({ id: newId(now), key: DESK_ID_SETTING, value: id, scope: 'desk', deskId: id, createdAt: now, updatedAt: now });
      return id;
    });
    this.resolvedDeskId = deskId;
    this.writeCache(deskId);
    return deskId;
  }

  private readCache(): string | null {
    try {
      return this.storage?.getItem(DESK_ID_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private writeCache(deskId: string): void {
    try {
      this.storage?.setItem(DESK_ID_STORAGE_KEY, deskId);
    } catch {
      // A blocked localStorage only loses the cache; the settings row stays the truth.
    }
  }
}
