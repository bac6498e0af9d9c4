// PouchDB's memory adapter (unit tests only) ships without type declarations: it is a plugin object.
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
