// The one application window. Shown only when its first paint is ready (no white flash at the desk),
// with a minimum size the screens are designed for.
import type { BrowserWindowConstructorOptions } from 'electron';
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from '@shared/bridge/channels';
import { secureWebPreferences } from '../security/webPreferences';

export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'FrontDesk Console',
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}

export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
