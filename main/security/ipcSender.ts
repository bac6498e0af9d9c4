// Electron security checklist #17 "Validate the sender of all IPC messages": every bridge call is refused
// unless it comes from a live frame showing the app's own page (app://frontdesk). A frame that navigated
// away, or was destroyed, has no senderFrame and is refused too.
import { isAppUrl } from './appOrigin';

export interface IpcSenderEvent {
  senderFrame: { url: string } | null | undefined;
}

export function isAppSender(event: IpcSenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return isAppUrl(frame.url);
}
