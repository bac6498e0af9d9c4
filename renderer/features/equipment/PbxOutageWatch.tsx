// The console records a fault candidate itself when the PBX has been unreachable for over a minute
// (issue 10): the phone's registration (renderer/phone) is watched on every screen; an outage that lasts
// past OUTAGE_MS writes one candidate to the equipment log, completed with its end when the phone is
// registered again. The operator confirms or dismisses it in the equipment log (dashboard).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { repositoriesOf, useDatabase } from '../../db';
import { usePhone } from '../../phone/phoneService';
import { notifications } from '../../ui/notifications/notificationStore';

export const OUTAGE_MS = 60_000;

export function PbxOutageWatch() {
  const { t } = useTranslation('equipment');
  const db = useDatabase();
  const { registration, registrationReason } = usePhone();
  const since = useRef<number | undefined>(undefined);
  const recorded = useRef(false);
  const down = registration === 'disconnected' || registration === 'failed' || registration === 'connecting';

  useEffect(() => {
    const repo = repositoriesOf(db).equipmentFaults;
    if (!down) {
      const from = since.current;
      if (registration === 'registered' && from !== undefined && recorded.current) {
        void repo.recordPbxCandidate(from, Date.now(), t('candidate.symptom'), t('candidate.equipment')).catch(() => undefined);
      }
      since.current = undefined;
      recorded.current = false;
      return undefined;
    }
    since.current ??= Date.now();
    if (recorded.current) return undefined;
    const wait = Math.max(0, since.current + OUTAGE_MS - Date.now());
    const timer = setTimeout(() => {
      recorded.current = true;
      const symptom = registrationReason ? `${t('candidate.symptom')} (${registrationReason})` : t('candidate.symptom');
      void repo.recordPbxCandidate(since.current ?? Date.now(), undefined, symptom, t('candidate.equipment')).then(
        () => notifications.notify('warning', t('candidate.recorded')),
        () => undefined,
      );
    }, wait);
    return () => clearTimeout(timer);
  }, [db, down, registration, registrationReason, t]);

  return null;
}
