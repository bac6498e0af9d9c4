// The switchboard's compact panel of busy lamps: every watched extension of the directory with its lamp
// (renderer/phone/busyLamps.ts), so the operator sees who is free before transferring. Memoised without
// props: only the lamps' store re-renders it, never a line's change.
import { memo } from 'react';
import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useLamps } from '../../phone/phoneService';
import { BusyLamp } from '../../ui/BusyLamp';

export const BusyLampPanel = memo(function BusyLampPanel() {
  const { t } = useTranslation('switchboard');
  const { lamps } = useLamps();
  const count = (state: string) => lamps.filter((l) => l.state === state).length;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="busy-lamps-title" sx={{ p: 1.5 }}>
      <Typography id="busy-lamps-title" variant="subtitle1" component="h2">{t('lamps.title')}</Typography>
      {lamps.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('lamps.empty')}</Typography>
      ) : (
        <>
          <Typography variant="caption" color="text.secondary" component="p">
            {t('lamps.summary', { busy: count('busy'), ringing: count('ringing'), idle: count('idle'), unknown: count('unknown') })}
          </Typography>
          <Box component="ul" aria-labelledby="busy-lamps-title" tabIndex={0} sx={{ listStyle: 'none', m: 0, mt: 0.5, p: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(7.5rem, 1fr))', gap: 0.5, maxHeight: 240, overflow: 'auto' }}>
            {lamps.map((lamp) => (
              <Box component="li" key={lamp.extension} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0, fontSize: '0.8125rem' }}>
                <BusyLamp extension={lamp.extension} state={lamp.state} {...(lamp.name ? { name: lamp.name } : {})} />
                <Box component="span" aria-hidden="true" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {lamp.extension} {lamp.name ?? ''}
                </Box>
              </Box>
            ))}
          </Box>
        </>
      )}
    </Paper>
  );
});
