// The archive feature. The screen's code (bundle export, verify, restore, backups, retention) loads when the
// screen is opened (`loadArchiveScreen`, called lazily by the shell); the backup runner the shell mounts on
// every screen is small and loads the bundle code only when a backup runs.
export { BackupRunner } from './BackupRunner';

export const loadArchiveScreen = () => import('./ArchiveScreen');
