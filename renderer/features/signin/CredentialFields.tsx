// The person + PIN fields shared by sign-in and switching person, and the outcome turned into words.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { messageOf } from '@shared/errors/messageOf';
import type { SignInName, SignInOutcome } from '../../db';
import { useSessionService } from './useSession';

export function outcomeMessage(t: (key: string, options?: Record<string, unknown>) => string, outcome: SignInOutcome | { ok: false; reason: 'notPermitted' }, language: string): string | null {
  if (outcome.ok) return null;
  switch (outcome.reason) {
    case 'wrong':
      return t('signIn.wrong', { count: outcome.attemptsLeft });
    case 'locked':
      return t('signIn.locked', { time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(outcome.lockedUntil) });
    case 'notPermitted':
      return t('lock.notPermitted');
    default:
      return t('signIn.unknown');
  }
}

export function CredentialForm({ idPrefix, submitLabel, onSubmit, autoFocus = true }: {
  idPrefix: string;
  submitLabel: string;
  onSubmit: (operatorId: string, secret: string) => Promise<SignInOutcome>;
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation('signin');
  const session = useSessionService();
  const [names, setNames] = useState<SignInName[]>([]);
  const [person, setPerson] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let alive = true;
    void session.operators.signInNames().then((list) => {
      if (!alive) return;
      setNames(list);
      setPerson((current) => current || list[0]?.id || '');
    });
    return () => {
      alive = false;
    };
  }, [session]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!person || busy) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await onSubmit(person, secret);
      setSecret('');
      setError(outcomeMessage(t, outcome, i18n.language));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} sx={{ display: 'grid', gap: 2 }} noValidate>
      <TextField
        id={`${idPrefix}-person`}
        select
        label={t('signIn.person')}
        value={person}
        onChange={(e) => setPerson(e.target.value)}
        slotProps={{ select: { native: true } }}
      >
        {names.map((n) => (
          <option key={n.id} value={n.id}>{n.name}</option>
        ))}
      </TextField>
      <TextField
        id={`${idPrefix}-secret`}
        type="password"
        label={t('signIn.secret')}
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        autoComplete="off"
        autoFocus={autoFocus}
        slotProps={{ htmlInput: { inputMode: 'text' } }}
      />
      {error && <Alert severity="error" role="alert">{error}</Alert>}
      <Button type="submit" variant="contained" disabled={busy || !person || !secret}>
        {busy ? t('signIn.checking') : submitLabel}
      </Button>
    </Box>
  );
}

