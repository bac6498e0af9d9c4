// Outgoing mail (the desk also sends): a log of items sent — carrier, tracking number, sender, destination,
// cost centre — so the same screen answers "did that contract go out?" (search by number, sender, place).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ParcelType } from '@shared/domain';
import { PARCEL_TYPES } from '@shared/domain/plain/parcels';
import { CARRIER_IDS, defaultCarrier, detectCarrier } from '@shared/parcels/carriers';
import { repositoriesOf, useDatabase, ValidationError } from '../../db';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';
import { carrierName } from './parcelFormat';

export function OutgoingPanel() {
  const { t, i18n } = useTranslation('parcels');
  const db = useDatabase();
  const notify = useNotify();
  const [form, setForm] = useState({ sender: '', destination: '', costCentre: '', trackingNumber: '', carrier: 'unknown', type: 'document' as ParcelType });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const rows = useLiveQuery(() => repositoriesOf(db).parcels.outgoing(200), [db]);
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const save = async () => {
    try {
      const saved = await repositoriesOf(db).parcels.logOutgoing(form);
      notify('success', t('outgoing.saved', { destination: saved.destination ?? '' }));
      setForm((f) => ({ ...f, destination: '', trackingNumber: '', carrier: 'unknown' }));
      setErrors({});
    } catch (e) {
      if (e instanceof ValidationError) setErrors(Object.fromEntries(Object.keys(e.fields).map((k) => [k, t('outgoing.required')])));
      else setErrors({ save: describeError(e) });
    }
  };

  const q = search.trim().toLowerCase();
  const shown = (rows ?? []).filter((p) => !q || [p.trackingKey, p.sender, p.destination, p.costCentre].some((v) => v?.toLowerCase().includes(q)));
  const time = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(at);

  return (
    <Stack spacing={3}>
      <Paper variant="outlined" component="form" aria-labelledby="parcels-outgoing-heading" sx={{ p: 2 }} onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Typography id="parcels-outgoing-heading" variant="h6" component="h2" sx={{ mb: 2 }}>{t('outgoing.heading')}</Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' } }}>
          <TextField id="parcels-out-sender" label={t('outgoing.sender')} value={form.sender} onChange={(e) => set('sender')(e.target.value.slice(0, 64))} required size="small" error={Boolean(errors.sender)} helperText={errors.sender} />
          <TextField id="parcels-out-destination" label={t('outgoing.destination')} value={form.destination} onChange={(e) => set('destination')(e.target.value.slice(0, 200))} required size="small" error={Boolean(errors.destination)} helperText={errors.destination} />
          <TextField id="parcels-out-cost" label={t('outgoing.costCentre')} value={form.costCentre} onChange={(e) => set('costCentre')(e.target.value.slice(0, 32))} size="small" />
          <TextField id="parcels-out-tracking" label={t('outgoing.tracking')} value={form.trackingNumber} size="small" autoComplete="off"
            onChange={(e) => {
              const value = e.target.value.slice(0, 64);
              const detected = defaultCarrier(detectCarrier(value));
              setForm((f) => ({ ...f, trackingNumber: value, carrier: detected !== 'unknown' ? detected : f.carrier }));
            }} />
          <TextField select id="parcels-out-carrier" label={t('outgoing.carrier')} value={form.carrier} onChange={(e) => set('carrier')(e.target.value)} size="small">
            {CARRIER_IDS.map((id) => <MenuItem key={id} value={id}>{carrierName(t, id)}</MenuItem>)}
          </TextField>
          <TextField select id="parcels-out-type" label={t('outgoing.type')} value={form.type} onChange={(e) => set('type')(e.target.value)} size="small">
            {PARCEL_TYPES.slice(0, 4).map((id) => <MenuItem key={id} value={id}>{t(`types.${id}`)}</MenuItem>)}
          </TextField>
        </Box>
        {errors.save && <Alert severity="error" role="alert" sx={{ mt: 2 }}>{errors.save}</Alert>}
        <Button type="submit" variant="contained" sx={{ mt: 2 }}>{t('outgoing.save')}</Button>
      </Paper>
      <Paper variant="outlined" component="section" aria-labelledby="parcels-outgoing-list" sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography id="parcels-outgoing-list" variant="h6" component="h2" sx={{ flex: 1 }}>{t('outgoing.list')}</Typography>
          <TextField id="parcels-out-search" label={t('outgoing.search')} value={search} onChange={(e) => setSearch(e.target.value)} size="small" sx={{ minWidth: 320 }} />
        </Stack>
        {rows && shown.length === 0 ? <Typography>{t('outgoing.empty')}</Typography> : (
          <Table size="small" aria-labelledby="parcels-outgoing-list">
            <TableHead>
              <TableRow>
                {(['sent', 'carrier', 'tracking', 'sender', 'destination', 'costCentre'] as const).map((c) => <TableCell key={c}>{t(`outgoing.columns.${c}`)}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{time(p.receivedAt)}</TableCell>
                  <TableCell>{carrierName(t, p.carrier)}</TableCell>
                  <TableCell>{p.trackingNumber ?? '—'}</TableCell>
                  <TableCell>{p.sender}</TableCell>
                  <TableCell>{p.destination}</TableCell>
                  <TableCell>{p.costCentre ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
