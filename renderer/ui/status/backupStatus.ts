// The scheduled backup as the status bar shows it. The archive feature's backup runner publishes here after
// every check and every attempt; the shell's status bar reads it (docs/ARCHITECTURE.md, "Processes": main
// owns the backup files, the renderer writes the bundle). Plain data, translated where it is shown.
import { createStore } from '@shared/store/createStore';
import type { BackupFailureReason } from '@shared/backup/backupSchedule';
import type { BackupStatus } from '@shared/bridge/schemas';
import { useStore } from '../useStore';

export type BackupDisplay =
  | { state: 'unknown' } // not asked yet
  | { state: 'unsupported' } // the browser build: nothing to show
  | { state: 'notConfigured' } // the desktop app with no folder chosen
  | { state: 'never' } // a folder, no attempt yet
  | { state: 'running' }
  | { state: 'ok'; at: number; file?: string }
  | { state: 'failed'; at: number; reason: BackupFailureReason; message?: string; retryAt: number | null };

/** What to show for a status main answered (or the browser stand-in). */
export function backupDisplayOf(status: BackupStatus): BackupDisplay {
  if (!status.supported) return { state: 'unsupported' };
  if (status.running) return { state: 'running' };
  const last = status.lastAttempt;
  if (last?.ok) return { state: 'ok', at: last.at, file: last.file };
  if (last) return { state: 'failed', at: last.at, reason: last.reason ?? 'other', message: last.message, retryAt: status.dueAt };
  return status.folder === null ? { state: 'notConfigured' } : { state: 'never' };
}

export const backupStatusStore = createStore<BackupDisplay>({ state: 'unknown' });

export function publishBackupStatus(next: BackupDisplay): void {
  backupStatusStore.set((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
}

export function useBackupStatus(): BackupDisplay {
  return useStore(backupStatusStore);
}
