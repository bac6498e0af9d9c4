import { describe, expect, it, vi } from 'vitest';
import { applyNavigationGuards } from './navigationGuards';

type Listener = (event: { preventDefault: () => void; url?: string }, url?: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    }),
  };
  const fire = (name: string, url: string, viaEventUrl = false) => {
    const event = { preventDefault: vi.fn(), ...(viaEventUrl ? { url } : {}) };
    listeners.get(name)?.(event, viaEventUrl ? undefined : url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, listeners, fire, open: (url: string) => openHandler?.({ url }) };
}

function guarded() {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const fake = fakeContents();
  const openExternal = vi.fn(async () => true);
  applyNavigationGuards(fake.contents as never, { openExternal });
  return { ...fake, openExternal };
}

describe('navigation guards (checklist #13 limit navigation)', () => {
  it('blocks will-navigate, will-frame-navigate and will-redirect outside app://frontdesk', () => {
    const { fire } = guarded();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'data:text/html,x', 'javascript:alert(1)', 'http://127.0.0.1:5173/']) {
        expect(fire(name, url), `${name} ${url}`).toBe(true);
        expect(fire(name, url, true), `${name} ${url} (event.url)`).toBe(true);
      }
    }
  });

  it('lets the app navigate within app://frontdesk', () => {
    const { fire } = guarded();
    expect(fire('will-navigate', 'app://frontdesk/index.html')).toBe(false);
    expect(fire('will-redirect', 'app://frontdesk/index.html#/visitors', true)).toBe(false);
  });
});

describe('window-open handler (checklist #14 limit new windows)', () => {
  it('denies every new window and hands http(s)/mailto links to the safe openExternal', () => {
    const { open, openExternal } = guarded();
    expect(open('https://www.sf-express.com/track?id=1')).toEqual({ action: 'deny' });
    expect(open('mailto:host@example.com')).toEqual({ action: 'deny' });
    expect(open('app://frontdesk/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('smb://share/x')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['https://www.sf-express.com/track?id=1', 'mailto:host@example.com']);
  });
});

describe('webview (checklist #12)', () => {
  it('prevents every will-attach-webview', () => {
    const { fire } = guarded();
    expect(fire('will-attach-webview', 'app://frontdesk/index.html')).toBe(true);
  });
});
