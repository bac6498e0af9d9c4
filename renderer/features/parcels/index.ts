// Mail and parcels (邮件收发): intake with carrier detection, waiting list, notification, signed hand-over,
// custody timeline, shelf labels, outgoing log.
export { ParcelsScreen } from './ParcelsScreen';
