import { memo } from 'react';
import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { deriveCallFigures } from '@shared/calls/callMachine';
import { softphone } from '../../phone/phoneService';
import type { LineView } from '../../phone/phoneTypes';
import { LiveDuration } from './LiveDuration';
import { switchboardUi } from './switchboardUiStore';

const STATE_COLOUR = { ringing: 'success', dialing: 'info', active: 'primary', held: 'warning', ended: 'default' } as const;

function useNoticeText(line: LineView): string | undefined {
  const { t } = useTranslation('switchboard');
  const notice = line.notice;
  if (!notice) return undefined;
  const codeText = notice.statusCode ? `${notice.statusCode} ${t(`codes.${notice.statusCode}`, { defaultValue: notice.reason ?? '' })}`.trim() : t('codes.none');
  return t(`notices.${notice.code}`, { code: codeText, reason: notice.reason ?? '' });
}

/** The line's timer: only this re-renders every second, and only while the line has a running one. */
function LineTimer({ line }: { line: LineView }) {
  const { t } = useTranslation('switchboard');
  if (line.state === 'ringing' || line.state === 'dialing') return <LiveDuration from={line.ringStartedAt} label={(time) => t('lines.ringTime', { time })} />;
  if (line.state === 'held' && line.heldSince) return <LiveDuration from={line.heldSince} label={(time) => t('lines.heldTime', { time })} />;
  if (line.answeredAt) return <LiveDuration from={line.answeredAt} until={line.endedAt} label={(time) => t('lines.talkTime', { time })} />;
  return null;
}

export interface LineCardProps {
  line: LineView;
  selected: boolean;
  /** Line number of the held caller this consultation is for, and of this caller's consultation. */
  consultForNo?: number | undefined;
  consultingNo?: number | undefined;
  /** Held longer than the recall time: the call rings back at the console. */
  recall?: boolean;
}

/**
 * One line. Memoised: line views are immutable snapshots (a new object only when that line changed), so
 * a SIP event on one line re-renders that card alone, and a clock tick re-renders only its timer.
 */
export const LineCard = memo(function LineCard({ line, selected, consultForNo, consultingNo, recall = false }: LineCardProps) {
  const { t } = useTranslation('switchboard');
  const who = [line.remoteName, line.remoteUser].filter(Boolean).join(' · ') || t('lines.unknownCaller');
  const stateText = t(`lines.states.${line.state}`);
  const noticeText = useNoticeText(line);
  const live = line.state !== 'ended';
  const canTransfer = line.state === 'active' || line.state === 'held';
  const transfer = line.transfer;

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-label={t('lines.label', { n: line.lineNo, who, state: recall ? t('lines.labelRecall', { state: stateText }) : stateText })}
      data-line-no={line.lineNo}
      data-state={line.state}
      data-recall={recall || undefined}
      onClick={() => live && switchboardUi.select(line.id)}
      sx={{ p: 1.5, borderWidth: selected || recall ? 2 : 1, borderColor: recall ? 'error.main' : selected ? 'primary.main' : 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" sx={{ minWidth: 56 }}>{t('lines.line', { n: line.lineNo })}</Typography>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }} data-testid="line-remote">{who}</Typography>
        <Chip size="small" color={STATE_COLOUR[line.state]} label={stateText} data-testid="line-state" />
        {recall && <Chip size="small" color="error" label={t('lines.recall')} data-testid="line-recall" />}
        {line.holdPending && <Chip size="small" variant="outlined" label={t('lines.holdPending')} />}
        {line.muted && <Chip size="small" color="error" variant="outlined" label={t('lines.muted')} />}
        <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }} data-testid="line-timer"><LineTimer line={line} /></Typography>
      </Box>
      {line.consultFor && <Typography variant="body2">{t('lines.consultFor', { n: consultForNo ?? '?' })}</Typography>}
      {line.consultLineId && <Typography variant="body2">{t('lines.consulting', { n: consultingNo ?? '?' })}</Typography>}
      {transfer && (
        <Typography variant="body2" role="status" data-testid="line-transfer" data-progress={transfer.progress}>
          {t(`transfer.progress.${transfer.progress}`, { target: transfer.target })}
          {transfer.progress === 'failed' && transfer.statusCode ? ` (${transfer.statusCode})` : ''}
        </Typography>
      )}
      {noticeText && (
        <Alert severity={line.notice?.code === 'media-recovering' ? 'info' : 'warning'} sx={{ mt: 1, py: 0 }} data-testid="line-notice">
          {noticeText}
        </Alert>
      )}
      {line.state === 'ended' && line.endedAt && (
        <Typography variant="body2" color="text.secondary" data-testid="line-ended">
          {t('lines.endedAs', { disposition: t(`dispositions.${endedDisposition(line)}`) })}
        </Typography>
      )}
      {live && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
          {line.state === 'ringing' && (
            <Button size="small" variant="contained" color="success" onClick={() => void softphone.answer(line.id)}>{t('actions.answer')}</Button>
          )}
          {(line.state === 'active' || line.state === 'held') && (
            <Button size="small" variant="outlined" disabled={line.holdPending} onClick={() => void softphone.hold(line.id, line.state === 'active')}>
              {line.state === 'active' ? t('actions.hold') : t('actions.resume')}
            </Button>
          )}
          {line.state === 'active' && (
            <Button size="small" variant="outlined" onClick={() => softphone.mute(line.id, !line.muted)}>{line.muted ? t('actions.unmute') : t('actions.mute')}</Button>
          )}
          {line.state === 'active' && (
            <Button size="small" variant="outlined" onClick={() => switchboardUi.open({ kind: 'keypad', lineId: line.id })}>{t('actions.keypad')}</Button>
          )}
          {canTransfer && !line.consultFor && (
            <Button size="small" variant="outlined" onClick={() => switchboardUi.open({ kind: 'transfer', lineId: line.id, mode: 'blind' })}>{t('actions.transfer')}</Button>
          )}
          {canTransfer && !line.consultFor && !line.consultLineId && (
            <Button size="small" variant="outlined" onClick={() => switchboardUi.open({ kind: 'transfer', lineId: line.id, mode: 'attended' })}>{t('actions.consult')}</Button>
          )}
          {line.consultFor && line.state === 'active' && (
            <Button size="small" variant="contained" onClick={() => void softphone.completeAttended(line.id)}>{t('actions.complete')}</Button>
          )}
          {(line.consultFor || line.consultLineId) && (
            <Button size="small" variant="outlined" onClick={() => void softphone.returnToCaller(line.id)}>{t('actions.returnToCaller')}</Button>
          )}
          <Button size="small" variant="contained" color="error" onClick={() => void softphone.hangup(line.id)}>
            {line.state === 'ringing' ? t('actions.decline') : t('actions.hangup')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
});

function endedDisposition(line: LineView): string {
  const call = softphone.line(line.id)?.call;
  return call ? deriveCallFigures(call).disposition : 'answered';
}
