// A masked value with "show the full number": only for roles with the reveal permission, after a reason,
// audited (renderer/db/session.ts reveal()). The full value is shown until the screen is left.
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { messageOf } from '@shared/errors/messageOf';
import { useCan, useMasking, useSession, useSessionService } from './useSession';

/**
 * `onRevealed` tells the screen about an audited reveal, so what the person then prints or sends from it may
 * carry the full value (e.g. a message slip).
 */
export function MaskedValue({ field, value, entityTable, entityId, testId, onRevealed }: { field: 'idNumber' | 'phone'; value: string | undefined; entityTable: string; entityId: string; testId?: string; onRevealed?: () => void }) {
  const masking = useMasking();
  const { principal } = useSession();
  // A reveal is the revealing person's: after a switch of person the value is masked again.
  const [revealedBy, setRevealedBy] = useState<string | null>(null);
  const revealed = revealedBy !== null && revealedBy === (principal?.operatorId ?? null);
  if (!value) return null;
  const shown = revealed ? value : masking[field](value);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <span data-testid={testId}>{shown}</span>
      {!revealed && shown !== value && <RevealButton field={field} entityTable={entityTable} entityId={entityId} onRevealed={() => { setRevealedBy(principal?.operatorId ?? null); onRevealed?.(); }} />}
    </Box>
  );
}

export function RevealButton({ field, entityTable, entityId, onRevealed }: { field: 'idNumber' | 'phone'; entityTable: string; entityId: string; onRevealed: () => void }) {
  const { t } = useTranslation('signin');
  const session = useSessionService();
  const allowed = useCan(field === 'idNumber' ? 'revealId' : 'revealPhone');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!allowed) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await session.reveal(field, entityTable, entityId, reason);
      setOpen(false);
      onRevealed();
    } catch (e) {
      setError(reason.trim().length < 3 ? t('staff.errors.required') : messageOf(e));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>{t('reveal.show')}</Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby="reveal-title" maxWidth="xs" fullWidth>
          <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
            <DialogTitle id="reveal-title">{t('reveal.title')}</DialogTitle>
            <DialogContent sx={{ display: 'grid', gap: 2, pt: 1 }}>
              <TextField id="reveal-reason" label={t('reveal.reason')} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required sx={{ mt: 1 }} />
              {error && <Alert severity="error" role="alert">{error}</Alert>}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setOpen(false)}>{t('session.cancel')}</Button>
              <Button type="submit" variant="contained">{t('reveal.confirm')}</Button>
            </DialogActions>
          </Box>
        </Dialog>
      )}
    </>
  );
}
