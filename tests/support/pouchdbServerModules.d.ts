// Modules of the sync tests' server (tests/support/syncServer.ts) that ship without type declarations.
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  function expressPouchdb(pouch: unknown, options?: Record<string, unknown>): (req: IncomingMessage, res: ServerResponse) => void;
  export default expressPouchdb;
}
