import { Box, Typography } from '@mui/material';
import CircleIcon from '@mui/icons-material/Circle';
import { useTranslation } from 'react-i18next';
import { usePhoneStatus } from '../ui/status/phoneStatusStore';
import { formatBytes, nearlyFullShare, useStorageStatus } from '../ui/status/storageStatus';
import { useStore } from '../ui/useStore';
import { useBackupStatus, type BackupDisplay } from '../ui/status/backupStatus';
import { databaseHealth, syncStatusShown, type SyncStatus } from '../db';
import { useConnectionHealth } from '../phone/phoneService';
import { FirstSyncProgress } from '../ui/sync/FirstSyncProgress';

/** Pauses the running sync (its module, and PouchDB, load only once sync runs). */
function pauseSync(): void {
  // A failed stop leaves the status showing the sync's own state (offline, error): nothing to add here.
  void import('../db/sync/syncController').then(({ runningSync }) => runningSync()?.pause()).catch(() => undefined);
}

const PHONE_COLOUR = { unconfigured: 'text.disabled', connecting: 'warning.main', registered: 'success.main', failed: 'error.main', disconnected: 'error.main' } as const;
const STORAGE_COLOUR = { checking: 'text.disabled', persisted: 'success.main', notPersisted: 'warning.main', unavailable: 'error.main' } as const;

/** "09:00" today, "12/1 09:00" on another day, in the desk's language. */
function backupTime(at: number, locale: string): string {
  const d = new Date(at);
  const today = new Date().toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(locale, today ? { hour: '2-digit', minute: '2-digit' } : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** The scheduled backup: nothing where backups do not exist (the browser build), loud red when the last one failed. */
function BackupSegment({ backup }: { backup: BackupDisplay }) {
  const { t, i18n } = useTranslation('archive');
  if (backup.state === 'unknown' || backup.state === 'unsupported') return null;
  if (backup.state === 'failed') {
    return (
      <Typography variant="caption" role="alert" data-testid="backup-status" data-state="failed" sx={{ color: 'error.contrastText', bgcolor: 'error.main', px: 1, borderRadius: 1, fontWeight: 600 }}>
        {t('statusBar.failed', { time: backupTime(backup.at, i18n.language), reason: t(`backup.reasons.${backup.reason}`) })}
      </Typography>
    );
  }
  const text =
    backup.state === 'ok' ? t('statusBar.ok', { time: backupTime(backup.at, i18n.language) }) : t(`statusBar.${backup.state}`);
  const colour = backup.state === 'ok' ? 'success.main' : backup.state === 'running' ? 'info.main' : 'warning.main';
  return (
    <Typography variant="caption" role="status" data-testid="backup-status" data-state={backup.state} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <CircleIcon sx={{ fontSize: 10, color: colour }} aria-hidden />
      {text}
    </Typography>
  );
}

const SYNC_COLOUR = { off: 'text.disabled', starting: 'info.main', syncing: 'info.main', upToDate: 'success.main', offline: 'warning.main', error: 'error.main', paused: 'text.disabled' } as const;

/** Replication with the other desks: nothing while this desk does not replicate. */
function SyncSegment({ sync }: { sync: SyncStatus }) {
  const { t, i18n } = useTranslation();
  if (sync.state === 'off') return null;
  const text =
    sync.state === 'offline'
      ? t('status.sync.offline', { time: backupTime(sync.offlineSince ?? Date.now(), i18n.language), count: sync.waiting })
      : sync.state === 'error'
        ? t('status.sync.error', { reason: sync.reason ?? '' })
        : sync.state === 'starting'
          ? t('status.sync.starting', { done: sync.progress?.done ?? 0 })
          : sync.waiting > 0
            ? t('status.sync.waiting', { count: sync.waiting })
            : t(`status.sync.${sync.state}`);
  return (
    <>
      <Typography variant="caption" role="status" data-testid="sync-status" data-state={sync.state} data-waiting={sync.waiting} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <CircleIcon sx={{ fontSize: 10, color: SYNC_COLOUR[sync.state] }} aria-hidden />
        {text}
      </Typography>
      {sync.firstSync && <FirstSyncProgress progress={sync.firstSync} onPause={pauseSync} testId="sync-first-progress" />}
      {sync.openConflicts > 0 && (
        <Typography variant="caption" role="status" data-testid="sync-conflicts" sx={{ color: 'warning.dark', fontWeight: 600 }}>
          {t('status.sync.conflicts', { count: sync.openConflicts })}
        </Typography>
      )}
    </>
  );
}

const PBX_COLOUR = { reachable: 'success.main', slow: 'warning.main', unreachable: 'error.main', unknown: 'text.disabled' } as const;

/**
 * Connection health (only while a phone is configured): the PBX round trip from the OPTIONS pings and the
 * last call's audio quality, so an operator can tell a network problem from a PBX problem.
 */
function ConnectionHealthSegment() {
  const { t, i18n } = useTranslation();
  const { pbx, audio } = useConnectionHealth();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const pbxState = pbx.kind === 'reachable' ? (pbx.slow ? 'slow' : 'reachable') : pbx.kind;
  const ms = pbx.kind === 'reachable' ? number.format(pbx.roundTripMs) : '';
  const audioValues = audio.kind === 'unknown' ? undefined : { loss: number.format(audio.lossPercent), jitter: audio.jitterMs === undefined ? '?' : number.format(audio.jitterMs) };
  return (
    <>
      <Typography
        variant="caption"
        role="status"
        aria-label={t(`status.pbx.label.${pbxState}`, { ms })}
        data-testid="pbx-health"
        data-state={pbxState}
        sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}
      >
        <CircleIcon sx={{ fontSize: 10, color: PBX_COLOUR[pbxState] }} aria-hidden />
        {t(`status.pbx.${pbxState}`, { ms })}
      </Typography>
      {audio.kind !== 'unknown' && audioValues && (
        <Typography
          variant="caption"
          role="status"
          aria-label={t(`status.audio.label.${audio.kind}`, audioValues)}
          data-testid="audio-quality"
          data-state={audio.kind}
          sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}
        >
          <CircleIcon sx={{ fontSize: 10, color: audio.kind === 'good' ? 'success.main' : 'error.main' }} aria-hidden />
          {t(`status.audio.${audio.kind}`, audioValues)}
        </Typography>
      )}
    </>
  );
}

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const phone = usePhoneStatus();
  const storage = useStorageStatus();
  const phoneText = t('status.phone', { state: t(`status.phoneStates.${phone.state}`) }) + (phone.reason ? ` — ${phone.reason}` : '');
  const usage = storage.usageBytes !== undefined ? ` · ${t('status.storageUsage', { used: formatBytes(storage.usageBytes, i18n.language) })}` : '';
  const full = nearlyFullShare(storage);
  const health = useStore(databaseHealth);
  const backup = useBackupStatus();
  const sync = useStore(syncStatusShown);
  return (
    <Box
      component="footer"
      role="contentinfo"
      aria-label={t('status.label')}
      sx={{ display: 'flex', gap: 3, alignItems: 'center', px: 2, py: 0.5, borderTop: 1, borderColor: 'divider', bgcolor: 'grey.100' }}
    >
      <Typography variant="caption" role="status" data-testid="phone-status" data-state={phone.state} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <CircleIcon sx={{ fontSize: 10, color: PHONE_COLOUR[phone.state] }} aria-hidden />
        {phoneText}
      </Typography>
      {phone.state !== 'unconfigured' && <ConnectionHealthSegment />}
      <Typography variant="caption" role="status" data-testid="storage-status" data-state={storage.state} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <CircleIcon sx={{ fontSize: 10, color: STORAGE_COLOUR[storage.state] }} aria-hidden />
        {t('status.storage', { state: t(`status.storageStates.${storage.state}`) })}
        {usage}
      </Typography>
      <BackupSegment backup={backup} />
      <SyncSegment sync={sync} />
      {health.state !== 'ok' && (
        <Typography variant="caption" role="alert" data-testid="database-health" data-state={health.state} sx={{ color: 'error.main', fontWeight: 600 }}>
          {t(`status.database.${health.state}`)}
        </Typography>
      )}
      {full !== undefined && (
        <Typography variant="caption" role="alert" data-testid="storage-nearly-full" sx={{ color: 'error.main', fontWeight: 600 }}>
          {t('status.storageNearlyFull', { percent: new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(full) })}
        </Typography>
      )}
    </Box>
  );
}
