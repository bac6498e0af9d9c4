// Scheduled backups (README.md, "Archive format"): the rules main applies, as pure functions. A backup is
// due a full period after the last success, or a short retry delay after a failure (a failed backup is
// retried, never left until tomorrow); file names sort by time, so rotation keeps the newest `keep`.

export const BACKUP_DEFAULTS = { everyHours: 24, keep: 14 } as const;
export const BACKUP_LIMITS = { everyHours: { min: 1, max: 168 }, keep: { min: 1, max: 365 } } as const;
/** After a failed attempt the next one is due this much later (not a whole period). */
export const BACKUP_RETRY_DELAY_MS = 10 * 60_000;

/** Why a backup failed, in words the renderer translates. */
export const BACKUP_FAILURE_REASONS = ['folderMissing', 'diskFull', 'permissionDenied', 'verifyFailed', 'noFolder', 'other'] as const;
export type BackupFailureReason = (typeof BACKUP_FAILURE_REASONS)[number];

/** frontdesk-backup-20261202-090000-000.zip (UTC); only files matching this are ever rotated away. */
export const BACKUP_FILE_PATTERN = /^frontdesk-backup-\d{8}-\d{6}-\d{3}\.zip$/;

export function backupFileName(at: number): string {
  const d = new Date(at);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `frontdesk-backup-${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}.zip`;
}

/** The backup files beyond the newest `keep`, oldest first; names not matching the pattern are never listed. */
export function backupsToRemove(names: readonly string[], keep: number): string[] {
  const backups = names.filter((name) => BACKUP_FILE_PATTERN.test(name)).sort();
  return backups.slice(0, Math.max(0, backups.length - keep));
}

export interface BackupAttempt {
  at: number;
  ok: boolean;
  file?: string;
  bytes?: number;
  message?: string;
  reason?: BackupFailureReason;
}

export interface ScheduleState {
  folder: string | null;
  everyHours: number;
  lastSuccessAt: number | null;
  lastAttempt: BackupAttempt | null;
}

/** When the next backup is due; null while no folder is chosen. */
export function nextBackupAt(state: ScheduleState, retryDelayMs = BACKUP_RETRY_DELAY_MS): number | null {
  if (state.folder === null) return null;
  const last = state.lastAttempt;
  if (last && !last.ok) return last.at + retryDelayMs;
  if (state.lastSuccessAt === null) return last ? last.at : 0; // never backed up: due at once
  return state.lastSuccessAt + state.everyHours * 3_600_000;
}

/** The cause of a file-system failure from its Node error code or message (ENOSPC, EACCES, ENOENT …). */
export function classifyBackupFailure(error: { code?: unknown; message?: unknown } | string): BackupFailureReason {
  const text = typeof error === 'string' ? error : `${String(error.code ?? '')} ${String(error.message ?? '')}`;
  if (/\bENOSPC\b|\bEDQUOT\b/.test(text)) return 'diskFull';
  if (/\bEACCES\b|\bEPERM\b|\bEROFS\b/.test(text)) return 'permissionDenied';
  if (/\bENOENT\b|\bENOTDIR\b/.test(text)) return 'folderMissing';
  return 'other';
}
