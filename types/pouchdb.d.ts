// The part of PouchDB's API this project uses (renderer/db/sync/, its unit tests, and the sync tests' server
// in tests/support/syncServer.ts). Written here instead of installing @types/pouchdb-*: those declare a
// global `interface Buffer` that breaks Node's own Buffer type in every file of the tests' project.
declare namespace PouchDB {
  interface Plugin {
    [key: string]: unknown;
  }
  interface DatabaseConfiguration {
    adapter?: string;
    auto_compaction?: boolean;
    skip_setup?: boolean;
    auth?: { username: string; password: string };
  }
  interface Document {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  }
  interface BulkResult {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: boolean | string;
    name?: string;
    status?: number;
  }
  interface AllDocsRow {
    id: string;
    key: string;
    value?: { rev: string; deleted?: boolean };
    doc?: Document | null;
    error?: string;
  }
  interface Database {
    info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
    get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<Document>;
    put(doc: Document): Promise<BulkResult>;
    bulkDocs(docs: Document[]): Promise<BulkResult[]>;
    allDocs(options?: { keys?: string[]; include_docs?: boolean; startkey?: string; endkey?: string }): Promise<{ rows: AllDocsRow[]; total_rows: number }>;
    changes(options: Record<string, unknown>): Promise<{ results: Array<{ id: string; seq: number | string; doc?: Document }>; last_seq: number | string }>;
    close(): Promise<void>;
  }
  interface SyncChange {
    direction: 'push' | 'pull';
    change: { docs_written?: number; last_seq?: number | string };
  }
  interface Replication {
    on(event: 'paused' | 'active' | 'requestError' | 'denied' | 'error' | 'complete', listener: (value?: unknown) => void): this;
  }
  interface Sync extends Promise<unknown> {
    push: Replication;
    pull: Replication;
    on(event: 'change', listener: (info: SyncChange) => void): this;
    on(event: 'paused' | 'active' | 'denied' | 'error' | 'complete', listener: (value?: unknown) => void): this;
    cancel(): void;
  }
  interface SyncOptions {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    back_off_function?: (delay: number) => number;
  }
  interface Static {
    new (name: string, options?: DatabaseConfiguration): Database;
    plugin(plugin: Plugin): Static;
    defaults(options: DatabaseConfiguration): Static;
    sync(source: Database | string, target: Database | string, options?: SyncOptions): Sync;
  }
}

declare module 'pouchdb-browser' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
declare module 'pouchdb-core' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
