import { describe, expect, it } from 'vitest';
import { isAppSender } from './ipcSender';
import { isAppUrl } from './appOrigin';

describe('IPC sender check (checklist #17 validate the sender of all IPC messages)', () => {
  it('accepts frames showing app://frontdesk', () => {
    expect(isAppSender({ senderFrame: { url: 'app://frontdesk/index.html' } })).toBe(true);
    expect(isAppSender({ senderFrame: { url: 'app://frontdesk/index.html#/parcels' } })).toBe(true);
  });

  it('refuses a missing (destroyed/navigated) frame and every other origin', () => {
    expect(isAppSender({ senderFrame: null })).toBe(false);
    expect(isAppSender({ senderFrame: undefined })).toBe(false);
    for (const url of ['https://evil.example/', 'file:///index.html', 'app://frontdesk.evil/', 'app://other/', 'app://user@frontdesk/', 'data:text/html,x', 'about:blank', '', 'http://127.0.0.1:5173/']) {
      expect(isAppSender({ senderFrame: { url } }), url).toBe(false);
    }
  });

  it('compares scheme and host, not URL.origin (which is "null" for custom schemes in Node)', () => {
    expect(new URL('app://frontdesk/').origin).toBe('null');
    expect(isAppUrl('app://frontdesk')).toBe(true);
    expect(isAppUrl('null')).toBe(false);
  });
});
