import { Box, Typography } from '@mui/material';
import CircleIcon from '@mui/icons-material/Circle';
import { useTranslation } from 'react-i18next';
import { usePhoneStatus } from '../ui/status/phoneStatusStore';
import { formatBytes, nearlyFullShare, useStorageStatus } from '../ui/status/storageStatus';
import { useStore } from '../ui/useStore';
import { databaseHealth } from '../db';

const PHONE_COLOUR = { unconfigured: 'text.disabled', connecting: 'warning.main', registered: 'success.main', failed: 'error.main', disconnected: 'error.main' } as const;
const STORAGE_COLOUR = { checking: 'text.disabled', persisted: 'success.main', notPersisted: 'warning.main', unavailable: 'error.main' } as const;

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const phone = usePhoneStatus();
  const storage = useStorageStatus();
  const phoneText = t('status.phone', { state: t(`status.phoneStates.${phone.state}`) }) + (phone.reason ? ` — ${phone.reason}` : '');
  const usage = storage.usageBytes !== undefined ? ` · ${t('status.storageUsage', { used: formatBytes(storage.usageBytes, i18n.language) })}` : '';
  const full = nearlyFullShare(storage);
  const health = useStore(databaseHealth);
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
      <Typography variant="caption" role="status" data-testid="storage-status" data-state={storage.state} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <CircleIcon sx={{ fontSize: 10, color: STORAGE_COLOUR[storage.state] }} aria-hidden />
        {t('status.storage', { state: t(`status.storageStates.${storage.state}`) })}
        {usage}
      </Typography>
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
