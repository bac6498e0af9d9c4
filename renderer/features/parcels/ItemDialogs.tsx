// Two small dialogs on a waiting item: move it to another shelf, and record it as refused by the
// recipient or returned to sender with the reason. Each writes one event through the repository.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Parcel } from '@shared/domain';
import { repositoriesOf, useDatabase } from '../../db';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';
import { itemName } from './parcelFormat';

export function MoveDialog({ parcel, onClose }: { parcel: Parcel; onClose: () => void }) {
  const { t } = useTranslation('parcels');
  const db = useDatabase();
  const notify = useNotify();
  const [shelf, setShelf] = useState(parcel.shelf ?? '');
  const [error, setError] = useState<string>();
  const save = async () => {
    try {
      await repositoriesOf(db).parcels.moveShelf(parcel.id, shelf);
      notify('success', t('move.done', { shelf: shelf.trim() || '—' }));
      onClose();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="parcels-move-title">
      <DialogTitle id="parcels-move-title">{t('move.title')} · {itemName(t, parcel)}</DialogTitle>
      <DialogContent>
        <TextField id="parcels-move-shelf" label={t('move.shelf')} value={shelf} onChange={(e) => setShelf(e.target.value.slice(0, 32))} autoFocus size="small" sx={{ mt: 1 }}
          onKeyDown={(e) => e.key === 'Enter' && void save()} />
        {error && <Alert severity="error" role="alert" sx={{ mt: 1 }}>{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()}>{t('move.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}

export function CloseDialog({ parcel, onClose }: { parcel: Parcel; onClose: () => void }) {
  const { t } = useTranslation('parcels');
  const db = useDatabase();
  const notify = useNotify();
  const [kind, setKind] = useState<'refused' | 'returned'>('refused');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const save = async () => {
    if (!reason.trim()) {
      setError(t('close.reasonRequired'));
      return;
    }
    try {
      await repositoriesOf(db).parcels.close(parcel.id, kind, reason);
      notify('success', t('close.done', { status: t(`statuses.${kind}`) }));
      onClose();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="parcels-close-title">
      <DialogTitle id="parcels-close-title">{t('close.title')} · {itemName(t, parcel)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <div>
            <FormLabel id="parcels-close-kind">{t('close.kind')}</FormLabel>
            <RadioGroup aria-labelledby="parcels-close-kind" value={kind} onChange={(e) => setKind(e.target.value as 'refused' | 'returned')}>
              <FormControlLabel value="refused" control={<Radio />} label={t('close.refused')} />
              <FormControlLabel value="returned" control={<Radio />} label={t('close.returned')} />
            </RadioGroup>
          </div>
          <TextField id="parcels-close-reason" label={t('close.reason')} value={reason} onChange={(e) => setReason(e.target.value.slice(0, 500))} required size="small" error={Boolean(error)} helperText={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button variant="contained" color="warning" onClick={() => void save()}>{t('close.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
