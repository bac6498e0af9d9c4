// The notification area: every screen reports outcomes here (saved, imported, failed …) so the desk
// has one place to look back at what happened during the shift.
import { useSyncExternalStore } from 'react';

export type NotificationSeverity = 'success' | 'info' | 'warning' | 'error';

export interface DeskNotification {
  id: number;
  severity: NotificationSeverity;
  /** Already translated text. */
  message: string;
  at: number;
  read: boolean;
}

type Listener = () => void;

const MAX_KEPT = 100;

export class NotificationStore {
  private items: DeskNotification[] = [];
  private nextId = 1;
  private listeners = new Set<Listener>();

  notify(severity: NotificationSeverity, message: string): DeskNotification {
    const item: DeskNotification = { id: this.nextId++, severity, message, at: Date.now(), read: false };
    this.items = [item, ...this.items].slice(0, MAX_KEPT);
    this.emit();
    return item;
  }

  markAllRead(): void {
    if (this.items.every((n) => n.read)) return;
    this.items = this.items.map((n) => ({ ...n, read: true }));
    this.emit();
  }

  clear(): void {
    this.items = [];
    this.emit();
  }

  snapshot = (): DeskNotification[] => this.items;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

export const notifications = new NotificationStore();

export function useNotifications(): DeskNotification[] {
  return useSyncExternalStore(notifications.subscribe, notifications.snapshot);
}

/** Convenience for components: `const notify = useNotify(); notify('success', t('saved'))`. */
export function useNotify(): (severity: NotificationSeverity, message: string) => void {
  return (severity, message) => {
    notifications.notify(severity, message);
  };
}
