// A minimal menu. Windows/Linux get none: no "Reload"/"Toggle Developer Tools" accelerators for a desk
// user to hit by accident. macOS needs an app menu and an Edit menu, or Cmd+C/V/Q stop working.
import type { MenuItemConstructorOptions } from 'electron';
import { Menu } from 'electron';

export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}

export function applyApplicationMenu(platform: NodeJS.Platform): void {
  const template = applicationMenuTemplate(platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
}
