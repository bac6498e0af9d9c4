// The watchlist alert (可疑人员): a modal that cannot be dismissed without a decision and a note. It
// appears when a check-in matches the list; the alert is already stored (open) when it shows, so even a
// refused visitor leaves a record.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { WatchlistAlert, WatchlistEntry } from '@shared/domain/visitors';
import { WATCHLIST_DECISIONS } from '@shared/domain/plain/visitors';
import { maskIdNumber } from '@shared/visitors/idNumber';
import type { WatchlistDecision } from '../../db';

export interface PendingAlert {
  candidateName: string;
  alerts: WatchlistAlert[];
  entries: Map<string, WatchlistEntry>;
}

export function WatchlistAlertDialog({ pending, onDecide }: { pending: PendingAlert | undefined; onDecide: (decision: WatchlistDecision, note: string) => Promise<void> }) {
  const { t } = useTranslation('visitors');
  const [decision, setDecision] = useState<WatchlistDecision | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ decision?: boolean; note?: boolean }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (pending) {
      setDecision('');
      setNote('');
      setErrors({});
    }
  }, [pending]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = { decision: !decision, note: !note.trim() };
    setErrors(missing);
    if (missing.decision || missing.note || !decision) return;
    setBusy(true);
    try {
      await onDecide(decision, note.trim());
    } finally {
      setBusy(false);
    }
  };

  const who = (entry: WatchlistEntry | undefined) => [entry?.name, entry?.idNumber ? maskIdNumber(entry.idNumber) : undefined, entry?.organisation].filter(Boolean).join(' · ');

  return (
    // Escape and a click outside do nothing: the alert must be acknowledged with a decision.
    <Dialog open={pending !== undefined} onClose={() => undefined} role="alertdialog" aria-labelledby="watchlist-alert-title" aria-describedby="watchlist-alert-intro" fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="watchlist-alert-title" sx={{ color: 'error.main' }}>{t('alert.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography id="watchlist-alert-intro">{t('alert.intro', { name: pending?.candidateName ?? '' })}</Typography>
            {pending?.alerts.map((alert) => {
              const entry = pending.entries.get(alert.watchlistId);
              return (
                <Alert key={alert.id} severity="error" variant="outlined">
                  <div>{t('alert.entry', { who: who(entry) })}</div>
                  <div>{t('alert.matched', { field: t(`matchedOn.${alert.matchedOn}`) })}</div>
                  {entry?.reason && <div>{t('alert.reason', { reason: entry.reason })}</div>}
                </Alert>
              );
            })}
            <FormControl error={errors.decision}>
              <FormLabel id="watchlist-decision-label">{t('alert.decision')}</FormLabel>
              <RadioGroup aria-labelledby="watchlist-decision-label" value={decision} onChange={(e) => setDecision(e.target.value as WatchlistDecision)}>
                {WATCHLIST_DECISIONS.map((d, i) => (
                  <FormControlLabel key={d} value={d} control={<Radio autoFocus={i === 0} />} label={t(`decisions.${d}`)} />
                ))}
              </RadioGroup>
            </FormControl>
            <TextField
              label={t('alert.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={errors.note}
              helperText={errors.note ? t('errors.required') : t('alert.noteHelp')}
              required
              multiline
              minRows={2}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  (e.currentTarget.closest('form') as HTMLFormElement | null)?.requestSubmit();
                }
              }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button type="submit" variant="contained" color="error" disabled={busy}>{t('actions.recordDecision')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
