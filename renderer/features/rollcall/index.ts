export { RollCallDialog } from './RollCallDialog';
export { RollCallLauncher, openRollCall } from './rollCallLauncher';
