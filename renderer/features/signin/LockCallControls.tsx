// The only phone controls the lock screen shows: answer or decline a ringing line, and hold, mute or hang
// up an answered one. No number, no name, no earlier notes. Loaded once the phone is installed (it imports
// the phone service), like the switchboard's overlay.
import { Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { softphone, usePhone } from '../../phone/phoneService';

export function LockCallControls() {
  const { t } = useTranslation('signin');
  const { lines } = usePhone();
  const live = lines.filter((l) => l.state === 'ringing' || l.state === 'active' || l.state === 'held');
  if (live.length === 0) return null;
  return (
    <Paper component="section" aria-labelledby="lock-calls-title" sx={{ p: 2, display: 'grid', gap: 1.5 }}>
      <Typography id="lock-calls-title" variant="h6" component="h2">{t('lock.calls')}</Typography>
      {live.map((line) => {
        const label = t(line.state === 'ringing' ? 'lock.incoming' : line.state === 'held' ? 'lock.held' : 'lock.inCall', { n: line.lineNo });
        return (
          <Stack key={line.id} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} role="group" aria-label={label} data-lock-line={line.state}>
            <Typography sx={{ flex: 1, minWidth: 160 }}>{label}</Typography>
            {line.state === 'ringing' ? (
              <>
                <Button variant="contained" color="success" onClick={() => void softphone.answer(line.id)}>{t('lock.answer')}</Button>
                <Button variant="outlined" color="error" onClick={() => void softphone.hangup(line.id)}>{t('lock.decline')}</Button>
              </>
            ) : (
              <>
                <Button variant="outlined" onClick={() => void softphone.hold(line.id, line.state !== 'held')}>{t(line.state === 'held' ? 'lock.resume' : 'lock.hold')}</Button>
                <Button variant="outlined" onClick={() => softphone.mute(line.id, !line.muted)} aria-pressed={Boolean(line.muted)}>{t(line.muted ? 'lock.unmute' : 'lock.mute')}</Button>
                <Button variant="contained" color="error" onClick={() => void softphone.hangup(line.id)}>{t('lock.hangup')}</Button>
              </>
            )}
          </Stack>
        );
      })}
    </Paper>
  );
}
