// What stands between the desk and the console: the first-run supervisor set-up, the sign-in screen, and,
// once somebody is signed in, the shell with the desk lock, switching person, the shift handover and the
// idle lock around it. The shell stays mounted while the desk is locked or the person switches, so a call
// in progress and a half-typed form survive both.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { secretProblem } from '@shared/auth/credentials';
import { messageOf } from '@shared/errors/messageOf';
import { ValidationError, type SessionPhase } from '../../db';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { CredentialForm } from './CredentialFields';
import { useSession, useSessionService } from './useSession';
import { LockScreen } from './LockScreen';
import { lazyPart } from '../../ui/loading/lazyPart';
import { useIdleLock } from './useIdleLock';
import { SessionShortcuts } from './SessionMenu';

// The handover to acknowledge after sign-in comes in its own chunk, fetched while the first screen draws.
const HandoverAcknowledgement = lazyPart(() => import('./HandoverDialogs').then((m) => m.HandoverAcknowledgement));

/**
 * Test-only seeding route (tests/e2e/fixtures.ts): a page started with `window.__frontdeskTestSignIn =
 * { name, secret }` completes the first-run set-up with it, or signs that person in, through the same
 * hashing and write path as the forms. Honoured only in the browser (the web preview the e2e suite drives),
 * never in the desktop app, where the preload's bridge is present.
 */
interface TestSignIn {
  name: string;
  secret: string;
}
const TEST_SIGN_IN_USED = 'frontdesk.testSignInUsed';
function testSignIn(): TestSignIn | null {
  const w = window as unknown as { frontdesk?: unknown; __frontdeskTestSignIn?: Partial<TestSignIn> };
  const seed = w.__frontdeskTestSignIn;
  if (w.frontdesk !== undefined || !seed || typeof seed.name !== 'string' || typeof seed.secret !== 'string') return null;
  // Once per window: after a sign-out the test sees the sign-in screen like a person would.
  try {
    if (sessionStorage.getItem(TEST_SIGN_IN_USED)) return null;
    sessionStorage.setItem(TEST_SIGN_IN_USED, '1');
  } catch {
    return null;
  }
  return { name: seed.name, secret: seed.secret };
}

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

function FirstRun({ onDone }: { onDone: () => void }) {
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

function SignIn({ onDone }: { onDone: () => void }) {
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

function SignedIn({ children, lockCallControls }: { children: ReactNode; lockCallControls?: ReactNode }) {
  const { locked } = useSession();
  useIdleLock();
  return (
    <>
      <div id="desk-content" data-locked={locked ? 'true' : undefined}>{children}</div>
      <SessionShortcuts />
      {locked ? <LockScreen calls={lockCallControls} /> : <HandoverAcknowledgement />}
    </>
  );
}

export function SessionGate({ children, onSignedIn, lockCallControls, statusBar }: { children: ReactNode; onSignedIn?: () => void; lockCallControls?: ReactNode; statusBar?: ReactNode }) {
  const session = useSessionService();
  const { principal } = useSession();
  const [phase, setPhase] = useState<SessionPhase | 'starting'>('starting');
  const started = useRef(false);
  const announced = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      let next = await session.start();
      const seed = next === 'signedIn' ? null : testSignIn();
      if (seed && next === 'firstRun') {
        await session.setUp(seed.name, seed.secret);
        next = 'signedIn';
      } else if (seed && next === 'signIn') {
        const who = (await session.operators.signInNames()).find((n) => n.name === seed.name);
        if (who && (await session.signIn(who.id, seed.secret)).ok) next = 'signedIn';
      }
      setPhase(next);
    })();
  }, [session]);
  useEffect(() => {
    if (phase === 'signedIn' && principal && !announced.current) {
      announced.current = true;
      onSignedIn?.();
    }
    // Signed out (end of shift): start afresh, so nothing of the last person stays in memory.
    if (phase === 'signedIn' && !principal && announced.current) window.location.reload();
  }, [phase, principal, onSignedIn]);
  // Before anybody is signed in the status bar still tells why the console waits (a database held by another window).
  if (phase === 'starting') return <><Box aria-busy="true" data-session-starting sx={{ minHeight: 'calc(100vh - 48px)' }} />{statusBar}</>;
  if (phase === 'firstRun') return <><FirstRun onDone={() => setPhase('signedIn')} />{statusBar}</>;
  if (phase === 'signIn' || !principal) return <><SignIn onDone={() => setPhase('signedIn')} />{statusBar}</>;
  return <SignedIn lockCallControls={lockCallControls}>{children}</SignedIn>;
}
