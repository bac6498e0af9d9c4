// The parcel state machine (docs/REQUIREMENTS.md §2, custody chain): which event may happen in which state,
// and what it changes on the parcel. The repository writes the parcel change and its parcelEvents row in the
// same transaction; nothing on a parcel changes without an event.
import type { Parcel, ParcelEventKind, ParcelStatus } from '../domain/parcels';
import { WAITING_STATUSES } from '../domain/plain/parcels';

export type ParcelAction =
  | { kind: 'moved'; at: number; shelf: string | undefined }
  | { kind: 'notified'; at: number }
  | { kind: 'reminded'; at: number }
  | { kind: 'handedOver'; at: number; collectedBy: string; delegateName?: string | undefined }
  | { kind: 'returned'; at: number; reason: string }
  | { kind: 'refused'; at: number; reason: string }
  | { kind: 'corrected'; at: number; changes: Partial<Pick<Parcel, CorrectableField>> };

export const CORRECTABLE_FIELDS = ['trackingNumber', 'carrier', 'recipientStaffId', 'recipientName', 'type', 'urgent', 'pieces', 'notes'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export class ParcelTransitionError extends Error {
  constructor(readonly status: ParcelStatus, readonly event: ParcelEventKind) {
    super(`a ${status} item cannot be ${event}`);
    this.name = 'ParcelTransitionError';
  }
}

export function isWaiting(status: ParcelStatus): boolean {
  return (WAITING_STATUSES as readonly ParcelStatus[]).includes(status);
}

/** Which events each state allows. A closed item (collected, returned, refused) may still be corrected. */
const ALLOWED: Readonly<Record<ParcelStatus, readonly ParcelEventKind[]>> = {
  received: ['moved', 'notified', 'reminded', 'handedOver', 'returned', 'refused', 'corrected'],
  notified: ['moved', 'notified', 'reminded', 'handedOver', 'returned', 'refused', 'corrected'],
  collected: ['corrected'],
  returned: ['corrected'],
  refused: ['corrected'],
  sent: ['corrected'],
};

export function canApply(status: ParcelStatus, kind: ParcelEventKind): boolean {
  return ALLOWED[status].includes(kind);
}

/** The parcel's changed fields after the action; throws ParcelTransitionError when the state does not allow it. */
export function applyParcelAction(parcel: Pick<Parcel, 'status'>, action: ParcelAction): Partial<Parcel> {
  if (!canApply(parcel.status, action.kind)) throw new ParcelTransitionError(parcel.status, action.kind);
  switch (action.kind) {
    case 'moved':
      return { shelf: action.shelf };
    case 'notified':
      return { status: 'notified', notifiedAt: action.at };
    case 'reminded':
      return { status: 'notified', notifiedAt: action.at, lastReminderAt: action.at };
    case 'handedOver':
      return { status: 'collected', collectedAt: action.at, collectedBy: action.collectedBy, delegateName: action.delegateName };
    case 'returned':
    case 'refused':
      if (!action.reason.trim()) throw new ParcelTransitionError(parcel.status, action.kind);
      return { status: action.kind, reason: action.reason.trim(), collectedAt: action.at };
    case 'corrected':
      return { ...action.changes };
  }
}

/** "field: before → after" lines for a correction's event (what the timeline shows). */
export function describeChanges(before: Partial<Parcel>, changes: Partial<Parcel>): string[] {
  const show = (v: unknown) => (v === undefined || v === '' ? '—' : String(v));
  return Object.entries(changes)
    .filter(([field, value]) => show(before[field as keyof Parcel]) !== show(value))
    .map(([field, value]) => `${field}: ${show(before[field as keyof Parcel])} → ${show(value)}`);
}

export const DEFAULT_AGING_DAYS = 3;
const DAY_MS = 86_400_000;

/** Waiting longer than `days` days: flagged and listed for a reminder. */
export function isOverdue(parcel: Pick<Parcel, 'status' | 'receivedAt'>, now: number, days: number = DEFAULT_AGING_DAYS): boolean {
  return isWaiting(parcel.status) && now - parcel.receivedAt > days * DAY_MS;
}

/** The waiting list's order everywhere: urgent first, then the longest waiting first, then by id. */
export function compareWaiting(a: Pick<Parcel, 'urgent' | 'receivedAt' | 'id'>, b: Pick<Parcel, 'urgent' | 'receivedAt' | 'id'>): number {
  return b.urgent - a.urgent || a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Waiting items grouped by recipient (one notification per recipient for several items), urgent recipients first. */
export function groupByRecipient<T extends Pick<Parcel, 'recipientStaffId' | 'urgent' | 'receivedAt' | 'id'>>(items: readonly T[]): { recipientStaffId: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (!item.recipientStaffId) continue;
    groups.set(item.recipientStaffId, [...(groups.get(item.recipientStaffId) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([recipientStaffId, list]) => ({ recipientStaffId, items: [...list].sort(compareWaiting) }))
    .sort((a, b) => compareWaiting(a.items[0]!, b.items[0]!));
}

/** Search keys of a parcel: its tracking key, its shelf and its recipient's keys (name, pinyin, extension). */
export function parcelSearchKeys(fields: { trackingKey?: string | undefined; shelf?: string | undefined }, recipientKeys: readonly string[]): string[] {
  const keys = new Set<string>(recipientKeys);
  if (fields.trackingKey) keys.add(fields.trackingKey.toLowerCase());
  if (fields.shelf) keys.add(fields.shelf.toLowerCase());
  return [...keys];
}
