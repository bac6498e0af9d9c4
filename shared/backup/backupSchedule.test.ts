import { describe, expect, it } from 'vitest';
import { BACKUP_RETRY_DELAY_MS, backupFileName, backupsToRemove, classifyBackupFailure, nextBackupAt } from './backupSchedule';

const H = 3_600_000;

describe('backup schedule rules', () => {
  it('names files by UTC time so that names sort by time and match the rotation pattern', () => {
    const a = backupFileName(Date.UTC(2026, 11, 2, 9, 0, 0, 5));
    expect(a).toBe('frontdesk-backup-20261202-090000-005.zip');
    expect(backupsToRemove([a], 1)).toEqual([]);
    expect(backupFileName(Date.UTC(2026, 11, 2, 9, 0, 1)) > a).toBe(true);
  });

  it('rotates only backup files, oldest first, keeping the newest N', () => {
    const names = ['frontdesk-backup-20261203-090000-000.zip', 'notes.txt', 'frontdesk-backup-20261201-090000-000.zip', 'frontdesk-backup-x.zip', 'frontdesk-backup-20261202-090000-000.zip'];
    expect(backupsToRemove(names, 1)).toEqual(['frontdesk-backup-20261201-090000-000.zip', 'frontdesk-backup-20261202-090000-000.zip']);
    expect(backupsToRemove(names, 3)).toEqual([]);
  });

  it('is due at once when never done, a period after a success, a retry delay after a failure, never without a folder', () => {
    const base = { folder: '/b', everyHours: 24, lastSuccessAt: null, lastAttempt: null };
    expect(nextBackupAt({ ...base, folder: null })).toBeNull();
    expect(nextBackupAt(base)).toBe(0);
    expect(nextBackupAt({ ...base, lastSuccessAt: 10 * H, lastAttempt: { at: 10 * H, ok: true } })).toBe(34 * H);
    expect(nextBackupAt({ ...base, lastSuccessAt: 10 * H, lastAttempt: { at: 40 * H, ok: false } })).toBe(40 * H + BACKUP_RETRY_DELAY_MS);
  });

  it('tells disk full, permission denied and a missing folder apart', () => {
    expect(classifyBackupFailure({ code: 'ENOSPC', message: 'no space left on device' })).toBe('diskFull');
    expect(classifyBackupFailure('writing the export failed: EACCES: permission denied, open')).toBe('permissionDenied');
    expect(classifyBackupFailure({ message: "ENOENT: no such file or directory, open '/gone/x'" })).toBe('folderMissing');
    expect(classifyBackupFailure('something else')).toBe('other');
  });
});
