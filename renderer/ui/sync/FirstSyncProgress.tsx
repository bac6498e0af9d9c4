import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import PauseIcon from '@mui/icons-material/Pause';

/**
 * The first sync of a new desk: how much of the server's log it holds, and a way to pause it (it resumes
 * where it was, from Settings → Sync or with the next start of the window). Shown in the status bar and in
 * Settings → Sync, which pass the pause (ui does not reach the database).
 */
export function FirstSyncProgress({ progress, onPause, testId }: { progress: { pulled: number; total?: number }; onPause: () => void; testId: string }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const text = progress.total !== undefined
    ? t('status.sync.firstSync', { done: number(progress.pulled), total: number(progress.total) })
    : t('status.sync.firstSyncSoFar', { done: number(progress.pulled) });
  const percent = progress.total ? Math.min(100, Math.round((progress.pulled / progress.total) * 100)) : undefined;
  return (
    <Box data-testid={testId} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <LinearProgress
        variant={percent === undefined ? 'indeterminate' : 'determinate'}
        {...(percent === undefined ? {} : { value: percent })}
        aria-label={t('status.sync.firstSyncLabel')}
        aria-valuetext={text}
        sx={{ width: 120 }}
      />
      <Typography variant="caption">{text}</Typography>
      <IconButton size="small" onClick={onPause} aria-label={t('status.sync.pause')} title={t('status.sync.pause')}>
        <PauseIcon fontSize="inherit" />
      </IconButton>
    </Box>
  );
}

