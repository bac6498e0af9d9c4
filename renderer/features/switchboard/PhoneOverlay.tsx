// The parts of the switchboard that must work on every screen: the incoming-call pop-up, the phone's
// keyboard shortcuts, the transfer and keypad dialogs, and the hold-recall reminder.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button, styled } from '@mui/material';
import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback';
import { useTranslation } from 'react-i18next';
import { softphone, usePhone, useRecalls, useRingingCalls, currentPhoneSettings } from '../../phone/phoneService';
import type { LineView } from '../../phone/phoneTypes';
import { notifications } from '../../ui/notifications/notificationStore';
import { recordMetric } from '../../platform/metrics';
import { afterPaint } from '../../platform/afterPaint';
import { lookupCaller, type CallerInfo } from './callerLookup';
import { switchboardUi, useSwitchboardUi } from './switchboardUiStore';
import { DEFAULT_ANSWER_KEY, usePhoneKeyMap } from './phoneKeyMap';
import { phoneKeyActions } from './phoneKeyActions';
import { TransferDialog } from './TransferDialog';
import { KeypadDialog } from './KeypadDialog';
import { formatDuration } from './durations';
import { PbxOutageWatch } from '../equipment';

/**
 * The pop-up's look in one styled element with static styles: the pop-up is what renders before its first
 * paint, and MUI's Paper, Typography and Stack with `sx` cost a few milliseconds of that (their styles are
 * computed on every mount; these are computed once). Same theme values as Paper elevation 8, subtitle2, h6,
 * body1/body2 and a Stack with spacing 1.5.
 */
const PopupRoot = styled('section')(({ theme }) => ({
  ...theme.typography.body1,
  backgroundColor: (theme.vars ?? theme).palette.background.paper,
  color: (theme.vars ?? theme).palette.text.primary,
  borderRadius: (theme.vars ?? theme).shape.borderRadius,
  boxShadow: (theme.vars ?? theme).shadows[8],
  padding: theme.spacing(2),
  width: 340,
  borderLeft: `6px solid ${(theme.vars ?? theme).palette.success.main}`,
  '& p': { margin: 0 },
  '& .title': { ...theme.typography.subtitle2, display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  '& .number': theme.typography.h6,
  '& .secondary': { ...theme.typography.body2, color: (theme.vars ?? theme).palette.text.secondary },
  '& .note': theme.typography.body2,
  '& .warning': { color: (theme.vars ?? theme).palette.warning.main },
  '& .actions': { display: 'flex', gap: theme.spacing(1), marginTop: theme.spacing(1.5) },
}));

const PopupStack = styled('div')(({ theme }) => ({
  position: 'fixed',
  top: 72,
  right: 16,
  zIndex: theme.zIndex.snackbar,
  display: 'flex',
  flexDirection: 'column',
  gap: theme.spacing(1),
}));

function IncomingCall({ line }: { line: LineView }) {
  const { t, i18n } = useTranslation('switchboard');
  const [caller, setCaller] = useState<CallerInfo | undefined>();
  useEffect(() => {
    let alive = true;
    // Who is calling is looked up once the pop-up is on screen: React runs this effect before the
    // browser paints (the phone's update is a sync render), and the number parsing and database reads
    // would otherwise hold the first paint of the pop-up back.
    const cancel = afterPaint(() => {
      const started = performance.now();
      void lookupCaller(line.remoteUser, line.id).then((info) => {
        // The caller's history read (earlier calls, notes, open messages) for the benchmark.
        recordMetric('callerLookupMs', performance.now() - started);
        if (alive) setCaller(info);
      });
    });
    return () => {
      alive = false;
      cancel();
    };
  }, [line.remoteUser, line.id]);
  // Pop-up latency (INVITE arrival → pop-up painted) for the benchmark.
  useLayoutEffect(() => {
    const arrived = softphone.bench.inviteArrivalOf(line.id);
    if (arrived !== undefined) requestAnimationFrame(() => recordMetric('popupMs', performance.now() - arrived));
  }, [line.id]);
  const name = caller?.name ?? line.remoteName;
  const when = caller?.lastCallAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(caller.lastCallAt) : '';
  const titleId = `incoming-${line.id}`;
  const answerKey = currentPhoneSettings()?.answerKey ?? DEFAULT_ANSWER_KEY;
  return (
    <PopupRoot role="alertdialog" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`} data-line-id={line.id}>
      <p id={titleId} className="title">
        <PhoneCallbackIcon fontSize="small" aria-hidden />
        {t('incoming.title')} · {t('lines.line', { n: line.lineNo })}
      </p>
      <div id={`${titleId}-desc`}>
        <p className="number" data-testid="incoming-number">{line.remoteUser || t('lines.unknownCaller')}</p>
        {name && <p className="name" data-testid="incoming-name">{[name, caller?.department ?? caller?.company].filter(Boolean).join(' · ')}</p>}
        <p className="secondary">
          {caller && caller.earlierCalls > 0 ? t('incoming.earlierCalls', { count: caller.earlierCalls, when }) : t('incoming.firstCall')}
        </p>
        {caller?.lastNote && <p className="note" data-testid="incoming-last-note">{t('incoming.lastNote', { note: caller.lastNote })}</p>}
        {caller && caller.openMessages.length > 0 && (
          <p className="note warning" data-testid="incoming-open-messages">
            {t('incoming.openMessages', {
              count: caller.openMessages.length,
              // A message the caller left is named by its recipient; one waiting for the caller, by who left it.
              list: caller.openMessages.map((m) => (m.direction === 'from' ? t('incoming.messageFor', { name: m.toName ?? '' }) : t('incoming.messageFrom', { name: m.fromName ?? '' }))).join('; '),
            })}
          </p>
        )}
      </div>
      <div className="actions">
        <Button variant="contained" color="success" disableRipple onClick={() => void softphone.answer(line.id)} title={t('incoming.answerHint', { key: answerKey })}>
          {t('actions.answer')} ({answerKey})
        </Button>
        <Button variant="outlined" color="error" disableRipple onClick={() => void softphone.hangup(line.id)}>
          {t('actions.decline')}
        </Button>
      </div>
    </PopupRoot>
  );
}

/**
 * Recall: a held call that waited longer than the recall time rings back (the shell's ringer plays while
 * recalls are due) and is announced once, on every screen, as a warning the screen reader reads out.
 */
function useHoldRecall(lines: LineView[], recalls: readonly string[]): void {
  const { t } = useTranslation('switchboard');
  const announced = useRef(new Set<string>());
  useEffect(() => {
    for (const id of recalls) {
      const line = lines.find((l) => l.id === id);
      if (!line || line.heldSince === undefined) continue;
      const key = `${line.id}:${line.heldSince}`;
      if (announced.current.has(key)) continue;
      announced.current.add(key);
      const who = `${t('lines.line', { n: line.lineNo })} ${line.remoteName ?? line.remoteUser}`;
      notifications.notify('warning', t('queue.recall', { who, time: formatDuration(Date.now() - line.heldSince) }));
    }
  }, [recalls, lines, t]);
}

function PhoneShortcuts() {
  usePhoneKeyMap(currentPhoneSettings()?.answerKey ?? DEFAULT_ANSWER_KEY, phoneKeyActions);
  return null;
}

/** The recall announcement in its own component: it re-renders only with the phone and the recall set. */
function HoldRecall() {
  useHoldRecall(usePhone().lines, useRecalls());
  return null;
}

/**
 * The pop-ups of the calls ringing in. They read the phone's ringing store, which is published at the end
 * of the task that brought the INVITE, before the rest of the screen's snapshot: this is all that renders
 * before the pop-up's first paint.
 */
function IncomingCalls() {
  const ringing = useRingingCalls();
  if (ringing.length === 0) return null;
  return (
    <PopupStack aria-live="assertive">
      {ringing.map((line) => (
        <IncomingCall key={line.id} line={line} />
      ))}
    </PopupStack>
  );
}

export function PhoneOverlay() {
  const ui = useSwitchboardUi();
  return (
    <>
      <PhoneShortcuts />
      <HoldRecall />
      <PbxOutageWatch />
      <IncomingCalls />
      {ui.dialog.kind === 'transfer' && <TransferDialog lineId={ui.dialog.lineId} mode={ui.dialog.mode} onClose={() => switchboardUi.close()} />}
      {ui.dialog.kind === 'keypad' && <KeypadDialog lineId={ui.dialog.lineId} onClose={() => switchboardUi.close()} />}
    </>
  );
}
