// The emergency roll call: one action shows everybody on site now, with the head count, and prints or
// exports it for the wardens at the assembly point. The list is live (a late check-out disappears at
// once); printing and exporting are audited. The badge button reprints a lost badge from the same list.
import { describeError } from '../../ui/describeError';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useDatabase } from '../../db';
// Not in renderer/db's index, which the first screen loads: other desks' presence loads with the screens that show it.
import { deskPresences } from '../../db/sync/deskPresence';
import { StaleDesksWarning } from '../../ui/sync/StaleDesksWarning';
import { deskLabel, staleDesks } from '@shared/sync/deskPresence';
import { useStore } from '../../ui/useStore';
import { useNotify } from '../../ui/notifications/notificationStore';
import { getBridge, printDocument, saveExportStream } from '../../platform';
import { BadgeDialog } from '../badges';
import { auditRollCall, loadRollCall, sortRollCall, type RollCall, type RollCallOrder } from './rollCall';
import { ROLL_CALL_COLUMNS, rollCallCsv, rollCallHtml, type RollCallLabels } from './rollCallDocument';

function fileStamp(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

function newest(a: RollCall | undefined, b: RollCall | undefined): RollCall | undefined {
  if (!a || !b) return a ?? b;
  return b.generatedAt > a.generatedAt ? b : a;
}

export function RollCallDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('rollcall');
  const db = useDatabase();
  const notify = useNotify();
  const [order, setOrder] = useState<RollCallOrder>('department');
  const [busy, setBusy] = useState(false);
  const [badgeVisitId, setBadgeVisitId] = useState<string>();
  // Other desks' visitors are in the count only as far as those desks have synced (README "Several desks").
  const presences = useStore(deskPresences);

  const live = useLiveQuery<RollCall | undefined>(() => (open ? loadRollCall(db) : undefined), [db, open]);
  // Also read once, directly, on opening: a live query re-runs without answering while writes it watches keep
  // coming (a large import's chunks), and the roll call must answer at once. The newer of the two is shown.
  const [direct, setDirect] = useState<RollCall>();
  useEffect(() => {
    setDirect(undefined);
    if (!open) return;
    let current = true;
    loadRollCall(db).then((rc) => current && setDirect(rc), () => undefined);
    return () => {
      current = false;
    };
  }, [db, open]);
  const rollCall = newest(live, direct);
  const rows = useMemo(() => (rollCall ? sortRollCall(rollCall.rows, order) : []), [rollCall, order]);

  const time = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(at);
  const labels = (rc: RollCall): RollCallLabels => ({
    title: t('title'),
    summary: t('summary', { people: rc.people, visits: rc.visits }),
    generatedAt: t('generatedAt', { time: time(rc.generatedAt) }),
    columns: Object.fromEntries(ROLL_CALL_COLUMNS.map((c) => [c, t(`columns.${c}`)])) as RollCallLabels['columns'],
    noHost: t('noHost'),
    formatTime: time,
    ...staleWarning(),
  });
  // The printed list says it too: the wardens at the assembly point must know the count may be short.
  const staleWarning = (): { staleWarning?: string } => {
    const stale = staleDesks(presences, Date.now());
    if (stale.length === 0) return {};
    const desks = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(stale.map(deskLabel));
    return { staleWarning: t('common:status.sync.staleDesks', { desks }) };
  };

  const print = async () => {
    if (!rollCall) return;
    setBusy(true);
    try {
      const html = rollCallHtml(rollCall, rows, labels(rollCall), i18n.language);
      const outcome = await printDocument(getBridge(), { html, title: t('title'), pageSize: 'A4' });
      if (outcome.status === 'printed') {
        await auditRollCall(db, 'printed', rollCall, outcome.via);
        notify('success', t('printed'));
      } else if (outcome.status === 'failed') {
        notify('error', t('printFailed', { message: outcome.error.message }));
      }
    } catch (error) {
      notify('error', t('printFailed', { message: describeError(error) }));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    if (!rollCall) return;
    setBusy(true);
    try {
      const csv = rollCallCsv(rows, labels(rollCall));
      const name = `${t('fileName')}-${fileStamp(rollCall.generatedAt)}.csv`;
      const outcome = await saveExportStream(getBridge(), name, 'text/csv', [new TextEncoder().encode(csv)]);
      if (outcome.status === 'saved') {
        const file = outcome.result.saved === 'file' ? outcome.result.path : outcome.result.fileName;
        await auditRollCall(db, 'exported', rollCall, file);
        notify('success', t('exported', { file }));
      } else if (outcome.status === 'failed') {
        notify('error', t('exportFailed', { message: outcome.error.message }));
      }
    } catch (error) {
      notify('error', t('exportFailed', { message: describeError(error) }));
    } finally {
      setBusy(false);
    }
  };

  const titleId = 'rollcall-title';
  return (
    <>
      <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="lg">
        <DialogTitle id={titleId}>{t('title')}</DialogTitle>
        <DialogContent>
          {!rollCall ? (
            <Typography role="status">{t('loading')}</Typography>
          ) : (
            // pt: the "Sort by" label sits above its field and would be clipped by the dialog's scroll area.
            <Stack spacing={2} sx={{ pt: 2 }}>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
                <Typography variant="h6" component="p" role="status" data-testid="rollcall-summary">
                  {t('summary', { people: rollCall.people, visits: rollCall.visits })}
                </Typography>
                <Typography color="text.secondary">{t('generatedAt', { time: time(rollCall.generatedAt) })}</Typography>
                <TextField
                  select
                  size="small"
                  label={t('sortBy')}
                  value={order}
                  onChange={(e) => setOrder(e.target.value as RollCallOrder)}
                  slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                  sx={{ ml: 'auto', minWidth: 180 }}
                >
                  <option value="department">{t('sort.department')}</option>
                  <option value="name">{t('sort.name')}</option>
                </TextField>
              </Stack>
              <StaleDesksWarning presences={presences} testId="rollcall-stale-desks" />
              <Alert severity="info" variant="outlined">{t('offline')}</Alert>
              {rows.length === 0 ? (
                <Typography role="status">{t('empty')}</Typography>
              ) : (
                // Fixed layout and wrapping anywhere: one long unbroken organisation name must not push the
                // other columns off-screen in an evacuation.
                <Table size="small" aria-label={t('table')} sx={{ tableLayout: 'fixed', '& td, & th': { overflowWrap: 'anywhere' } }}>
                  <TableHead>
                    <TableRow>
                      {ROLL_CALL_COLUMNS.map((c) => (
                        <TableCell key={c} align={c === 'partySize' ? 'right' : 'left'}>{t(`columns.${c}`)}</TableCell>
                      ))}
                      <TableCell>{t('actions')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {rows.map((row) => (
                      <TableRow key={row.visitId} data-visit-id={row.visitId}>
                        <TableCell>{row.departmentName ?? ''}</TableCell>
                        <TableCell>{row.hostName ?? t('noHost')}</TableCell>
                        <TableCell>{row.hostExtension ?? ''}</TableCell>
                        <TableCell>{row.visitorName}</TableCell>
                        <TableCell>{row.organisation ?? ''}</TableCell>
                        <TableCell>{row.arrivedAt !== undefined ? time(row.arrivedAt) : ''}</TableCell>
                        <TableCell align="right">{row.partySize}</TableCell>
                        <TableCell>
                          <IconButton size="small" aria-label={t('badge', { name: row.visitorName })} title={t('badge', { name: row.visitorName })} onClick={() => setBadgeVisitId(row.visitId)}>
                            <BadgeOutlinedIcon fontSize="small" />
                          </IconButton>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button startIcon={<FileDownloadOutlinedIcon />} onClick={() => void exportCsv()} disabled={busy || !rollCall}>{t('export')}</Button>
          <Button startIcon={<PrintOutlinedIcon />} variant="contained" onClick={() => void print()} disabled={busy || !rollCall} autoFocus>{t('print')}</Button>
          <Button onClick={onClose} disabled={busy}>{t('common:actions.close')}</Button>
        </DialogActions>
      </Dialog>
      {badgeVisitId && <BadgeDialog visitId={badgeVisitId} open onClose={() => setBadgeVisitId(undefined)} />}
    </>
  );
}
