import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, sipConnectSources } from './contentSecurityPolicy';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name ?? '', sources];
  }));
}

describe('Content-Security-Policy (checklist #7)', () => {
  it('sets every directive the app needs, and nothing looser', () => {
    const csp = directives(buildContentSecurityPolicy([]));
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'media-src': ["'self'", 'blob:', 'mediastream:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'none'"],
    });
    const all = buildContentSecurityPolicy([]);
    expect(all).not.toContain('unsafe-eval');
    expect(all).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(all).not.toContain('*');
  });

  it('adds configured SIP servers to connect-src as origins', () => {
    const csp = directives(buildContentSecurityPolicy(['wss://pbx.example.com:8089/ws', 'ws://127.0.0.1:8080', 'wss://pbx.example.com:8089/other']));
    expect(csp.get('connect-src')).toEqual(["'self'", 'wss://pbx.example.com:8089', 'ws://127.0.0.1:8080']);
  });

  it('drops servers that break the wss-outside-loopback rule, or that try to inject directives', () => {
    expect(sipConnectSources(['ws://pbx.example.com', 'https://x.example', "wss://a.example; script-src 'unsafe-inline'", 'nonsense'])).toEqual([]);
    const csp = buildContentSecurityPolicy(["wss://a.example/;script-src *"]);
    expect(directives(csp).get('script-src')).toEqual(["'self'"]);
  });
});

describe('the PBX address cannot reach the CSP header raw (issue: ";sandbox" blanked the console)', () => {
  it.each(['wss://pbx.example.com;sandbox', "wss://pbx.example.com;script-src-elem 'unsafe-inline'", 'wss://*', 'wss://*.example.com', 'wss://pbx.example.com:*'])(
    '%s adds nothing to the policy',
    (hostile) => {
      const csp = buildContentSecurityPolicy([hostile, 'wss://ok.example:8089/ws']);
      expect(directives(csp).get('connect-src')).toEqual(["'self'", 'wss://ok.example:8089']);
      expect(csp).not.toMatch(/sandbox|script-src-elem|\*/);
      expect(csp.split(';')).toHaveLength(10);
    },
  );
});
