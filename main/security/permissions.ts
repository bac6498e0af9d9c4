// Electron security checklist #5 "Handle session permission requests from remote content": without
// handlers Electron grants every permission. We grant only what the console needs, and only to the
// app's own page: the microphone (the softphone), the camera (reading a parcel label's barcode at intake,
// renderer/features/parcels/cameraScan.ts; never screen capture) and choosing the speaker for call audio.
import type { Session } from 'electron';
import { isAppUrl } from './appOrigin';

// 'persistent-storage': docs/ARCHITECTURE.md has the renderer call navigator.storage.persist() so the visitor
// log in IndexedDB is never evicted; it gives the page no new capability.
// 'notifications': the desk is told by a desktop notification when a visitor arrives or an urgent item
// comes in (docs/REQUIREMENTS.md §1, §2), even while the console window is behind another one.
const ALWAYS_ALLOWED_FOR_APP = new Set(['speaker-selection', 'persistent-storage', 'notifications']);

export interface PermissionRequestDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: ReadonlyArray<'video' | 'audio'>;
}

export function shouldGrantPermissionRequest(permission: string, details: PermissionRequestDetails): boolean {
  if (!isAppUrl(details.requestingUrl)) return false;
  if (permission === 'media') {
    const types = details.mediaTypes ?? [];
    return types.length > 0 && types.every((type) => type === 'audio' || type === 'video');
  }
  return ALWAYS_ALLOWED_FOR_APP.has(permission);
}

export interface PermissionCheckDetails {
  requestingUrl?: string;
  mediaType?: 'video' | 'audio' | 'unknown';
}

export function shouldGrantPermissionCheck(
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckDetails,
): boolean {
  if (!isAppUrl(requestingOrigin) && !isAppUrl(details.requestingUrl)) return false;
  if (permission === 'media') return details.mediaType === 'audio' || details.mediaType === 'video';
  return ALWAYS_ALLOWED_FOR_APP.has(permission);
}

export function applyPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = shouldGrantPermissionRequest(permission, details as PermissionRequestDetails);
    if (!granted) console.warn(`[security] denied permission request '${permission}'`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    shouldGrantPermissionCheck(permission, requestingOrigin, details),
  );
  // WebHID / WebUSB / Web Serial: a barcode scanner is a keyboard to us; no device access for pages.
  session.setDevicePermissionHandler(() => false);
}
