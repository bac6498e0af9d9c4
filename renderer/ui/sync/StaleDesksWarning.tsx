// "Count may be stale": the desks that have not been in touch with the sync server for over a minute
// (shared/sync/deskPresence.ts), named on the emergency roll call and the on-site board, since visitors
// registered there may be missing from this desk's count. Nothing shows while the desk does not replicate.
// The screen passes the presence records it reads (db's `deskPresences`; ui does not read the database).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { deskLabel, staleDesks, type DeskPresence } from '@shared/sync/deskPresence';

/** How often the warning looks at the clock (a desk becomes stale without any record changing). */
const TICK_MS = 5_000;

export function StaleDesksWarning({ presences, testId }: { presences: readonly DeskPresence[]; testId: string }) {
  const { t, i18n } = useTranslation('common');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (presences.length === 0) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [presences]);
  const stale = staleDesks(presences, now);
  if (stale.length === 0) return null;
  const desks = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(stale.map(deskLabel));
  return (
    <Alert severity="warning" role="alert" data-testid={testId} sx={{ mb: 1 }}>
      <AlertTitle>{t('status.sync.staleDesksTitle')}</AlertTitle>
      {t('status.sync.staleDesks', { desks })}
    </Alert>
  );
}
