// The sync server's address (Settings → Sync). It feeds the CSP's connect-src in the desktop app, so like
// the PBX's (shared/phone/sipServerAddress.ts) it is parsed strictly: http(s), a plain host or IP literal,
// an optional port and path prefix, no credentials, query or fragment. https is required except to this
// machine (the loopback stand-in server of the tests, or a server tunnelled to localhost).

export type SyncUrlProblem = 'empty' | 'malformed' | 'scheme' | 'httpsRequired' | 'credentialsInUrl';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

/** Why a typed server address cannot be used, or null when it can. */
export function syncUrlProblem(value: string): SyncUrlProblem | null {
  const text = value.trim();
  if (!text) return 'empty';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'malformed';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username || url.password) return 'credentialsInUrl';
  if (url.search || url.hash || !url.hostname || /[*;\s]/.test(text)) return 'malformed';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'httpsRequired';
  return null;
}

/** The CSP source for connect-src: scheme://host[:port] of a valid address, or null. */
export function syncConnectSource(value: string): string | null {
  if (syncUrlProblem(value)) return null;
  const url = new URL(value.trim());
  return `${url.protocol}//${url.host}`;
}
