// Electron security checklist #13 "Disable or limit navigation", #14 "Disable or limit creation of new
// windows" and #12 "Verify WebView options before creation" (we refuse every <webview>). Applied to every
// webContents the app creates (app 'web-contents-created'), so a forgotten window is covered too.
import type { WebContents } from 'electron';
import { isAppUrl } from './appOrigin';

type Guarded = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface NavigationGuardOptions {
  /** Where links the page tries to open in a new window go: the allow-listed openExternal. */
  openExternal: (url: string) => Promise<boolean>;
}

/** Links a user may click that we pass to the OS (openExternal applies its own allow-list on top). */
function isExternalLink(url: string): boolean {
  return /^(https?|mailto):/i.test(url);
}

export function applyNavigationGuards(contents: Guarded, options: NavigationGuardOptions): void {
  const denyOutsideApp = (event: { preventDefault(): void; url?: string }, url?: string) => {
    const target = event.url ?? url;
    if (!isAppUrl(target)) {
      event.preventDefault();
      console.warn(`[security] blocked navigation to ${String(target).slice(0, 100)}`);
    }
  };
  contents.on('will-navigate', denyOutsideApp);
  contents.on('will-frame-navigate', denyOutsideApp);
  contents.on('will-redirect', denyOutsideApp);

  // No page ever gets a second window: the app is one window. External links go to the OS browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void options.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });

  // webviewTag is off in webPreferences; this refuses one even if a setting regresses.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
