// End of day: everybody still registered on site, and one action (with a confirmation) that checks
// them all out, recorded on each visit as done by the desk ('bulkEndOfDay', checkedOutBy).
import { describeError } from '../../ui/describeError';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { repositoriesOf, useDatabase } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import type { OnSiteRow } from './onSiteQuery';
import { dayBounds, formatDateTime, formatTime, useNow } from './visitFormat';

export function EndOfDayPanel({ rows }: { rows: readonly OnSiteRow[] | undefined }) {
  const { t, i18n } = useTranslation('visitors');
  const db = useDatabase();
  const notify = useNotify();
  const now = useNow();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const list = rows ?? [];
  const [todayStart] = dayBounds(now);

  const run = async () => {
    setBusy(true);
    try {
      const done = await repositoriesOf(db).visits.bulkCheckOut(list.map((r) => r.visit.id));
      notify('success', t('endOfDay.done', { count: done.length }));
      setConfirming(false);
    } catch (error) {
      notify('error', t('errors.saveFailed', { message: describeError(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2}>
      <Typography id="endofday-title" variant="h6" component="h2">{t('endOfDay.title')}</Typography>
      <Typography color="text.secondary">{t('endOfDay.help')}</Typography>
      {rows && list.length === 0 ? (
        <Typography role="status">{t('endOfDay.empty')}</Typography>
      ) : (
        <>
          <Table size="small" aria-labelledby="endofday-title">
            <TableHead>
              <TableRow>
                <TableCell>{t('board.name')}</TableCell>
                <TableCell>{t('board.company')}</TableCell>
                <TableCell>{t('board.host')}</TableCell>
                <TableCell>{t('board.arrival')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((row) => (
                <TableRow key={row.visit.id}>
                  <TableCell>{row.visitor?.name}</TableCell>
                  <TableCell>{row.visitor?.company}</TableCell>
                  <TableCell>{row.host?.name}</TableCell>
                  <TableCell>
                    {row.visit.arrivedAt === undefined ? '' : row.visit.arrivedAt < todayStart
                      ? t('endOfDay.earlier', { date: formatDateTime(row.visit.arrivedAt, i18n.language) })
                      : formatTime(row.visit.arrivedAt, i18n.language)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div>
            <Button variant="contained" color="warning" onClick={() => setConfirming(true)} disabled={list.length === 0}>{t('actions.bulkCheckOut', { count: list.length })}</Button>
          </div>
        </>
      )}
      <Dialog open={confirming} onClose={busy ? undefined : () => setConfirming(false)} aria-labelledby="endofday-confirm-title">
        <DialogTitle id="endofday-confirm-title">{t('endOfDay.confirmTitle')}</DialogTitle>
        <DialogContent>
          <Typography>{t('endOfDay.confirmText', { count: list.length })}</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} disabled={busy}>{t('actions.cancel')}</Button>
          <Button variant="contained" color="warning" onClick={() => void run()} disabled={busy} autoFocus>{t('actions.confirm')}</Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
