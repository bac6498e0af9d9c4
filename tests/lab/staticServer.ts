/**
 * A tiny static file server on 127.0.0.1 for the lab agent page (and anything else a test needs).
 *   const srv = await startStaticServer({ root: 'tests/lab/agent/dist' });  // srv.url = http://127.0.0.1:<port>/
 *   await srv.close();
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface StaticServer {
  /** http://127.0.0.1:<port>/ (with the trailing slash) */
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.ico': 'image/x-icon',
};

export interface StaticServerOptions {
  root: string;
  port?: number;
  /**
   * Sent as the Content-Security-Policy header of every response. The e2e run serves the built renderer
   * with the same policy as Electron (shared/security/contentSecurityPolicy.ts); the lab agent page has none.
   */
  contentSecurityPolicy?: string;
}

export function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
        let file = normalize(join(root, pathname));
        if (file !== root && !file.startsWith(root + sep)) {
          res.writeHead(403).end('forbidden');
          return;
        }
        let st = await stat(file).catch(() => null);
        if (st?.isDirectory()) {
          file = join(file, 'index.html');
          st = await stat(file).catch(() => null);
        }
        if (!st?.isFile()) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        res.writeHead(200, {
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': st.size,
          'cache-control': 'no-store',
          ...(options.contentSecurityPolicy ? { 'content-security-policy': options.contentSecurityPolicy } : {}),
        });
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        createReadStream(file).pipe(res);
      } catch {
        if (!res.headersSent) res.writeHead(500).end('error');
        else res.destroy();
      }
    })();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
