export { RollCallLauncher, openRollCall } from './rollCallLauncher';
