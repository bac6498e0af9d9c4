// Electron security checklist #7 "Define a Content Security Policy". One builder for every host of the
// renderer: main's app:// handler sends it as a response header (a <meta> tag cannot set frame-ancestors,
// and a header cannot be edited by the page), and the browser preview's static server sends the same.
import { parseSipServerAddress, sipConnectSource } from '../phone/sipServerAddress';
import { syncConnectSource } from '../sync/syncServerAddress';

/**
 * Sources for connect-src: one `scheme://host[:port]` per SIP server that passes the PBX address rule,
 * built from the parsed host and port (never the typed string, which could carry `;sandbox` or `*`).
 */
export function sipConnectSources(urls: readonly string[]): string[] {
  const sources = new Set<string>();
  for (const value of urls) {
    const parsed = parseSipServerAddress(value);
    if (parsed.ok) sources.add(sipConnectSource(parsed.address));
  }
  return [...sources];
}

/**
 * ws:// and http:// to this machine on any port: the SIP lab's Kamailio and the sync tests' CouchDB-protocol
 * server, whose ports the OS picks per run.
 */
export const LOOPBACK_LAB_CONNECT_SOURCES = ['ws://127.0.0.1:*', 'ws://localhost:*', 'ws://[::1]:*', 'http://127.0.0.1:*', 'http://localhost:*'] as const;

function syncSources(urls: readonly string[]): string[] {
  return [...new Set(urls.map(syncConnectSource).filter((source): source is string => source !== null))];
}

export interface ContentSecurityPolicyOptions {
  /**
   * Also allow ws:// to loopback on any port. Only the browser preview sets it (tests/lab/staticServer.ts):
   * it cannot learn the PBX address from Settings, and the lab PBX's port changes per run. Never in Electron.
   */
  allowLoopbackLab?: boolean;
  /** The site's sync server (Settings → Sync): exactly its scheme://host[:port], when it is a valid address. */
  syncServerUrls?: readonly string[];
}

export function buildContentSecurityPolicy(sipServerUrls: readonly string[], options: ContentSecurityPolicyOptions = {}): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]], // no 'unsafe-inline'/'unsafe-eval': an injected string can never run
    ['style-src', ["'self'", "'unsafe-inline'"]], // MUI/emotion inject <style> elements at runtime
    ['img-src', ["'self'", 'data:', 'blob:']], // data: for signatures and QR codes, blob: for previews
    ['media-src', ["'self'", 'blob:', 'mediastream:']], // ringtone, and the WebRTC call audio
    ['connect-src', ["'self'", ...sipConnectSources(sipServerUrls), ...syncSources(options.syncServerUrls ?? []), ...(options.allowLoopbackLab ? LOOPBACK_LAB_CONNECT_SOURCES : [])]], // the PBX and the sync server, nothing else
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
