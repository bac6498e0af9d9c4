import { describe, expect, it } from 'vitest';
import { syncConnectSource, syncUrlProblem } from './syncServerAddress';

describe('the sync server address', () => {
  it.each([
    ['https://couch.example.com', null],
    ['https://couch.example.com:6984/', null],
    ['http://127.0.0.1:5984', null],
    ['http://localhost:5984', null],
    ['http://couch.example.com:5984', 'httpsRequired'],
    ['ftp://couch.example.com', 'scheme'],
    ['https://admin:secret@couch.example.com', 'credentialsInUrl'],
    ['https://couch.example.com/?x=1', 'malformed'],
    ['https://*.example.com', 'malformed'],
    ['couch.example.com', 'malformed'],
    ['  ', 'empty'],
  ])('%s → %s', (url, problem) => {
    expect(syncUrlProblem(url)).toBe(problem);
  });

  it('gives the CSP exactly the server, never a wildcard', () => {
    expect(syncConnectSource('https://couch.example.com:6984/frontdesk/')).toBe('https://couch.example.com:6984');
    expect(syncConnectSource('http://couch.example.com')).toBeNull();
  });
});

describe('the CSP with a sync server', () => {
  it('allows exactly the configured server and drops an address that fails the rule', async () => {
    const { buildContentSecurityPolicy } = await import('../security/contentSecurityPolicy');
    const connect = (urls: string[]) => buildContentSecurityPolicy([], { syncServerUrls: urls }).split('; ').find((d) => d.startsWith('connect-src'));
    expect(connect(['https://couch.example.com:6984/frontdesk'])).toBe("connect-src 'self' https://couch.example.com:6984");
    expect(connect(['http://couch.example.com', 'https://*.example.com'])).toBe("connect-src 'self'");
  });
});
