import { describe, expect, it, vi } from 'vitest';
import { applyPermissionHandlers, shouldGrantPermissionCheck, shouldGrantPermissionRequest } from './permissions';

const APP = 'app://frontdesk/index.html';

describe('permission requests (checklist #5 handle permission requests)', () => {
  it('grants the microphone (audio only) to the app page', () => {
    expect(shouldGrantPermissionRequest('media', { requestingUrl: APP, mediaTypes: ['audio'] })).toBe(true);
  });

  it('grants the camera (video) to the app page, for reading a parcel label at intake', () => {
    expect(shouldGrantPermissionRequest('media', { requestingUrl: APP, mediaTypes: ['video'] })).toBe(true);
    expect(shouldGrantPermissionRequest('media', { requestingUrl: APP, mediaTypes: ['audio', 'video'] })).toBe(true);
    expect(shouldGrantPermissionRequest('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
  });

  it('refuses media without types and media of an unknown kind', () => {
    expect(shouldGrantPermissionRequest('media', { requestingUrl: APP, mediaTypes: ['screen' as never] })).toBe(false);
    expect(shouldGrantPermissionRequest('media', { requestingUrl: APP, mediaTypes: [] })).toBe(false);
    expect(shouldGrantPermissionRequest('media', { requestingUrl: APP })).toBe(false);
  });

  it('grants speaker selection to the app page', () => {
    expect(shouldGrantPermissionRequest('speaker-selection', { requestingUrl: APP })).toBe(true);
  });

  it('refuses everything to any other origin', () => {
    for (const url of ['https://evil.example/', 'file:///x.html', 'app://other/', 'http://127.0.0.1:5173/', undefined]) {
      expect(shouldGrantPermissionRequest('media', { requestingUrl: url, mediaTypes: ['audio'] })).toBe(false);
      expect(shouldGrantPermissionRequest('speaker-selection', { requestingUrl: url })).toBe(false);
      expect(shouldGrantPermissionRequest('notifications', { requestingUrl: url })).toBe(false);
    }
  });

  it('lets the app page raise desktop notifications (visitor arrived, urgent parcel)', () => {
    expect(shouldGrantPermissionRequest('notifications', { requestingUrl: APP })).toBe(true);
  });

  it('refuses every other permission, even to the app page', () => {
    for (const permission of ['geolocation', 'display-capture', 'openExternal', 'clipboard-read', 'fullscreen', 'midiSysex', 'hid', 'usb', 'serial', 'pointerLock', 'unknown']) {
      expect(shouldGrantPermissionRequest(permission, { requestingUrl: APP }), permission).toBe(false);
    }
  });
});

describe('permission checks', () => {
  it('mirrors the request policy', () => {
    expect(shouldGrantPermissionCheck('media', 'app://frontdesk', { mediaType: 'audio' })).toBe(true);
    expect(shouldGrantPermissionCheck('media', 'app://frontdesk', { mediaType: 'video' })).toBe(true);
    expect(shouldGrantPermissionCheck('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(shouldGrantPermissionCheck('media', 'app://frontdesk', { mediaType: 'unknown' })).toBe(false);
    expect(shouldGrantPermissionCheck('speaker-selection', 'app://frontdesk/', {})).toBe(true);
    expect(shouldGrantPermissionCheck('media', 'https://evil.example', { mediaType: 'audio' })).toBe(false);
    expect(shouldGrantPermissionCheck('geolocation', 'app://frontdesk', {})).toBe(false);
    expect(shouldGrantPermissionCheck('notifications', 'app://frontdesk', {})).toBe(true);
    expect(shouldGrantPermissionCheck('notifications', 'https://evil.example', {})).toBe(false);
  });
});

describe('applyPermissionHandlers', () => {
  it('installs request, check and device handlers on the session', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    applyPermissionHandlers(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...a: unknown[]) => void;
    const callback = vi.fn();
    request({}, 'media', callback, { requestingUrl: APP, mediaTypes: ['audio'] });
    request({}, 'media', callback, { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] });
    request({}, 'geolocation', callback, { requestingUrl: APP });
    expect(callback.mock.calls).toEqual([[true], [false], [false]]);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(check({}, 'media', 'app://frontdesk', { mediaType: 'audio' })).toBe(true);
    expect(check({}, 'media', 'https://evil.example', { mediaType: 'audio' })).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);
  });
});
