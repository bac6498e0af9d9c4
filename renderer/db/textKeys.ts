// Search and match keys are computed on write (docs/ARCHITECTURE.md, "Storage"), with libraries that
// together weigh about 590 kB: pinyin-pro, opencc-js and libphonenumber-js/max. The first screen only
// reads, so they are loaded lazily (docs/ARCHITECTURE.md, "Loading"): `loadTextKeys()` loads them, after
// which `textKeys()` answers synchronously.
//
// Who loads them, and when:
// - the write path (writePath.ts `transaction()`) awaits `loadTextKeys()` BEFORE it opens the Dexie
//   transaction: awaiting a promise that is not Dexie's inside a transaction lets IndexedDB commit it;
// - schema upgrades (schemaHistory.ts) run inside the versionchange transaction: `preloadForUpgrade()`
//   starts loading when the stored database is older than the code, and an upgrade still waiting for them
//   keeps its transaction alive with `Dexie.waitFor` (`textKeysInUpgrade()`);
// - reads that compare with keys (the watchlist check) await `loadTextKeys()` first.
import Dexie from 'dexie';
import type * as TextKeyFunctions from './textKeyFunctions';

export type TextKeys = typeof TextKeyFunctions;

let loaded: TextKeys | undefined;
let loading: Promise<TextKeys> | undefined;

/** Loads the key functions (once; a failed load is retried by the next call). */
export function loadTextKeys(): Promise<TextKeys> {
  loading ??= import('./textKeyFunctions').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export function textKeysLoaded(): boolean {
  return loaded !== undefined;
}

/** The key functions; only after `loadTextKeys()` has resolved (the write path sees to that). */
export function textKeys(): TextKeys {
  if (!loaded) throw new Error('Search keys are not loaded: await loadTextKeys() before the transaction (renderer/db/textKeys.ts)');
  return loaded;
}

/**
 * The key functions, loading them first if needed. Safe inside a transaction opened by the write path (it
 * loaded them before opening it, so this resolves in a microtask); outside any transaction it may load.
 */
export async function textKeysReady(): Promise<TextKeys> {
  return loaded ?? loadTextKeys();
}

/** In a Dexie upgrade function (inside the versionchange transaction): the key functions, waiting for them with Dexie.waitFor if they are still loading. */
export async function textKeysInUpgrade(): Promise<TextKeys> {
  return loaded ?? (await Dexie.waitFor(loadTextKeys()));
}

/**
 * Starts loading the key functions when the stored database `name` is older than `version` (an upgrade
 * will run when it opens). Where the browser cannot tell (no `indexedDB.databases()`), it loads them.
 * A new database needs no upgrade: Dexie creates it at the current version.
 */
export function preloadForUpgrade(name: string, version: number): void {
  if (loaded) return;
  void upgradePending(name, version).then(
    (pending) => (pending ? loadTextKeys() : undefined),
    () => loadTextKeys(),
  ).catch(() => {
    // A failed preload is not an error: the upgrade loads them itself (textKeysInUpgrade).
  });
}

/** True when the stored database `name` exists with a version older than `version` (or when the browser cannot tell). */
export async function upgradePending(name: string, version: number): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
  const stored = (await indexedDB.databases()).find((info) => info.name === name);
  // Dexie stores version n as IndexedDB version n * 10.
  return stored?.version !== undefined && stored.version < version * 10;
}
