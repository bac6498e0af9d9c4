// What stands between the desk and the console: the first-run supervisor set-up, the sign-in screen, and,
// once somebody is signed in, the shell with the desk lock, switching person, the shift handover and the
// idle lock around it. The shell stays mounted while the desk is locked or the person switches, so a call
// in progress and a half-typed form survive both.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Box } from '@mui/material';
import type { SessionPhase } from '../../db';
import { useSession, useSessionService } from './useSession';
import { lazyPart } from '../../ui/loading/lazyPart';
import { useIdleLock } from './useIdleLock';
import { SessionShortcuts } from './SessionMenu';

// The handover to acknowledge after sign-in comes in its own chunk, fetched while the first screen draws.
const HandoverAcknowledgement = lazyPart(() => import('./HandoverDialogs').then((m) => m.HandoverAcknowledgement));
// The sign-in screens and the lock screen (MUI's text fields with them) are not part of the first screen
// either: the sign-in screens load when nobody is signed in, the lock screen right after a sign-in
// (preloaded, so locking never waits for it).
const FirstRun = lazyPart(() => import('./SignInScreens').then((m) => m.FirstRun));
const SignIn = lazyPart(() => import('./SignInScreens').then((m) => m.SignIn));
const LockScreen = lazyPart(() => import('./LockScreen').then((m) => m.LockScreen));

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

function SignedIn({ children, lockCallControls }: { children: ReactNode; lockCallControls?: ReactNode }) {
  const { locked } = useSession();
  useIdleLock();
  useEffect(() => {
    void LockScreen.preload().catch(() => undefined); // a failed load is retried when the desk locks
  }, []);
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
