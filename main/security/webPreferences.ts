// The main window's webPreferences, one line per Electron security checklist item. Kept as a pure
// function so a unit test can assert every value (a regression here is the costliest kind).
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath, // the bundled preload: the page's only way to main (named methods, no ipcRenderer)
    sandbox: true, // checklist #4 "Enable process sandboxing"
    contextIsolation: true, // checklist #3 "Enable Context Isolation"
    nodeIntegration: false, // checklist #2 "Do not enable Node.js integration for remote content"
    nodeIntegrationInWorker: false, // same, for Web Workers
    nodeIntegrationInSubFrames: false, // same, for iframes (no preload runs in subframes)
    webviewTag: false, // checklist #12: no <webview> at all
    webSecurity: true, // checklist #6 "Do not disable webSecurity" (true is the default; stated, never false)
    allowRunningInsecureContent: false, // checklist #8
    experimentalFeatures: false, // checklist #9 "Do not enable experimental features"
    enableBlinkFeatures: '', // checklist #10 "Do not use enableBlinkFeatures"
    navigateOnDragDrop: false, // a file dropped on the window must not replace the app
    safeDialogs: true, // a looping alert() cannot lock the desk
    spellcheck: false, // no dictionary downloads from Google's servers
  };
}
