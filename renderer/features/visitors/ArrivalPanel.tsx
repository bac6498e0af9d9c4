// After a check-in: whom to notify and how. The host's extension with a one-click call (when the
// softphone is registered), "mark host notified" (recorded on the visit and audited), and the badge.
import { describeError } from '../../ui/describeError';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import CallOutlinedIcon from '@mui/icons-material/CallOutlined';
import CloseIcon from '@mui/icons-material/Close';
import DoneAllOutlinedIcon from '@mui/icons-material/DoneAllOutlined';
import type { Staff } from '@shared/domain/directory';
import type { Visitor } from '@shared/domain/visitors';
import { repositoriesOf, useDatabase } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import { softphone, usePhone } from '../../phone/phoneService';
import { formatTime } from './visitFormat';

export interface Arrival {
  visitId: string;
  visitor: Visitor;
  host: Staff | undefined;
}

export function ArrivalPanel({ arrival, onPrintBadge, onDismiss }: { arrival: Arrival; onPrintBadge: (visitId: string) => void; onDismiss: () => void }) {
  const { t, i18n } = useTranslation('visitors');
  const db = useDatabase();
  const notify = useNotify();
  const phone = usePhone();
  const [called, setCalled] = useState(false);
  const visit = useLiveQuery(() => repositoriesOf(db).visits.get(arrival.visitId), [db, arrival.visitId]);
  const { host, visitor } = arrival;
  const extension = host?.extension;
  const registered = phone.registration === 'registered';

  const call = () => {
    if (!extension) return;
    const result = softphone.dial(extension);
    if (result.ok) {
      setCalled(true);
      notify('info', t('arrival.calling', { host: host?.name ?? '', extension }));
    } else notify('error', t('arrival.dialFailed', { extension }));
  };

  const markNotified = async () => {
    try {
      // A call from this console is the phone; anything else (in person, another phone) is manual.
      await repositoriesOf(db).visits.markHostNotified(arrival.visitId, called ? 'phoneTransfer' : 'manual');
    } catch (error) {
      notify('error', t('errors.saveFailed', { message: describeError(error) }));
    }
  };

  return (
    <Alert
      severity="success"
      variant="outlined"
      role="region"
      aria-label={t('arrival.title', { name: visitor.name, time: visit?.arrivedAt ? formatTime(visit.arrivedAt, i18n.language) : '' })}
      action={<IconButton size="small" aria-label={t('actions.dismiss')} onClick={onDismiss}><CloseIcon fontSize="small" /></IconButton>}
    >
      <Typography sx={{ fontWeight: 600 }}>{t('arrival.title', { name: visitor.name, time: visit?.arrivedAt ? formatTime(visit.arrivedAt, i18n.language) : '' })}</Typography>
      <Typography data-testid="arrival-notify">
        {extension ? t('arrival.notifyWho', { host: host?.name ?? '', extension }) : t('arrival.notifyNoExtension', { host: host?.name ?? '' })}
      </Typography>
      {!registered && extension && <Typography variant="body2" color="text.secondary">{t('arrival.phoneNotReady')}</Typography>}
      {visit?.hostNotifiedAt && <Typography variant="body2" role="status">{t('arrival.notified', { time: formatTime(visit.hostNotifiedAt, i18n.language) })}</Typography>}
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Button size="small" startIcon={<CallOutlinedIcon />} onClick={call} disabled={!extension || !registered}>{t('actions.callHost')}</Button>
        <Button size="small" startIcon={<DoneAllOutlinedIcon />} onClick={() => void markNotified()} disabled={Boolean(visit?.hostNotifiedAt)}>{t('actions.markNotified')}</Button>
        <Button size="small" startIcon={<BadgeOutlinedIcon />} onClick={() => onPrintBadge(arrival.visitId)}>{t('actions.printBadge')}</Button>
      </Stack>
    </Alert>
  );
}
