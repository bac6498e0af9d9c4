import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './webPreferences';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist/preload/preload.cjs');

  it('sandboxes and isolates the renderer (checklist #2, #3, #4)', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security and refuses webviews, insecure content and experimental features (#6, #8, #9, #10, #12)', () => {
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures ?? '').toBe('');
  });

  it('loads the built preload', () => {
    expect(prefs.preload).toBe('/app/dist/preload/preload.cjs');
  });
});
