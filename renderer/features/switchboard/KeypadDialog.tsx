import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { softphone } from '../../phone/phoneService';

/** DTMF for IVRs and voicemail: the digits go out as the operator types them, or all at once on Enter. */
export function KeypadDialog({ lineId, onClose }: { lineId: string; onClose: () => void }) {
  const { t } = useTranslation('switchboard');
  const { t: tc } = useTranslation();
  const [digits, setDigits] = useState('');
  const [sent, setSent] = useState('');
  const send = async (value: string) => {
    if (!value) return;
    if (await softphone.dtmf(lineId, value)) setSent((s) => s + value);
    setDigits('');
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="keypad-title" maxWidth="xs" fullWidth>
      <DialogTitle id="keypad-title">{t('keypad.title')}</DialogTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send(digits);
        }}
      >
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            label={t('keypad.digits')}
            value={digits}
            helperText={sent ? `${t('keypad.help')} · ${sent}` : t('keypad.help')}
            onChange={(e) => setDigits(e.target.value.replace(/[^0-9*#]/g, ''))}
            slotProps={{ htmlInput: { inputMode: 'tel', 'data-testid': 'keypad-digits' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{tc('actions.close')}</Button>
          <Button type="submit" variant="contained" disabled={!digits}>{t('keypad.send')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
