// Runs a check-in through the watchlist: if the repository refuses it because of a match, the alert is
// stored (open), the desk must decide in the modal, and only "admitted" retries the same check-in with
// the acknowledged alerts. Refused or security called: no visit, the alert stays on record.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WatchlistEntry } from '@shared/domain/visitors';
import { repositoriesOf, WatchlistMatchError, type FrontDeskDatabase, type WatchlistDecision } from '../../db';
import { notifications } from '../../ui/notifications/notificationStore';
import { WatchlistAlertDialog, type PendingAlert } from './WatchlistAlertDialog';

type Attempt<T> = (acknowledgedAlertIds: string[]) => Promise<T>;

interface Pending<T> extends PendingAlert {
  attempt: Attempt<T>;
  resolve: (value: T | undefined) => void;
  reject: (error: unknown) => void;
}

export function useWatchlistGate(db: FrontDeskDatabase): { run: <T>(attempt: Attempt<T>) => Promise<T | undefined>; dialog: ReactNode } {
  const { t } = useTranslation('visitors');
  const [pending, setPending] = useState<Pending<unknown>>();
  const pendingRef = useRef<Pending<unknown>>(undefined);

  const run = async <T,>(attempt: Attempt<T>): Promise<T | undefined> => {
    try {
      return await attempt([]);
    } catch (error) {
      if (!(error instanceof WatchlistMatchError)) throw error;
      const repos = repositoriesOf(db);
      const alerts = await repos.watchlistAlerts.raise(error.candidate, error.matches);
      const entries = new Map<string, WatchlistEntry>();
      for (const entry of await db.watchlist.bulkGet(alerts.map((a) => a.watchlistId))) if (entry) entries.set(entry.id, entry);
      return new Promise<T | undefined>((resolve, reject) => {
        const next: Pending<T> = { candidateName: error.candidate.name ?? '', alerts, entries, attempt, resolve, reject };
        pendingRef.current = next as Pending<unknown>;
        setPending(next as Pending<unknown>);
      });
    }
  };

  const onDecide = async (decision: WatchlistDecision, note: string) => {
    const current = pendingRef.current;
    if (!current) return;
    const ids = current.alerts.map((a) => a.id);
    try {
      await repositoriesOf(db).watchlistAlerts.acknowledge(ids, decision, note);
    } catch (error) {
      notifications.notify('error', t('errors.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    pendingRef.current = undefined;
    setPending(undefined);
    const name = current.candidateName;
    if (decision !== 'admitted') {
      notifications.notify('warning', t(decision === 'refused' ? 'alert.refusedDone' : 'alert.securityDone', { name }));
      current.resolve(undefined);
      return;
    }
    notifications.notify('info', t('alert.admittedDone', { name }));
    try {
      current.resolve(await current.attempt(ids));
    } catch (error) {
      current.reject(error);
    }
  };

  return { run, dialog: <WatchlistAlertDialog pending={pending} onDecide={onDecide} /> };
}
