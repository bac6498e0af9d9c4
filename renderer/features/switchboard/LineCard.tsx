import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { deriveCallFigures } from '@shared/calls/callMachine';
import { softphone } from '../../phone/phoneService';
import type { LineView } from '../../phone/phoneTypes';
import { formatDuration } from './durations';
import { switchboardUi } from './switchboardUiStore';

const STATE_COLOUR = { ringing: 'success', dialing: 'info', active: 'primary', held: 'warning', ended: 'default' } as const;

function useNoticeText(line: LineView): string | undefined {
  const { t } = useTranslation('switchboard');
  const notice = line.notice;
  if (!notice) return undefined;
  const codeText = notice.statusCode ? `${notice.statusCode} ${t(`codes.${notice.statusCode}`, { defaultValue: notice.reason ?? '' })}`.trim() : t('codes.none');
  return t(`notices.${notice.code}`, { code: codeText, reason: notice.reason ?? '' });
}

export function LineCard({ line, selected, now, lines }: { line: LineView; selected: boolean; now: number; lines: LineView[] }) {
  const { t } = useTranslation('switchboard');
  const who = [line.remoteName, line.remoteUser].filter(Boolean).join(' · ') || t('lines.unknownCaller');
  const stateText = t(`lines.states.${line.state}`);
  const noticeText = useNoticeText(line);
  const lineNoOf = (id: string | undefined) => lines.find((l) => l.id === id)?.lineNo;
  const live = line.state !== 'ended';
  const canTransfer = line.state === 'active' || line.state === 'held';
  let timer = '';
  if (line.state === 'ringing' || line.state === 'dialing') timer = t('lines.ringTime', { time: formatDuration(now - line.ringStartedAt) });
  else if (line.state === 'held' && line.heldSince) timer = t('lines.heldTime', { time: formatDuration(now - line.heldSince) });
  else if (line.answeredAt) timer = t('lines.talkTime', { time: formatDuration((line.endedAt ?? now) - line.answeredAt) });
  const transfer = line.transfer;

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-label={t('lines.label', { n: line.lineNo, who, state: stateText })}
      data-line-no={line.lineNo}
      data-state={line.state}
      onClick={() => live && switchboardUi.select(line.id)}
      sx={{ p: 1.5, borderWidth: selected ? 2 : 1, borderColor: selected ? 'primary.main' : 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" sx={{ minWidth: 56 }}>{t('lines.line', { n: line.lineNo })}</Typography>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }} data-testid="line-remote">{who}</Typography>
        <Chip size="small" color={STATE_COLOUR[line.state]} label={stateText} data-testid="line-state" />
        {line.holdPending && <Chip size="small" variant="outlined" label={t('lines.holdPending')} />}
        {line.muted && <Chip size="small" color="error" variant="outlined" label={t('lines.muted')} />}
        <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }} data-testid="line-timer">{timer}</Typography>
      </Box>
      {line.consultFor && <Typography variant="body2">{t('lines.consultFor', { n: lineNoOf(line.consultFor) ?? '?' })}</Typography>}
      {line.consultLineId && <Typography variant="body2">{t('lines.consulting', { n: lineNoOf(line.consultLineId) ?? '?' })}</Typography>}
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
}

function endedDisposition(line: LineView): string {
  const call = softphone.line(line.id)?.call;
  return call ? deriveCallFigures(call).disposition : 'answered';
}
