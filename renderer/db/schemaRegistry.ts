// The write path's schemas (renderer/db/recordSchemas.ts), loaded on the first write instead of with the
// first screen, which only reads (docs/ARCHITECTURE.md, "Loading"): zod and every domain schema come with
// them. Loaded the way textKeys.ts loads the search-key libraries:
// - the write path (writePath.ts `transaction()`) awaits `loadSchemas()` BEFORE it opens the Dexie
//   transaction (awaiting another promise inside one lets IndexedDB commit it), and validates inside it
//   with the synchronous `schemas()`;
// - nothing reads through them: a read never waits for zod.
import type * as RecordSchemas from './recordSchemas';

export type SchemaRegistry = typeof RecordSchemas;

let loaded: SchemaRegistry | undefined;
let loading: Promise<SchemaRegistry> | undefined;

/** Loads the schemas (once; a failed load is retried by the next call). */
export function loadSchemas(): Promise<SchemaRegistry> {
  loading ??= import('./recordSchemas').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export function schemasLoaded(): boolean {
  return loaded !== undefined;
}

/** The schemas; only after `loadSchemas()` has resolved (the write path sees to that before every transaction). */
export function schemas(): SchemaRegistry {
  if (!loaded) throw new Error('Record schemas are not loaded: await loadSchemas() before the transaction (renderer/db/schemaRegistry.ts)');
  return loaded;
}
