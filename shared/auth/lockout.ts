// Wrong sign-in attempts lock the account with growing delays: the 5th wrong attempt in a row locks it for
// one minute, each further wrong attempt doubles the delay (2, 4, 8 … minutes, at most a day). A right
// attempt resets the count. Pure: the caller passes the clock.
export const FREE_ATTEMPTS = 5;
export const FIRST_LOCK_MS = 60_000;
export const MAX_LOCK_MS = 24 * 60 * 60_000;

export interface LockoutState {
  failedAttempts: number;
  lockedUntil?: number;
}

/** Whether an attempt may be tried at `now` (a locked account refuses even the right secret). */
export function lockedUntil(state: LockoutState, now: number): number | null {
  return state.lockedUntil !== undefined && state.lockedUntil > now ? state.lockedUntil : null;
}

/** The lock that follows the n-th wrong attempt in a row (0 for the first four). */
export function lockDuration(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failedAttempts - FREE_ATTEMPTS));
}

/** The state after an attempt at `now`. */
export function afterAttempt(state: LockoutState, ok: boolean, now: number): LockoutState {
  if (ok) return { failedAttempts: 0 };
  const failedAttempts = state.failedAttempts + 1;
  const duration = lockDuration(failedAttempts);
  return duration > 0 ? { failedAttempts, lockedUntil: now + duration } : { failedAttempts };
}
