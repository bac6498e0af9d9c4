// The notification area: every screen reports outcomes here (saved, imported, failed …) so the desk
// has one place to look back at what happened during the shift.
import { createStore } from '@shared/store/createStore';
import { useStore } from '../useStore';

export type NotificationSeverity = 'success' | 'info' | 'warning' | 'error';

export interface DeskNotification {
  id: number;
  severity: NotificationSeverity;
  /** Already translated text. */
  message: string;
  at: number;
  read: boolean;
}

const MAX_KEPT = 100;

export class NotificationStore {
  readonly store = createStore<DeskNotification[]>([]);
  private nextId = 1;

  notify(severity: NotificationSeverity, message: string): DeskNotification {
    const item: DeskNotification = { id: this.nextId++, severity, message, at: Date.now(), read: false };
    this.store.set((items) => [item, ...items].slice(0, MAX_KEPT));
    return item;
  }

  markAllRead(): void {
    this.store.set((items) => (items.every((n) => n.read) ? items : items.map((n) => ({ ...n, read: true }))));
  }

  clear(): void {
    this.store.set((items) => (items.length === 0 ? items : []));
  }

  snapshot = (): DeskNotification[] => this.store.get();

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);
}

export const notifications = new NotificationStore();

export function useNotifications(): DeskNotification[] {
  return useStore(notifications.store);
}

/** Convenience for components: `const notify = useNotify(); notify('success', t('saved'))`. */
export function useNotify(): (severity: NotificationSeverity, message: string) => void {
  return (severity, message) => {
    notifications.notify(severity, message);
  };
}
