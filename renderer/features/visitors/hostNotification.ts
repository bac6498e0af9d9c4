// Telling the desk whom to notify when a visitor arrives (docs/REQUIREMENTS.md §1): a desktop notification
// when the system allows one, otherwise the console's own notification area, which is always there.
import { notifications } from '../../ui/notifications/notificationStore';

export interface ArrivalNotice {
  title: string;
  body: string;
  /** Title and body as one translated line, for the in-app notification area. */
  summary: string;
}

/** Shows the notice; returns where it went. Never asks for permission: that is a settings decision. */
export function announceArrival(notice: ArrivalNotice): 'desktop' | 'inApp' {
  try {
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      new Notification(notice.title, { body: notice.body, tag: 'frontdesk-visitor-arrival' });
      return 'desktop';
    }
  } catch {
    // Some shells expose the constructor but refuse to build one; fall back to the in-app area.
  }
  notifications.notify('info', notice.summary);
  return 'inApp';
}
