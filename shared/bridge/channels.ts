// IPC channel names, kept apart from the schemas so the preload can name its channels without bundling zod.

/** The app's own origin (a privileged standard scheme, see main/security/appProtocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'frontdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** IPC channel of a method, e.g. 'fd:secrets.get'. The 'fd:' prefix keeps ours apart from Electron's own. */
export function bridgeChannel(domain: string, methodName: string): string {
  return `fd:${domain}.${methodName}`;
}
