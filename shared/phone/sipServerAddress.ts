// The PBX's WebSocket address, parsed strictly. It feeds the CSP header's connect-src, and CSP is a
// `;`-separated list of directives: a URL parser accepts `wss://pbx.example.com;sandbox` (`;` is a legal
// host character to WHATWG URL), and that string in the header adds a `sandbox` directive that blanks the
// console; `wss://*` opens connect-src to every host. So only a plain host name or IP literal, a port and
// a path made of a few safe characters are accepted, and the CSP source is built from the parsed host and
// port, never from the typed string.

export type SipServerProblem = 'not-url' | 'not-websocket' | 'insecure' | 'bad-address';

export interface SipServerAddress {
  scheme: 'ws' | 'wss';
  /** Lower-case host name, dotted IPv4, or bracketed IPv6 in canonical form ("[2001:db8::10]"). */
  host: string;
  /** 1–65535, or undefined for the scheme's default port. */
  port?: number;
  /** "/…" or "" (no query, no fragment). */
  path: string;
}

export type SipServerParse = { ok: true; address: SipServerAddress } | { ok: false; problem: SipServerProblem };

const MAX_LENGTH = 2048;
/** ws:// is plain text: allowed only to this machine, for the SIP lab (RFC 7118 §5 asks for TLS). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4_OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
// Path: unreserved characters, "/", percent escapes and ":@!$&=+". Never ; , space, quotes or *.
const PATH = /^(?:\/(?:[A-Za-z0-9\-._~:@!$&=+]|%[0-9A-Fa-f]{2})*)*$/;

function isIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => IPV4_OCTET.test(part));
}

function isHostName(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return false;
  // A URL parser reads a host whose last label is a number ("0x7f.0.0.1", "010.0.0.1", "pbx.1") as an
  // IPv4 address: it would connect somewhere else than the CSP source says. Only a canonical dotted quad.
  const last = labels[labels.length - 1] ?? '';
  return !/^(?:\d+|0x[0-9a-f]*)$/.test(last);
}

/** "[2001:DB8:0::10]" → "[2001:db8::10]" (the form the browser compares CSP sources with), or null. */
function canonicalIpv6(bracketed: string): string | null {
  if (!/^\[[0-9A-Fa-f:.]+\]$/.test(bracketed)) return null;
  try {
    return new URL(`wss://${bracketed}/`).hostname;
  } catch {
    return null;
  }
}

export function parseSipServerAddress(value: string): SipServerParse {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return { ok: false, problem: 'not-url' };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  if (!scheme) return { ok: false, problem: 'not-url' };
  const name = scheme[1]!.toLowerCase();
  if (name !== 'ws' && name !== 'wss') return { ok: false, problem: 'not-websocket' };
  const rest = value.slice(scheme[0].length);
  // authority = host [":" port], then the path; anything else (userinfo, query, fragment, ;, *) is refused.
  const parts = /^(\[[^\]/]*\]|[^:/[\]]*)(?::(\d{1,5}))?(\/.*)?$/.exec(rest);
  if (!parts) return { ok: false, problem: 'bad-address' };
  const rawHost = parts[1]!.toLowerCase();
  const host = rawHost.startsWith('[') ? canonicalIpv6(rawHost) : isIpv4(rawHost) || isHostName(rawHost) ? rawHost : null;
  if (!host) return { ok: false, problem: 'bad-address' };
  let port: number | undefined;
  if (parts[2] !== undefined) {
    port = Number(parts[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, problem: 'bad-address' };
  }
  const path = parts[3] ?? '';
  if (!PATH.test(path)) return { ok: false, problem: 'bad-address' };
  if (name === 'ws' && !LOOPBACK.has(host)) return { ok: false, problem: 'insecure' };
  return { ok: true, address: { scheme: name, host, ...(port === undefined ? {} : { port }), path } };
}

/** The CSP source for connect-src: scheme://host[:port], which CSP matches for every path on that server. */
export function sipConnectSource(address: SipServerAddress): string {
  return `${address.scheme}://${address.host}${address.port === undefined ? '' : `:${address.port}`}`;
}
