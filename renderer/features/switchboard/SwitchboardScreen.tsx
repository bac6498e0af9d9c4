import { memo, useDeferredValue, useMemo, useState } from 'react';
import { Alert, Box, Button, Link, List, ListItem, ListItemText, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../db';
import type { Call } from '@shared/domain/switchboard';
import { holdQueue } from '@shared/phone/holdQueue';
import { softphone, usePhone, useRecalls, currentPhoneSettings } from '../../phone/phoneService';
import type { LineView, PhoneView } from '../../phone/phoneTypes';
import { notifications } from '../../ui/notifications/notificationStore';
import { useFocusTarget } from '../../ui/focus/useFocusTarget';
import { LineCard } from './LineCard';
import { BusyLampPanel } from './BusyLampPanel';
import { CallsWithoutNote, SwitchboardNotes } from '../callnotes';
import { useMasking } from '../signin';
import { formatDuration, useNow } from './durations';
import { effectiveLine, switchboardUi, useSwitchboardUi } from './switchboardUiStore';

/** The registration line; it ticks (for the retry countdown) only while the phone is disconnected. */
function RegistrationBanner({ phone }: { phone: PhoneView }) {
  const { t } = useTranslation('switchboard');
  const now = useNow(1000, phone.registration === 'disconnected' && phone.retryAt !== undefined);
  const seconds = phone.retryAt ? Math.max(0, Math.ceil((phone.retryAt - now) / 1000)) : 0;
  switch (phone.registration) {
    case 'unconfigured':
      return (
        <Alert severity="info" role="status" data-testid="registration" data-state="unconfigured">
          {t('registration.unconfigured')} <Link href="#/settings">{t('registration.openSettings')}</Link>
        </Alert>
      );
    case 'registered':
      return (
        <Alert severity="success" role="status" data-testid="registration" data-state="registered">
          {t('registration.registered', { extension: currentPhoneSettings()?.extension ?? '' })}
        </Alert>
      );
    case 'connecting':
      return <Alert severity="info" role="status" data-testid="registration" data-state="connecting">{t('registration.connecting')}</Alert>;
    case 'failed':
      return <Alert severity="error" role="status" data-testid="registration" data-state="failed">{t('registration.failed', { reason: phone.registrationReason ?? '' })}</Alert>;
    case 'disconnected':
      return (
        <Alert severity="warning" role="status" data-testid="registration" data-state="disconnected">
          {phone.registrationReason ? t('registration.disconnected', { reason: phone.registrationReason, seconds }) : t('registration.disconnectedNoReason', { seconds })}
        </Alert>
      );
  }
}

/** Memoised: nothing of the phone's is shown here, so a SIP event never re-renders it. */
const DialBar = memo(function DialBar() {
  const { t } = useTranslation('switchboard');
  const [target, setTarget] = useState('');
  // Ctrl+D (PhoneOverlay) promises this box, from any screen.
  const dialRef = useFocusTarget<HTMLInputElement>('switchboard.dial');
  const call = () => {
    const value = target.trim();
    if (!value) return;
    const result = softphone.dial(value);
    if (result.ok) {
      switchboardUi.select(result.lineId);
      setTarget('');
    } else if (result.reason === 'invalid-target') notifications.notify('error', t('dial.invalid', { target: value }));
    else if (result.reason === 'not-registered') notifications.notify('error', t('dial.notRegistered'));
    else notifications.notify('error', t('dial.noFreeLine'));
  };
  return (
    <Box
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        call();
      }}
      sx={{ display: 'flex', gap: 1 }}
    >
      <TextField id="dial-target" inputRef={dialRef} size="small" label={t('dial.label')} placeholder={t('dial.placeholder')} value={target} onChange={(e) => setTarget(e.target.value)} sx={{ width: 320 }} />
      <Button type="submit" variant="contained" disabled={!target.trim()}>{t('dial.call')}</Button>
    </Box>
  );
});

/** One caller waiting on hold: the waiting time ticks here, not in the queue or the screen. */
function HeldCaller({ line, recall, first }: { line: LineView; recall: boolean; first: boolean }) {
  const { t } = useTranslation('switchboard');
  const now = useNow(1000);
  const time = formatDuration(Math.max(0, now - line.heldSince!));
  const who = `${t('lines.line', { n: line.lineNo })} ${line.remoteName ?? line.remoteUser}`;
  return (
    <ListItem
      data-line-id={line.id}
      data-recall={recall || undefined}
      sx={{ color: recall ? 'error.main' : undefined, gap: 1 }}
      secondaryAction={
        <Button size="small" variant={first ? 'contained' : 'outlined'} aria-label={t('queue.takeBackLabel', { who, time })} onClick={() => void takeBack(line.id)}>
          {t('queue.takeBack')}
        </Button>
      }
    >
      <ListItemText primary={t('queue.waiting', { who, time })} secondary={recall ? t('lines.recall') : undefined} />
    </ListItem>
  );
}

/** Resumes a held caller (whoever is being talked to goes on hold first) and makes their line the selected one. */
function takeBack(lineId: string): Promise<boolean> {
  switchboardUi.select(lineId);
  return softphone.hold(lineId, false);
}

/** The callers on hold, longest waiting first (shared/phone/holdQueue.ts); Alt+H takes back the first. */
function HoldQueue({ lines, recalls }: { lines: LineView[]; recalls: readonly string[] }) {
  const { t } = useTranslation('switchboard');
  const held = holdQueue(lines, Date.now()).map((e) => e.line);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="hold-queue-title" sx={{ p: 1.5 }}>
      <Typography id="hold-queue-title" variant="subtitle1" component="h2">{t('queue.title')}</Typography>
      {held.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('queue.empty')}</Typography>
      ) : (
        <>
          <List dense aria-labelledby="hold-queue-title">
            {held.map((line, i) => (
              <HeldCaller key={line.id} line={line} recall={recalls.includes(line.id)} first={i === 0} />
            ))}
          </List>
          <Typography variant="caption" color="text.secondary">{t('queue.hint')}</Typography>
        </>
      )}
    </Paper>
  );
}

const TODAY_ROWS = 50;

/** One row of today's calls; re-rendered only when that call's record changes. */
const CallRow = memo(function CallRow({ call, time }: { call: Call; time: Intl.DateTimeFormat }) {
  const { t } = useTranslation('switchboard');
  // Operators see callers' numbers in full (shared/auth/permissions.ts FIELD_MATRIX); other roles as masked.
  const masking = useMasking();
  return (
    <TableRow data-call-id={call.id} data-disposition={call.disposition}>
      <TableCell>{time.format(call.startedAt)}</TableCell>
      <TableCell>{t(`today.${call.direction}`)}</TableCell>
      <TableCell>{masking.phone(call.remoteNumber)}</TableCell>
      <TableCell>{call.remoteName ?? ''}</TableCell>
      <TableCell>{call.ringMs !== undefined ? formatDuration(call.ringMs) : ''}</TableCell>
      <TableCell>{call.talkMs !== undefined ? formatDuration(call.talkMs) : ''}</TableCell>
      <TableCell>{t(`dispositions.${call.disposition}`)}</TableCell>
      <TableCell>{call.transferredTo ?? ''}</TableCell>
    </TableRow>
  );
}, (a, b) => a.call.id === b.call.id && a.call.updatedAt === b.call.updatedAt && a.time === b.time);

/** The table itself; renders only when the (deferred) list of calls or the language changes. */
const TodayCallsTable = memo(function TodayCallsTable({ calls }: { calls: Call[] | undefined }) {
  const { t, i18n } = useTranslation('switchboard');
  const time = useMemo(() => new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }), [i18n.language]);
  if (calls && calls.length === 0) return <Typography variant="body2" color="text.secondary">{t('today.empty')}</Typography>;
  return (
    <Table size="small" aria-labelledby="today-calls-title">
      <TableHead>
        <TableRow>
          <TableCell>{t('today.time')}</TableCell>
          <TableCell>{t('today.direction')}</TableCell>
          <TableCell>{t('today.number')}</TableCell>
          <TableCell>{t('today.name')}</TableCell>
          <TableCell>{t('today.ring')}</TableCell>
          <TableCell>{t('today.talk')}</TableCell>
          <TableCell>{t('today.disposition')}</TableCell>
          <TableCell>{t('today.transferredTo')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {(calls ?? []).map((c) => (
          <CallRow key={c.id} call={c} time={time} />
        ))}
      </TableBody>
    </Table>
  );
});

/**
 * Today's calls, newest first. Memoised without props, so the phone's changes never re-render it; and
 * its own updates (a call record written as a call starts ringing) render as a deferred, interruptible
 * update (useDeferredValue), so the ringing line and the pop-up are painted first and the table follows.
 */
const TodayCalls = memo(function TodayCalls() {
  const { t } = useTranslation('switchboard');
  const since = useMemo(() => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    return start.getTime();
  }, []);
  const calls = useLiveQuery(
    () => getDatabase().calls.where('startedAt').aboveOrEqual(since).reverse().filter((c) => c.deletedAt === undefined).limit(TODAY_ROWS).toArray(),
    [since],
  );
  const shown = useDeferredValue(calls);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="today-calls-title" sx={{ p: 1.5 }}>
      <Typography id="today-calls-title" variant="subtitle1" component="h2">{t('today.title')}</Typography>
      <TodayCallsTable calls={shown} />
    </Paper>
  );
});

export function SwitchboardScreen() {
  const { t } = useTranslation('switchboard');
  // Not deferred: the ringing line card is committed together with the pop-up (a deferred screen was
  // measured to show the card hundreds of milliseconds late on a loaded machine, restarted by every
  // update that followed the ring).
  const phone = usePhone();
  const ui = useSwitchboardUi();
  const recalls = useRecalls();
  const selected = effectiveLine(phone.lines, ui.selectedLineId);
  const lineNoOf = (id: string | undefined) => (id === undefined ? undefined : phone.lines.find((l) => l.id === id)?.lineNo);
  return (
    <Box component="section" aria-labelledby="screen-title" sx={{ p: 3, display: 'grid', gap: 2 }}>
      <Typography id="screen-title" variant="h5" component="h1">{t('title')}</Typography>
      <RegistrationBanner phone={phone} />
      <DialBar />
      <Box sx={{ display: 'grid', gridTemplateColumns: { md: '2fr 1fr' }, gap: 2, alignItems: 'start' }}>
        <Box component="section" aria-labelledby="lines-title">
          <Typography id="lines-title" variant="subtitle1" component="h2">{t('lines.title')}</Typography>
          {phone.lines.length === 0 ? (
            <Typography color="text.secondary">{t('lines.empty')}</Typography>
          ) : (
            <Stack spacing={1}>
              {phone.lines.map((line) => (
                <LineCard key={line.id} line={line} selected={line.id === selected?.id} consultForNo={lineNoOf(line.consultFor)} consultingNo={lineNoOf(line.consultLineId)} recall={recalls.includes(line.id)} />
              ))}
            </Stack>
          )}
        </Box>
        <Stack spacing={2}>
          <HoldQueue lines={phone.lines} recalls={recalls} />
          <BusyLampPanel />
          <CallsWithoutNote />
        </Stack>
      </Box>
      <SwitchboardNotes lines={phone.lines} selected={selected} />
      <TodayCalls />
    </Box>
  );
}
