export { BadgeDialog } from './BadgeDialog';
export type { BadgeDialogProps } from './BadgeDialog';
