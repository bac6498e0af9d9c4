export { BadgeDialog } from './BadgeDialog';
