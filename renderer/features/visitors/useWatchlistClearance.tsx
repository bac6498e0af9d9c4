// Takes a check-in through the watchlist. A match is an outcome of the check-in ('needs-clearance'),
// not an error: the repository has already stored the open alerts and saved nothing else. The desk
// decides in the modal; "admitted" checks in again with the acknowledged alerts, and the repository runs
// the watchlist once more against exactly what it saves then (the clearance rule is
// shared/visitors/watchlistClearance.ts). Refused or security called: no visit, the alert stays on record.
import { describeError } from '../../ui/describeError';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { repositoriesOf, type CheckInOutcome, type CheckInResult, type FrontDeskDatabase, type WatchlistDecision } from '../../db';
import { notifications } from '../../ui/notifications/notificationStore';
import { WatchlistAlertDialog, type PendingAlert } from './WatchlistAlertDialog';

/** One check-in attempt; the ids are the acknowledged, admitting alerts (none on the first attempt). */
export type CheckInAttempt = (acknowledgedAlertIds: string[]) => Promise<CheckInOutcome>;

type NeedsClearance = Extract<CheckInOutcome, { kind: 'needs-clearance' }>;

interface Pending extends PendingAlert {
  /** Settles with the acknowledged alert ids when admitted, undefined when refused. */
  settle: (admittedIds: string[] | undefined) => void;
}

export function useWatchlistClearance(db: FrontDeskDatabase): { checkIn: (attempt: CheckInAttempt) => Promise<CheckInResult | undefined>; dialog: ReactNode } {
  const { t } = useTranslation('visitors');
  const [pending, setPending] = useState<Pending>();
  const pendingRef = useRef<Pending>(undefined);

  const decide = (outcome: NeedsClearance) =>
    new Promise<string[] | undefined>((settle) => {
      const next: Pending = { candidateName: outcome.candidate.name ?? '', alerts: outcome.alerts, entries: outcome.entries, settle };
      pendingRef.current = next;
      setPending(next);
    });

  const checkIn = async (attempt: CheckInAttempt): Promise<CheckInResult | undefined> => {
    let outcome = await attempt([]);
    while (outcome.kind === 'needs-clearance') {
      const admitted = await decide(outcome);
      if (!admitted) return undefined;
      outcome = await attempt(admitted);
    }
    return { visit: outcome.visit, visitor: outcome.visitor };
  };

  const onDecide = async (decision: WatchlistDecision, note: string) => {
    const current = pendingRef.current;
    if (!current) return;
    const ids = current.alerts.map((a) => a.id);
    try {
      await repositoriesOf(db).watchlistAlerts.acknowledge(ids, decision, note);
    } catch (error) {
      notifications.notify('error', t('errors.saveFailed', { message: describeError(error) }));
      return;
    }
    pendingRef.current = undefined;
    setPending(undefined);
    const name = current.candidateName;
    if (decision !== 'admitted') {
      notifications.notify('warning', t(decision === 'refused' ? 'alert.refusedDone' : 'alert.securityDone', { name }));
      current.settle(undefined);
      return;
    }
    notifications.notify('info', t('alert.admittedDone', { name }));
    current.settle(ids);
  };

  return { checkIn, dialog: <WatchlistAlertDialog pending={pending} onDecide={onDecide} /> };
}
