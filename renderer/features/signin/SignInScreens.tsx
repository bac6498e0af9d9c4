// The sign-in screens: first-run set-up of the supervisor and the sign-in form. Their own chunk (with MUI's
// text fields): the desk shows them only while nobody is signed in, and the first screen is the dashboard
// (docs/ARCHITECTURE.md, "Loading"); renderer/features/signin/SessionGate.tsx loads them as lazy parts.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { secretProblem } from '@shared/auth/credentials';
import { messageOf } from '@shared/errors/messageOf';
import { ValidationError } from '../../db';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { CredentialForm } from './CredentialFields';
import { useSessionService } from './useSession';

function Centered({ titleId, title, children }: { titleId: string; title: string; children: ReactNode }) {
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper component="section" aria-labelledby={titleId} sx={{ p: 4, width: 420, maxWidth: '100%', display: 'grid', gap: 2 }}>
        <Typography id={titleId} variant="h5" component="h1">{title}</Typography>
        {children}
        <LanguageSwitch id={`${titleId}-language`} />
      </Paper>
    </Box>
  );
}

export function FirstRun({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('signin');
  const session = useSessionService();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = secret ? secretProblem(secret) : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!name.trim()) return setError(t('staff.errors.required'));
    const p = secretProblem(secret);
    if (p) return setError(t(`staff.errors.${p}`));
    if (secret !== confirm) return setError(t('firstRun.mismatch'));
    setBusy(true);
    try {
      await session.setUp(name, secret);
      onDone();
    } catch (e) {
      setError(e instanceof ValidationError ? t(`staff.errors.${Object.values(e.fields)[0] ?? 'generic'}`, { message: e.message }) : t('staff.errors.generic', { message: messageOf(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Centered titleId="first-run-title" title={t('firstRun.title')}>
      <Typography>{t('firstRun.intro')}</Typography>
      <Box component="form" onSubmit={(e) => void submit(e)} sx={{ display: 'grid', gap: 2 }} noValidate>
        <TextField id="first-run-name" label={t('firstRun.name')} value={name} onChange={(e) => setName(e.target.value)} autoFocus required />
        <TextField
          id="first-run-secret"
          type="password"
          label={t('firstRun.secret')}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          helperText={problem ? t(`staff.errors.${problem}`) : t('firstRun.secretHelp')}
          error={Boolean(problem)}
          required
          autoComplete="new-password"
        />
        <TextField id="first-run-confirm" type="password" label={t('firstRun.confirm')} value={confirm} onChange={(e) => setConfirm(e.target.value)} required autoComplete="new-password" />
        {error && <Alert severity="error" role="alert">{error}</Alert>}
        <Button type="submit" variant="contained" disabled={busy}>{t('firstRun.submit')}</Button>
      </Box>
    </Centered>
  );
}

export function SignIn({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('signin');
  const session = useSessionService();
  return (
    <Centered titleId="sign-in-title" title={t('signIn.title')}>
      <CredentialForm
        idPrefix="sign-in"
        submitLabel={t('signIn.submit')}
        onSubmit={async (id, secret) => {
          const outcome = await session.signIn(id, secret);
          if (outcome.ok) onDone();
          return outcome;
        }}
      />
    </Centered>
  );
}

