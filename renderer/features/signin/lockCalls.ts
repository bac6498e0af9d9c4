// The signin feature's second entry, loaded lazily by the shell once the phone is installed (like the
// switchboard's overlay): the lock screen's call controls import the phone service, which the first screen
// must not wait for.
export { LockCallControls } from './LockCallControls';
