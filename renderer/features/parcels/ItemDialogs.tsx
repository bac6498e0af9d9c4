// Small dialogs on a waiting item: move it to another shelf, record it as refused by the recipient or
// returned to sender with the reason, and correct what was logged wrongly (recipient, carrier, tracking
// number) with the reason. Each writes one event (and its audit entry) through the repository.
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
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Parcel } from '@shared/domain';
import { CARRIER_IDS } from '@shared/parcels/carriers';
import type { CorrectableField } from '@shared/parcels/parcelMachine';
import { repositoriesOf, useDatabase } from '../../db';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';
import { carrierName, itemName, recipientLabel } from './parcelFormat';
import { RecipientPicker, type RecipientPick } from './RecipientPicker';

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

export function CorrectDialog({ parcel, departments, onClose }: { parcel: Parcel; departments?: ReadonlyMap<string, string>; onClose: () => void }) {
  const { t } = useTranslation('parcels');
  const db = useDatabase();
  const notify = useNotify();
  const [tracking, setTracking] = useState(parcel.trackingNumber ?? '');
  const [carrier, setCarrier] = useState(parcel.carrier ?? 'unknown');
  const [recipient, setRecipient] = useState<RecipientPick>({ kind: 'none' });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [reasonError, setReasonError] = useState<string>();
  const carriers: readonly string[] = CARRIER_IDS.includes(carrier as (typeof CARRIER_IDS)[number]) ? CARRIER_IDS : [...CARRIER_IDS, carrier];

  const save = async () => {
    setError(undefined);
    const changes: Partial<Pick<Parcel, CorrectableField>> = {};
    if (tracking.trim() !== (parcel.trackingNumber ?? '')) changes.trackingNumber = tracking.trim() || undefined;
    if (carrier !== (parcel.carrier ?? 'unknown')) changes.carrier = carrier;
    if (recipient.kind === 'staff' && recipient.person.id !== parcel.recipientStaffId) changes.recipientStaffId = recipient.person.id;
    if (recipient.kind === 'name' && recipient.name !== parcel.recipientName) Object.assign(changes, { recipientStaffId: undefined, recipientName: recipient.name });
    const count = Object.keys(changes).length;
    if (count === 0) {
      setError(t('correct.nothingChanged'));
      return;
    }
    if (!reason.trim()) {
      setReasonError(t('correct.reasonRequired'));
      return;
    }
    try {
      await repositoriesOf(db).parcels.correct(parcel.id, changes, reason);
      notify('success', t('correct.done', { count }));
      onClose();
    } catch (e) {
      setError(describeError(e));
    }
  };
  const picked = recipient.kind === 'staff' ? recipient.person.name : recipient.kind === 'name' ? recipient.name : undefined;
  return (
    <Dialog open onClose={onClose} aria-labelledby="parcels-correct-title" maxWidth="sm" fullWidth>
      <DialogTitle id="parcels-correct-title">{t('correct.title')} · {itemName(t, parcel)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField id="parcels-correct-tracking" label={t('correct.tracking')} value={tracking} onChange={(e) => setTracking(e.target.value.slice(0, 64))} size="small" autoFocus />
          <TextField id="parcels-correct-carrier" select label={t('correct.carrier')} value={carrier} onChange={(e) => setCarrier(e.target.value)} size="small">
            {carriers.map((id) => <MenuItem key={id} value={id}>{carrierName(t, id)}</MenuItem>)}
          </TextField>
          <Typography variant="body2">{t('correct.currentRecipient', { name: recipientLabel(t, parcel) })}</Typography>
          <RecipientPicker id="parcels-correct-recipient" label={t('correct.recipient')} helperText={t('correct.recipientHelp')} departments={departments}
            onEnter={(pick) => pick.kind !== 'none' && setRecipient(pick)} />
          {picked && <Typography role="status" variant="body2" data-testid="parcels-correct-recipient-picked">{t('correct.newRecipient', { name: picked })}</Typography>}
          <TextField id="parcels-correct-reason" label={t('correct.reason')} value={reason} required size="small" multiline minRows={2}
            onChange={(e) => { setReason(e.target.value.slice(0, 500)); setReasonError(undefined); }} error={Boolean(reasonError)} helperText={reasonError} />
          {error && <Alert severity="error" role="alert">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()}>{t('correct.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
