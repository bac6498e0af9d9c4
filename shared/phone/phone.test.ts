import { describe, expect, it } from 'vitest';
import { parseSipFrag, progressOf } from './sipfrag';
import { toSipTarget, numberKey } from './sipTarget';
import { checkSipServerUrl, phoneSettingsSchema, sipDomainOf } from './phoneSettings';

describe('sipfrag', () => {
  it('reads the status line of a NOTIFY body', () => {
    expect(parseSipFrag('SIP/2.0 180 Ringing\r\n')).toEqual({ statusCode: 180, reason: 'Ringing' });
    expect(parseSipFrag('SIP/2.0 200 OK')).toEqual({ statusCode: 200, reason: 'OK' });
    expect(parseSipFrag('SIP/2.0 486')).toEqual({ statusCode: 486, reason: '' });
    expect(parseSipFrag('garbage')).toBeUndefined();
    expect(parseSipFrag(undefined)).toBeUndefined();
  });
  it('maps codes to progress', () => {
    expect([100, 183, 200, 404, 486].map(progressOf)).toEqual(['trying', 'ringing', 'answered', 'failed', 'failed']);
  });
});

describe('sip targets', () => {
  it('turns extensions and numbers into URIs', () => {
    expect(toSipTarget(' 3001 ', 'pbx.example')).toEqual({ ok: true, uri: 'sip:3001@pbx.example', user: '3001' });
    expect(toSipTarget('+86 (10) 1234-5678', 'pbx')).toEqual({ ok: true, uri: 'sip:+861012345678@pbx', user: '+861012345678' });
    expect(toSipTarget('sip:alice@example.com', 'x')).toEqual({ ok: true, uri: 'sip:alice@example.com', user: 'alice' });
  });
  it('refuses empty and nonsense input', () => {
    expect(toSipTarget('  ', 'd')).toEqual({ ok: false, reason: 'empty' });
    expect(toSipTarget('张三', 'd')).toEqual({ ok: false, reason: 'invalid' });
    expect(toSipTarget('12ab', 'd')).toEqual({ ok: false, reason: 'invalid' });
  });
  it('keys numbers by digits', () => {
    expect(numberKey('+86 138-0013-8000')).toBe('8613800138000');
  });
});

describe('phone settings', () => {
  it('requires wss except on the same machine', () => {
    expect(checkSipServerUrl('wss://pbx.example.com:8089/ws')).toBe('ok');
    expect(checkSipServerUrl('ws://127.0.0.1:8088')).toBe('ok');
    expect(checkSipServerUrl('ws://pbx.example.com')).toBe('insecure');
    expect(checkSipServerUrl('https://pbx')).toBe('not-websocket');
    expect(checkSipServerUrl('nope')).toBe('not-url');
  });
  it('validates and fills defaults', () => {
    const parsed = phoneSettingsSchema.parse({ server: 'ws://127.0.0.1:8088', extension: '2000' });
    expect(parsed).toMatchObject({ iceServers: [], holdRecallSeconds: 60, consultTimeoutSeconds: 25, answerKey: 'F2' });
    expect(sipDomainOf(parsed)).toBe('127.0.0.1');
    expect(phoneSettingsSchema.safeParse({ server: 'ws://10.0.0.1', extension: '2000' }).success).toBe(false);
    expect(phoneSettingsSchema.safeParse({ server: 'wss://pbx', extension: '20 00' }).success).toBe(false);
  });
});
