// Is a URL (or origin string) the app's own page? Used by every check that trusts "our" origin:
// navigation, permissions, IPC senders. Compares scheme and host explicitly, because Node's URL gives
// `origin === 'null'` for custom schemes (so comparing `.origin` strings would silently never match).
import { APP_HOST, APP_SCHEME } from '@shared/bridge/channels';

export function isAppUrl(value: string | null | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}
