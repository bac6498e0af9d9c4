// Electron security checklist #15 "Do not use shell.openExternal with untrusted content": this is the
// only caller of shell.openExternal in the app, and it opens nothing but these schemes. A file:, smb:,
// or custom-protocol URL could launch a program on the desk's computer.
import { shell } from 'electron';

export const EXTERNAL_SCHEMES: readonly string[] = ['https:', 'mailto:', 'tel:'];

export function isAllowedExternalUrl(value: string): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    if (!EXTERNAL_SCHEMES.includes(url.protocol)) return false;
    // https://user:pass@host is a classic phishing disguise; nothing we link to needs it.
    return !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Opens an allowed URL in the OS default handler; answers false (and opens nothing) otherwise. */
export async function openExternalSafely(value: string): Promise<boolean> {
  if (!isAllowedExternalUrl(value)) {
    console.warn(`[security] refused to open external URL with a disallowed scheme: ${String(value).slice(0, 100)}`);
    return false;
  }
  await shell.openExternal(value);
  return true;
}
