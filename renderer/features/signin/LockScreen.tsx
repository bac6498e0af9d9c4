// The desk lock: covers the whole window and shows nothing confidential (no names, no numbers). Everything
// else in the page — the shell and any dialog portal — is made inert and invisible while it is up, but stays
// mounted (calls, half-typed forms). A call still rings and can be answered here (`calls`, the switchboard's
// lock-screen controls); unlocking takes the PIN of the person who locked it or of a supervisor.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Box, Button, Checkbox, FormControlLabel, Paper, TextField, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useTranslation } from 'react-i18next';
import { messageOf } from '@shared/errors/messageOf';
import { operatorNameKey, type UnlockOutcome } from '../../db';
import { outcomeMessage } from './CredentialFields';
import { useSession, useSessionService } from './useSession';

const LOCK_ID = 'desk-lock';

function useInertBackground(): void {
  useEffect(() => {
    const hide = (node: Element) => {
      if (node.id === LOCK_ID || !(node instanceof HTMLElement) || node.tagName === 'SCRIPT') return;
      node.setAttribute('inert', '');
      node.setAttribute('aria-hidden', 'true');
      node.dataset.hiddenByLock = node.style.visibility || 'unset';
      node.style.visibility = 'hidden';
    };
    for (const child of Array.from(document.body.children)) hide(child);
    // A dialog opened while locked (a portal appended to body) is hidden too.
    const observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => n instanceof Element && hide(n))));
    observer.observe(document.body, { childList: true });
    document.body.dataset.deskLocked = 'true';
    return () => {
      observer.disconnect();
      delete document.body.dataset.deskLocked;
      for (const child of Array.from(document.body.querySelectorAll<HTMLElement>(':scope > [data-hidden-by-lock]'))) {
        child.removeAttribute('inert');
        child.removeAttribute('aria-hidden');
        child.style.visibility = child.dataset.hiddenByLock === 'unset' ? '' : (child.dataset.hiddenByLock ?? '');
        delete child.dataset.hiddenByLock;
      }
    };
  }, []);
}

export function LockScreen({ calls }: { calls?: ReactNode }) {
  const { t, i18n } = useTranslation('signin');
  const session = useSessionService();
  const { principal } = useSession();
  const [secret, setSecret] = useState('');
  const [asSupervisor, setAsSupervisor] = useState(false);
  const [supervisor, setSupervisor] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useInertBackground();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !secret) return;
    setBusy(true);
    setError(null);
    try {
      let outcome: UnlockOutcome;
      if (asSupervisor) {
        const wanted = operatorNameKey(supervisor);
        const match = (await session.operators.signInNames()).find((n) => operatorNameKey(n.name) === wanted);
        outcome = match ? await session.unlock(match.id, secret) : { ok: false, reason: 'unknown' };
      } else {
        outcome = principal ? await session.unlock(principal.operatorId, secret) : { ok: false, reason: 'unknown' };
      }
      setSecret('');
      setError(outcomeMessage(t, outcome, i18n.language));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return createPortal(
    <Box
      id={LOCK_ID}
      role="dialog"
      aria-modal="true"
      aria-labelledby="desk-lock-title"
      sx={{ position: 'fixed', inset: 0, zIndex: 2000, bgcolor: 'background.default', display: 'grid', placeItems: 'center', p: 2, overflow: 'auto' }}
    >
      <Box component="main" sx={{ display: 'grid', gap: 3, width: 420, maxWidth: '100%' }}>
        <Paper sx={{ p: 4, display: 'grid', gap: 2 }}>
          <Typography id="desk-lock-title" variant="h5" component="h1" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <LockIcon aria-hidden /> {t('lock.title')}
          </Typography>
          <Typography variant="body2">{t('lock.hint')}</Typography>
          <Box component="form" onSubmit={(e) => void submit(e)} sx={{ display: 'grid', gap: 2 }} noValidate>
            <FormControlLabel control={<Checkbox checked={asSupervisor} onChange={(e) => setAsSupervisor(e.target.checked)} />} label={t('lock.asSupervisor')} />
            {asSupervisor && <TextField id="desk-lock-supervisor" label={t('lock.supervisorName')} value={supervisor} onChange={(e) => setSupervisor(e.target.value)} autoComplete="off" />}
            <TextField id="desk-lock-secret" type="password" label={t('lock.secret')} value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" autoFocus />
            {error && <Alert severity="error" role="alert">{error}</Alert>}
            <Button type="submit" variant="contained" disabled={busy || !secret}>{t('lock.unlock')}</Button>
          </Box>
        </Paper>
        {calls}
      </Box>
    </Box>,
    document.body,
  );
}
