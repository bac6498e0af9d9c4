// Managing the watchlist (可疑人员名单): add an entry (name, ID number and/or organisation, with the
// reason; who added it is recorded), deactivate one, and read back the alerts with their decisions.
// Every change is audited by the repository.
import { describeError } from '../../ui/describeError';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { maskIdNumber } from '@shared/visitors/idNumber';
import { MaskedValue } from '../signin';
import { repositoriesOf, useDatabase, ValidationError } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import { formatDateTime } from './visitFormat';

type Field = 'name' | 'idNumber' | 'organisation' | 'reason';
const EMPTY: Record<Field, string> = { name: '', idNumber: '', organisation: '', reason: '' };

export function WatchlistPanel() {
  const { t, i18n } = useTranslation('visitors');
  const db = useDatabase();
  const repos = repositoriesOf(db);
  const notify = useNotify();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const entries = useLiveQuery(() => repos.watchlist.listNewestFirst(), [db]);
  const alerts = useLiveQuery(() => repos.watchlistAlerts.recent(50), [db]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await repos.watchlist.create(values);
      notify('success', t('watchlist.added'));
      setValues(EMPTY);
      setErrors({});
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields as Partial<Record<Field, string>>);
      else notify('error', t('errors.saveFailed', { message: describeError(error) }));
    }
  };

  const deactivate = async (id: string) => {
    try {
      await repos.watchlist.deactivate(id);
      notify('info', t('watchlist.deactivated'));
    } catch (error) {
      notify('error', t('errors.saveFailed', { message: describeError(error) }));
    }
  };

  const field = (name: Field) => ({
    id: `watchlist-${name}`,
    name,
    label: t(`watchlist.${name}`),
    value: values[name],
    onChange: (e: { target: { value: string } }) => {
      setValues((v) => ({ ...v, [name]: e.target.value }));
      setErrors((er) => ({ ...er, [name]: undefined }));
    },
    error: Boolean(errors[name]),
    helperText: errors[name] ? t(`errors.${errors[name]}`) : undefined,
    size: 'small' as const,
    autoComplete: 'off',
  });

  const entryName = (id: string) => {
    const e = entries?.find((x) => x.id === id);
    return e ? e.name ?? e.organisation ?? maskIdNumber(e.idNumber) : '';
  };

  return (
    <Stack spacing={3}>
      <Box component="form" aria-labelledby="watchlist-add-title" noValidate onSubmit={(e: FormEvent) => void add(e)}>
        <Typography id="watchlist-add-title" variant="h6" component="h2" sx={{ mb: 1 }}>{t('watchlist.addTitle')}</Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: 'flex-start' }}>
          <TextField {...field('name')} />
          <TextField {...field('idNumber')} slotProps={{ htmlInput: { spellCheck: false } }} />
          <TextField {...field('organisation')} />
          <TextField {...field('reason')} required sx={{ flex: 1 }} />
          <Button type="submit" variant="contained" color="error">{t('actions.addEntry')}</Button>
        </Stack>
      </Box>

      <Box>
        <Typography id="watchlist-entries-title" variant="h6" component="h2" sx={{ mb: 1 }}>{t('watchlist.entries')}</Typography>
        {entries && entries.length === 0 ? (
          <Typography role="status">{t('watchlist.empty')}</Typography>
        ) : (
          <Table size="small" aria-labelledby="watchlist-entries-title">
            <TableHead>
              <TableRow>
                <TableCell>{t('watchlist.name')}</TableCell>
                <TableCell>{t('watchlist.idNumber')}</TableCell>
                <TableCell>{t('watchlist.organisation')}</TableCell>
                <TableCell>{t('watchlist.reason')}</TableCell>
                <TableCell>{t('watchlist.addedBy')}</TableCell>
                <TableCell>{t('watchlist.addedAt')}</TableCell>
                <TableCell>{t('watchlist.status')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(entries ?? []).map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell>{entry.name}</TableCell>
                  <TableCell><MaskedValue field="idNumber" value={entry.idNumber} entityTable="watchlist" entityId={entry.id} testId="watchlist-id-number" /></TableCell>
                  <TableCell>{entry.organisation}</TableCell>
                  <TableCell>{entry.reason}</TableCell>
                  <TableCell>{entry.addedBy}</TableCell>
                  <TableCell>{formatDateTime(entry.createdAt, i18n.language)}</TableCell>
                  <TableCell>
                    <Chip size="small" color={entry.active ? 'error' : 'default'} label={entry.active ? t('watchlist.active') : t('watchlist.inactive')} />
                  </TableCell>
                  <TableCell>
                    {entry.active === 1 && (
                      <Button size="small" aria-label={t('watchlist.deactivateOf', { name: entry.name ?? entry.organisation ?? maskIdNumber(entry.idNumber) })} onClick={() => void deactivate(entry.id)}>
                        {t('actions.deactivate')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>

      <Box>
        <Typography id="watchlist-alerts-title" variant="h6" component="h2" sx={{ mb: 1 }}>{t('watchlist.alerts')}</Typography>
        {alerts && alerts.length === 0 ? (
          <Typography role="status">{t('watchlist.alertsEmpty')}</Typography>
        ) : (
          <Table size="small" aria-labelledby="watchlist-alerts-title">
            <TableHead>
              <TableRow>
                <TableCell>{t('watchlist.raisedAt')}</TableCell>
                <TableCell>{t('watchlist.candidate')}</TableCell>
                <TableCell>{t('watchlist.title')}</TableCell>
                <TableCell>{t('watchlist.matchedOn')}</TableCell>
                <TableCell>{t('watchlist.decision')}</TableCell>
                <TableCell>{t('watchlist.note')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(alerts ?? []).map((alert) => (
                <TableRow key={alert.id}>
                  <TableCell>{formatDateTime(alert.raisedAt, i18n.language)}</TableCell>
                  <TableCell>{alert.candidateName}</TableCell>
                  <TableCell>{entryName(alert.watchlistId)}</TableCell>
                  <TableCell>{t(`matchedOn.${alert.matchedOn}`)}</TableCell>
                  <TableCell>{alert.decision ? t(`decisions.${alert.decision}`) : t('watchlist.open')}</TableCell>
                  <TableCell>{alert.note}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Stack>
  );
}
