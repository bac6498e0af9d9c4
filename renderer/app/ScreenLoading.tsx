import { Box, CircularProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ScreenId } from '../ui/navigation';
import { usePendingLoad } from '../ui/loading/pendingLoads';

/** Shown while a screen's code loads (screens are split out of the first bundle): says which screen is coming. */
export function ScreenLoading({ screen }: { screen: ScreenId }) {
  const { t } = useTranslation();
  usePendingLoad();
  return (
    <Box role="status" aria-live="polite" data-screen-loading={screen} sx={{ p: 4, display: 'flex', alignItems: 'center', gap: 2, color: 'text.secondary' }}>
      <CircularProgress size={24} aria-hidden />
      <Typography>{t('app.loadingScreen', { screen: t(`nav.${screen}`) })}</Typography>
    </Box>
  );
}

/** The fallback of a part that shows nothing of its own while it loads (the phone overlay). */
export function SilentLoading() {
  usePendingLoad();
  return null;
}
