// Telling a recipient their items are waiting (docs/REQUIREMENTS.md §2: urgent items, recipient told at
// once): one notification per recipient for all their waiting items. Two channels: the desk's desktop
// notification (or the console's notification area when the system refuses one), and a SIP MESSAGE to
// the recipient's extension through the console's softphone where the PBX relays MESSAGE. Who was told,
// by which channel, when, and which channel failed, is stored as a 'notified' (or 'reminded') event per item.
import type { TFunction } from 'i18next';
import type { NotifyChannel, Parcel, Staff } from '@shared/domain';
import { repositoriesOf, type FrontDeskDatabase } from '../../db';
import { notifications } from '../../ui/notifications/notificationStore';
import { phoneInstalled, softphone } from '../../phone/phoneService';

export interface NotifyOutcome {
  channels: NotifyChannel[];
  failures: string[];
  count: number;
}

function showAtDesk(title: string, body: string, summary: string, urgent: boolean): void {
  try {
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      new Notification(title, { body, tag: 'frontdesk-parcels', requireInteraction: urgent });
      return;
    }
  } catch {
    // A shell that exposes the constructor but refuses to build one: the notification area below.
  }
  notifications.notify(urgent ? 'warning' : 'info', summary);
}

export async function notifyRecipient(db: FrontDeskDatabase, t: TFunction<'parcels'>, recipient: Staff | undefined, items: readonly Parcel[], options: { reminder?: boolean } = {}): Promise<NotifyOutcome> {
  const waiting = items.filter((p) => p.status === 'received' || p.status === 'notified');
  if (waiting.length === 0) return { channels: [], failures: [], count: 0 };
  const urgent = waiting.some((p) => p.urgent === 1);
  const name = recipient?.name ?? waiting[0]!.recipientName ?? '';
  const list = waiting.map((p) => `${t(`types.${p.type}`)}${p.shelf ? ` @${p.shelf}` : ''}`).join(', ');
  const title = t(urgent ? 'notice.titleUrgent' : 'notice.title');
  const body = t('notice.body', { recipient: name, count: waiting.length, items: list });
  const channels: NotifyChannel[] = [];
  const failures: string[] = [];
  showAtDesk(title, body, t('notice.inApp', { title, body }), urgent);
  channels.push('desktop');
  if (recipient?.extension && phoneInstalled()) {
    const result = await softphone.sendMessage(recipient.extension, `${urgent ? `${title} ` : ''}${t('notice.sip', { count: waiting.length, items: list })}`);
    if (result.ok) channels.push('sip');
    else failures.push(`sip: ${result.reason}`);
  }
  await repositoriesOf(db).parcels.recordNotification({ parcelIds: waiting.map((p) => p.id), recipientStaffId: recipient?.id, channels, failures, reminder: options.reminder });
  return { channels, failures, count: waiting.length };
}
