// The archive feature. The screen's code (bundle export, verify, restore, backups tab) loads when the screen
// is opened; the backup runner the shell mounts on every screen is small and loads the bundle code only
// when a backup runs.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export { BackupRunner } from './BackupRunner';

export const ArchiveScreen: LazyExoticComponent<ComponentType> = lazy(async () => ({ default: (await import('./ArchiveScreen')).ArchiveScreen }));
