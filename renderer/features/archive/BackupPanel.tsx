// The Archive screen's "Backups" tab: the folder and schedule of the scheduled backups, the last result, the
// backups in the folder, and "Back up now" (through the same runner as the schedule, so never two at once).
// In the browser build it says that backups need the desktop app, and offers nothing that would pretend.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BACKUP_LIMITS } from '@shared/backup/backupSchedule';
import type { BackupListing, BackupStatus } from '@shared/bridge/schemas';
import { useDatabase } from '../../db';
import { getBridge } from '../../platform';
import { useBackupStatus } from '../../ui/status/backupStatus';
import { formatBytes } from '../../ui/status/storageStatus';
import { backupRunnerFor } from './BackupRunner';

function inRange(value: string, limits: { min: number; max: number }): number | undefined {
  if (!/^\d+$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n >= limits.min && n <= limits.max ? n : undefined;
}

export function BackupPanel() {
  const { t, i18n } = useTranslation('archive');
  const db = useDatabase();
  const display = useBackupStatus(); // follows the runner: "running" while a backup is written
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [files, setFiles] = useState<BackupListing['files'] | null>(null);
  const [everyHours, setEveryHours] = useState('');
  const [keep, setKeep] = useState('');
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const time = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

  const load = useCallback(async () => {
    const bridge = getBridge();
    const answered = await bridge.backup.status();
    if (!answered.ok) return;
    setStatus(answered.value);
    setEveryHours((v) => v || String(answered.value.everyHours));
    setKeep((v) => v || String(answered.value.keep));
    if (answered.value.supported) {
      const listed = await bridge.backup.list();
      setFiles(listed.ok ? listed.value.files : []);
      if (!listed.ok) setMessage({ severity: 'error', text: t('backup.actionFailed', { message: listed.error.message }) });
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load, display]);

  if (!status) return null;
  if (!status.supported) {
    return (
      <Stack spacing={2} sx={{ maxWidth: 960 }}>
        <Alert severity="info" role="status" data-testid="backup-unsupported">
          {t('backup.unsupported')}
        </Alert>
      </Stack>
    );
  }

  const hours = inRange(everyHours, BACKUP_LIMITS.everyHours);
  const kept = inRange(keep, BACKUP_LIMITS.keep);
  const invalid = hours === undefined || kept === undefined;
  const running = display.state === 'running' || status.running;
  const last = status.lastAttempt;

  const chooseFolder = async () => {
    setMessage(null);
    const chosen = await getBridge().backup.chooseFolder();
    if (!chosen.ok && chosen.error.code !== 'cancelled') setMessage({ severity: 'error', text: t('backup.actionFailed', { message: chosen.error.message }) });
    await backupRunnerFor(db, t).refresh();
    await load();
  };
  const saveSchedule = async () => {
    if (invalid) return;
    const saved = await getBridge().backup.setSchedule({ everyHours: hours, keep: kept });
    setMessage(saved.ok ? { severity: 'success', text: t('backup.saved') } : { severity: 'error', text: t('backup.actionFailed', { message: saved.error.message }) });
    await backupRunnerFor(db, t).refresh();
    await load();
  };
  const runNow = async () => {
    setMessage(null);
    await backupRunnerFor(db, t).runNow();
    await load();
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Typography>{t('backup.intro')}</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography data-testid="backup-folder">
          <Typography component="span" sx={{ fontWeight: 600, mr: 1 }}>
            {t('backup.folder')}
          </Typography>
          <Typography component="span" sx={{ fontFamily: status.folder ? 'monospace' : undefined }}>
            {status.folder ?? t('backup.noFolder')}
          </Typography>
        </Typography>
        <Button variant="outlined" onClick={() => void chooseFolder()} disabled={running}>
          {t('backup.chooseFolder')}
        </Button>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2, alignItems: 'flex-start' }}>
        <TextField label={t('backup.everyHours')} value={everyHours} onChange={(e) => setEveryHours(e.target.value)} error={hours === undefined} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
        <TextField
          label={t('backup.keep')}
          value={keep}
          onChange={(e) => setKeep(e.target.value)}
          error={kept === undefined}
          helperText={invalid ? t('backup.invalid') : t('backup.scheduleHint')}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <Button variant="outlined" onClick={() => void saveSchedule()} disabled={invalid} sx={{ mt: 1 }}>
          {t('backup.save')}
        </Button>
      </Stack>
      {last?.ok && (
        <Alert severity="success" role="status">
          {t('backup.lastOk', { time: time(last.at), file: last.file ?? '', size: formatBytes(last.bytes ?? 0, i18n.language) })}
        </Alert>
      )}
      {last && !last.ok && (
        <Alert severity="error" role="alert">
          {t('backup.lastFailed', { time: time(last.at), reason: t(`backup.reasons.${last.reason ?? 'other'}`) })}
          {status.dueAt !== null && ` ${t('backup.retryAt', { time: time(status.dueAt) })}`}
        </Alert>
      )}
      {!last && status.folder !== null && <Typography>{t('backup.never')}</Typography>}
      {last?.ok && status.dueAt !== null && <Typography>{t('backup.nextAt', { time: time(status.dueAt) })}</Typography>}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" onClick={() => void runNow()} disabled={running || status.folder === null}>
          {t('backup.runNow')}
        </Button>
        {running && <Typography role="status">{t('backup.running')}</Typography>}
      </Stack>
      {message && (
        <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'}>
          {message.text}
        </Alert>
      )}
      {status.folder !== null && files && (
        <Table size="small" aria-label={t('backup.listTitle')}>
          <caption>{files.length === 0 ? t('backup.empty') : t('backup.listTitle')}</caption>
          <TableHead>
            <TableRow>
              <TableCell>{t('backup.file')}</TableCell>
              <TableCell align="right">{t('backup.size')}</TableCell>
              <TableCell>{t('backup.time')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {files.map((f) => (
              <TableRow key={f.file}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{f.file}</TableCell>
                <TableCell align="right">{formatBytes(f.bytes, i18n.language)}</TableCell>
                <TableCell>{time(f.modifiedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
