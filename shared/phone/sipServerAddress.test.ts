import { describe, expect, it } from 'vitest';
import { checkSipServerUrl, phoneSettingsSchema } from './phoneSettings';
import { parseSipServerAddress, sipConnectSource } from './sipServerAddress';

// Addresses a person really types for a PBX, and what each must become in the CSP connect-src.
const GOOD: Array<[string, string]> = [
  ['wss://pbx.example.com', 'wss://pbx.example.com'],
  ['wss://pbx.example.com:8089/ws', 'wss://pbx.example.com:8089'],
  ['WSS://PBX.Example.COM:7443/', 'wss://pbx.example.com:7443'],
  ['wss://10.1.2.3:8089/ws', 'wss://10.1.2.3:8089'],
  ['wss://[2001:db8::10]:8089/ws', 'wss://[2001:db8::10]:8089'],
  ['ws://127.0.0.1:8080', 'ws://127.0.0.1:8080'],
  ['ws://localhost:5066/', 'ws://localhost:5066'],
  ['ws://[::1]:8080', 'ws://[::1]:8080'],
  ['wss://sip-1.pbx.example.com/ws/v1.2_x~y', 'wss://sip-1.pbx.example.com'],
];

// Each of these was accepted before and reached the CSP header (a `;` starts a new directive: `sandbox`
// blanks the console, `*` opens connect-src to every host).
const HOSTILE = [
  'wss://pbx.example.com;sandbox',
  "wss://pbx.example.com;script-src-elem 'unsafe-inline'",
  'wss://pbx.example.com/ws;sandbox',
  'wss://pbx.example.com/ws,sandbox',
  'wss://*',
  'wss://*.example.com',
  'wss://pbx.example.com:*',
  'wss://pbx.example.com/ws*',
  'wss://pbx.example.com /ws',
  "wss://pbx.example.com/'self'",
  'wss://pbx.example.com/"x"',
  'wss://pbx.example.com/ws?token=1',
  'wss://pbx.example.com/ws#x',
  'wss://user:pw@pbx.example.com',
  'wss://pbx.example.com:0',
  'wss://pbx.example.com:65536',
  'wss://pbx..example.com',
  'wss://-pbx.example.com',
  'wss://pbx_1.example.com',
  'wss://999.1.1.1',
  'wss://0x7f.0.0.1',
  'wss://010.0.0.1',
  'wss://[not:v6]',
  'wss://пбх.example.com',
  'wss://pbx.example.com\tsandbox',
  'wss://',
];

describe('SIP server address (the PBX address that becomes a CSP source)', () => {
  it.each(GOOD)('accepts %s and builds the CSP source %s from host and port', (input, source) => {
    const parsed = parseSipServerAddress(input);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (parsed.ok) expect(sipConnectSource(parsed.address)).toBe(source);
    expect(checkSipServerUrl(input)).toBe('ok');
  });

  it.each(HOSTILE)('refuses %s in Settings and everywhere else', (input) => {
    expect(parseSipServerAddress(input).ok).toBe(false);
    expect(checkSipServerUrl(input)).not.toBe('ok');
    expect(phoneSettingsSchema.safeParse({ server: input, extension: '2000' }).success).toBe(false);
  });

  it('names why, so the form can say what to change', () => {
    expect(checkSipServerUrl('wss://pbx.example.com;sandbox')).toBe('bad-address');
    expect(checkSipServerUrl('wss://*')).toBe('bad-address');
    expect(checkSipServerUrl('ws://pbx.example.com')).toBe('insecure');
    expect(checkSipServerUrl('https://pbx.example.com')).toBe('not-websocket');
    expect(checkSipServerUrl('nope')).toBe('not-url');
  });

  it('keeps ws:// to loopback only (the SIP lab)', () => {
    for (const value of ['ws://pbx.example.com', 'ws://10.0.0.5:8080', 'ws://127.0.0.1.evil.com', 'ws://localhost.evil.com']) {
      expect(parseSipServerAddress(value)).toMatchObject({ ok: false, problem: 'insecure' });
    }
  });
});
