// Locks the desk after the configured idle time (Settings; default 5 minutes) without keyboard, pointer or
// wheel input. A call ringing does not count as activity; the lock screen still lets it be answered.
import { useEffect } from 'react';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../db';
import { useSession, useSessionService } from './useSession';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(): void {
  const session = useSessionService();
  const { locked, principal } = useSession();
  useEffect(() => {
    if (locked || !principal) return undefined;
    let minutes = DEFAULT_IDLE_LOCK_MINUTES;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const arm = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void session.lock('idle'), minutes * 60_000);
    };
    void session.idleLockMinutes().then((m) => {
      if (!alive) return;
      minutes = m;
      arm();
    }, () => undefined);
    arm();
    for (const type of ACTIVITY) window.addEventListener(type, arm, { passive: true, capture: true });
    return () => {
      alive = false;
      if (timer !== undefined) clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, arm, { capture: true });
    };
  }, [session, locked, principal]);
}
