// The sync tests' server: PouchDB Server's express-pouchdb speaking CouchDB's HTTP replication protocol,
// in memory, on 127.0.0.1 (production uses Apache CouchDB 3, which is not in Debian's repositories), with
// CORS for the console's origin; and a TCP proxy in front of it that a test cuts and restores to take the
// network away from the desks. Both are stopped by close(); nothing outlives the test.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapreduce from 'pouchdb-mapreduce';
import expressPouchdb from 'express-pouchdb';

export interface SyncServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** The server's own database object (to read what the desks sent). */
  database(name: string): PouchDB.Database;
  close(): Promise<void>;
}

// PouchDB's plugins patch the one PouchDB class and refuse to be added twice: once per process, for every
// server a worker starts (several tests in one file each start their own).
let memoryPouch: PouchDB.Static | undefined;
function memoryPouchDB(): PouchDB.Static {
  memoryPouch ??= PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication).plugin(mapreduce).defaults({ adapter: 'memory' });
  return memoryPouch;
}

export async function startSyncServer(): Promise<SyncServer> {
  const Memory = memoryPouchDB();
  const app = expressPouchdb(Memory, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    // The console runs at another origin (the static server's port): CouchDB's CORS, as a site would set it.
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
    // Browsers may keep a preflight's answer this long (Chromium caps it at 2 hours), so each replication
    // round trip is not preceded by an OPTIONS request.
    res.setHeader('Access-Control-Max-Age', '600');
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const databases = new Map<string, PouchDB.Database>();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    database(name) {
      let db = databases.get(name);
      if (!db) {
        db = new Memory(name);
        databases.set(name, db);
      }
      return db;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface CutProxy {
  url: string;
  /** Takes the network away: open connections are reset, new ones refused until restore(). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startCutProxy(targetPort: number): Promise<CutProxy> {
  let open = true;
  const sockets = new Set<Socket>();
  const server = createTcpServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore() {
      open = true;
    },
    async close() {
      open = false;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
