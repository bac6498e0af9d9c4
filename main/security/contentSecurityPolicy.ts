// Electron security checklist #7 "Define a Content Security Policy". Sent as a response header by the
// app:// handler (a <meta> tag cannot set frame-ancestors, and a header cannot be edited by the page).
import { z } from 'zod';
import { sipServerUrlSchema } from '@shared/bridge/schemas';

/** Origins for connect-src: only SIP WebSocket servers that pass the same rule as app.setSipServers. */
export function sipConnectSources(urls: readonly string[]): string[] {
  const valid = z.array(sipServerUrlSchema);
  const sources = new Set<string>();
  for (const value of urls) {
    if (!valid.safeParse([value]).success) continue;
    const url = new URL(value);
    // `origin` is scheme://host[:port]; CSP matches it for every path on that server.
    sources.add(`${url.protocol}//${url.host}`);
  }
  return [...sources];
}

export function buildContentSecurityPolicy(sipServerUrls: readonly string[]): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]], // no 'unsafe-inline'/'unsafe-eval': an injected string can never run
    ['style-src', ["'self'", "'unsafe-inline'"]], // MUI/emotion inject <style> elements at runtime
    ['img-src', ["'self'", 'data:', 'blob:']], // data: for signatures and QR codes, blob: for previews
    ['media-src', ["'self'", 'blob:', 'mediastream:']], // ringtone, and the WebRTC call audio
    ['connect-src', ["'self'", ...sipConnectSources(sipServerUrls)]], // the PBX, nothing else
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
