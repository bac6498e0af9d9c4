// One console per desk computer: a second launch (double-click on the shortcut) must focus the running
// window, not open a second copy writing to the same IndexedDB and fighting over the SIP registration.
import type { App } from 'electron';

export function acquireSingleInstanceLock(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  focusExistingWindow: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusExistingWindow());
  return true;
}
