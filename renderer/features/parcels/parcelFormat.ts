// How an item is named on screen: type, tracking number (or a short id) and carrier.
import type { TFunction } from 'i18next';
import type { Parcel } from '@shared/domain';

export function shortId(id: string): string {
  return id.slice(-6);
}

export function itemName(t: TFunction<'parcels'>, parcel: Pick<Parcel, 'type' | 'trackingNumber' | 'id'>): string {
  return `${t(`types.${parcel.type}`)} ${parcel.trackingNumber ?? `#${shortId(parcel.id)}`}`;
}

export function carrierName(t: TFunction<'parcels'>, carrier: string | undefined): string {
  return t(`carriers.${carrier ?? 'unknown'}`, { defaultValue: carrier ?? t('carriers.unknown') });
}

export function recipientLabel(t: TFunction<'parcels'>, parcel: Pick<Parcel, 'recipientName' | 'recipientStaffId'>): string {
  if (!parcel.recipientName) return t('intake.noRecipient');
  return parcel.recipientStaffId ? parcel.recipientName : t('intake.notInDirectory', { name: parcel.recipientName });
}
