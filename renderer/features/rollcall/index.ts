export { RollCallDialog } from './RollCallDialog';
