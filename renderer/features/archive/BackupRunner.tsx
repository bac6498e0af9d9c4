// Mounted by the shell on every screen: checks at start and every minute whether a scheduled backup is due
// and runs it (features/archive/backupRunner.ts). Renders nothing; the status bar shows the outcome and a
// failure also raises a notification. The bundle code (fflate, hashing) loads only when a backup runs, so
// neither the first screen nor the browser build (where backups are unsupported) pays for it.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useDatabase, type FrontDeskDatabase } from '../../db';
import { getBridge } from '../../platform';
import { notifications } from '../../ui/notifications/notificationStore';
import { publishBackupStatus } from '../../ui/status/backupStatus';
import { createBackupRunner, type BackupRunner } from './backupRunner';

/** How often the runner asks main whether a backup is due. */
export const BACKUP_CHECK_EVERY_MS = 60_000;

let shared: BackupRunner | undefined;
let sharedFor: { db: FrontDeskDatabase; t: TFunction } | undefined;

/** The one runner of this page: the shell's timer and the Archive screen's "Back up now" share it. */
export function backupRunnerFor(db: FrontDeskDatabase, t: TFunction, loadStrings?: () => Promise<unknown>): BackupRunner {
  if (sharedFor) {
    sharedFor.db = db;
    sharedFor.t = t;
  }
  if (shared) return shared;
  const ctx = { db, t };
  sharedFor = ctx;
  const bridge = getBridge();
  shared = createBackupRunner({
    bridge,
    async makeBundle() {
      const { archiveBundle, auditBundleExport } = await import('../../db/archive');
      const info = await bridge.app.info();
      const { chunks, result } = archiveBundle(ctx.db, { appVersion: info.ok ? info.value.appVersion : 'unknown', scheduledBackup: true });
      return { chunks, saved: async (file) => void (await auditBundleExport(ctx.db, (await result).manifest, file)) };
    },
    publish: publishBackupStatus,
    prepare: loadStrings,
    onFailure: (reason) => notifications.notify('error', ctx.t('archive:backup.failedNotice', { reason: ctx.t(`archive:backup.reasons.${reason}`) })),
    onSuccess: (file) => notifications.notify('success', ctx.t('archive:backup.savedNotice', { file })),
  });
  return shared;
}

/** `loadStrings` brings this feature's strings (the shell loads them later than the first screen). */
export function BackupRunner({ loadStrings }: { loadStrings?: () => Promise<unknown> }) {
  const { t } = useTranslation('archive');
  const db = useDatabase();
  useEffect(() => {
    const runner = backupRunnerFor(db, t, loadStrings);
    const check = () => void runner.check().catch((error: unknown) => console.warn('[backup] check failed', error));
    check();
    const timer = setInterval(check, BACKUP_CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [db, t, loadStrings]);
  return null;
}
