export { SwitchboardScreen } from './SwitchboardScreen';
export { PhoneOverlay } from './PhoneOverlay';
