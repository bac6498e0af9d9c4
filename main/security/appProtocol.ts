// Electron security checklist #18 "Avoid usage of the file:// protocol and prefer usage of custom
// protocols": the built renderer is served from app://frontdesk/, a privileged *standard* scheme, so the
// page has a real origin (its own IndexedDB, CSP 'self' works) and cannot read other files on disk.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from '@shared/bridge/channels';
import { mimeTypeFor } from './mimeTypes';

/** Must be registered before app 'ready' (Electron only accepts it then). */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true, // real origin, relative URLs resolve, IndexedDB/localStorage available
    secure: true, // counts as a secure context: getUserMedia and WebCrypto need one
    supportFetchAPI: true, // fetch() of our own assets (ringtone, locale files)
    // Not granted: bypassCSP, corsEnabled, allowServiceWorkers, stream — nothing here needs them.
  },
};

export interface AppProtocolOptions {
  /** The built renderer (dist/renderer). */
  rootDir: string;
  /** Asked per response, so a changed SIP server list applies on the next load. */
  contentSecurityPolicy: () => string;
  readFile?: (filePath: string) => Promise<Uint8Array>;
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/**
 * Maps an app:// URL to a file inside rootDir, or null when the URL must be refused: another host,
 * an undecodable or traversing path (`..`, encoded `%2e%2e%2f`, backslashes, NUL).
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((filePath: string) => fs.readFile(filePath));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const filePath = resolveAppFile(options.rootDir, request.url);
    if (filePath === null) return textResponse(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch {
      // Missing file or a directory: both are simply "not here". No SPA fallback: the renderer routes in-page.
      return textResponse(404, 'Not Found');
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(filePath),
        'Content-Security-Policy': options.contentSecurityPolicy(),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
