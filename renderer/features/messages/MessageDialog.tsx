// One message and what can be done with it: pass it on (by phone, desktop notification, printed slip or
// SIP MESSAGE), have the recipient acknowledge it with a drawn signature or typed name, close it (before
// acknowledgement only as a supervisor with a reason), remind, reopen. Every change goes through the
// message repository, which asks the state machine and audits it.
import { useState } from 'react';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { DeliveryChannel, Message } from '@shared/domain/switchboard';
import { DELIVERY_CHANNELS } from '@shared/domain/plain/switchboard';
import { isMessageOverdue } from '@shared/messages/messageMachine';
import { MessageTransitionError, isPermissionDenied, repositoriesOf, useDatabase } from '../../db';
import { getBridge, printDocument } from '../../platform';
import { softphone } from '../../phone/phoneService';
import { describeError } from '../../ui/describeError';
import { notifications } from '../../ui/notifications/notificationStore';
import { SignatureField, type SignatureValue } from '../../ui/signature';
import { MaskedValue, useCan, useMasking, useSession } from '../signin';
import { messageSlipHtml } from './messageSlip';

function useFormat() {
  const { i18n } = useTranslation();
  return (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(at);
}

export function MessageDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('messages');
  const db = useDatabase();
  const repo = repositoriesOf(db).messages;
  const message = useLiveQuery(() => repo.get(id), [repo, id]);
  const recipient = useLiveQuery(async () => (message?.toStaffId ? repositoriesOf(db).staff.get(message.toStaffId) : undefined), [db, message?.toStaffId]);
  const format = useFormat();
  const [channel, setChannel] = useState<DeliveryChannel>('sip');
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [ackName, setAckName] = useState<string | undefined>(undefined);
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // The caller's number as this person may see it (shared/auth/permissions.ts FIELD_MATRIX): masked for a
  // concierge unless they revealed it here (audited); the slip and the SIP text carry what the screen shows.
  const masking = useMasking();
  const { principal } = useSession();
  const [phoneRevealedBy, setPhoneRevealedBy] = useState<string | null>(null);
  // Closing before acknowledgement is a supervisor's (the repository refuses anybody else as well).
  const mayCloseEarly = useCan('closeUnacknowledged');

  const run = async (work: () => Promise<unknown>, success?: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
      if (success) notifications.notify('success', success);
    } catch (error) {
      setProblem(error instanceof MessageTransitionError ? t(`refusals.${error.refusal}`) : isPermissionDenied(error) ? t('errors.notPermitted') : t('errors.saveFailed', { message: describeError(error) }));
    } finally {
      setBusy(false);
    }
  };

  if (!message) return null;
  const sipTarget = target ?? recipient?.extension ?? '';
  const name = ackName ?? message.toName ?? '';
  const closed = message.status === 'closed';
  const acknowledged = message.acknowledgedAt !== undefined;
  const phoneRevealed = phoneRevealedBy !== null && phoneRevealedBy === (principal?.operatorId ?? null);
  const fromPhone = message.fromPhone ? (phoneRevealed ? message.fromPhone : masking.phone(message.fromPhone)) : undefined;
  const caller = [message.fromName, message.fromCompany].filter(Boolean).join(' · ');

  const slipLabels = (m: Message) => ({
    title: t('slip.title'), to: t('fields.to'), from: t('fields.from'), phone: t('fields.fromPhone'), written: t('fields.written'), due: t('fields.due'),
    urgency: t('fields.urgency'), urgencyValue: t(`urgency.${m.urgency ?? 'normal'}`), message: t('fields.content'), signature: t('slip.signature'), signedBy: m.acknowledgedBy,
  });

  const deliver = () =>
    run(async () => {
      if (channel === 'sip') {
        const text = t('sipText', { from: [message.fromName, message.fromCompany].filter(Boolean).join(' · ') || t('unknownCaller'), phone: fromPhone ?? '', content: message.content });
        const result = await softphone.sendMessage(sipTarget, text);
        await repo.deliver(message.id, { channel: 'sip', ok: result.ok, target: result.uri ?? sipTarget, statusCode: result.statusCode, detail: result.ok ? undefined : result.reason });
        if (result.ok) notifications.notify('success', t('delivered.sip', { target: sipTarget }));
        else notifications.notify('error', t(`sipFailed.${result.reason}`, { code: result.statusCode ?? '' }));
        return;
      }
      if (channel === 'slip') {
        const outcome = await printDocument(getBridge(), { html: messageSlipHtml({ ...message, fromPhone }, slipLabels(message), i18n.language, format), title: t('slip.title'), pageSize: 'A5' });
        if (outcome.status === 'cancelled') return;
        if (outcome.status === 'failed') throw new Error(outcome.error.message);
      }
      await repo.deliver(message.id, { channel, ok: true });
      notifications.notify('success', t(`delivered.${channel}`));
    });

  return (
    <Dialog open onClose={onClose} aria-labelledby="message-dialog-title" fullWidth maxWidth="md" data-message-id={message.id} data-status={message.status}>
      <DialogTitle id="message-dialog-title">{t('dialog.title', { to: message.toName ?? '' })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Box>
            <Typography data-testid="message-status">{t('dialog.status', { status: t(`status.${message.status}`) })}{isMessageOverdue(message, Date.now()) ? ` · ${t('overdue')}` : ''}</Typography>
            <Typography variant="body2" color="text.secondary">
              {t('dialog.from', { from: caller || (message.fromPhone ? '' : t('unknownCaller')) })}
              {message.fromPhone && <>{caller ? ' · ' : ''}<MaskedValue field="phone" value={message.fromPhone} entityTable="messages" entityId={message.id} testId="message-from-phone" onRevealed={() => setPhoneRevealedBy(principal?.operatorId ?? null)} /></>}
              {' · '}{t(`urgency.${message.urgency ?? 'normal'}`)} · {t('dialog.written', { time: format(message.createdAt) })}{message.dueAt ? ` · ${t('dialog.due', { time: format(message.dueAt) })}` : ''}
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap', mt: 1 }} data-testid="message-content">{message.content}</Typography>
          </Box>
          {problem && <Alert severity="error" role="alert">{problem}</Alert>}

          {(message.deliveries?.length ?? 0) > 0 && (
            <Box component="section" aria-labelledby="message-deliveries">
              <Typography id="message-deliveries" variant="subtitle2" component="h3">{t('dialog.deliveries')}</Typography>
              <List dense aria-labelledby="message-deliveries">
                {message.deliveries!.map((d) => (
                  <ListItem key={`${d.at}-${d.channel}`} data-channel={d.channel} data-ok={d.ok}>
                    <ListItemText primary={`${format(d.at)} · ${t(`channels.${d.channel}`)} · ${d.ok ? t('dialog.deliveryOk') : t('dialog.deliveryFailed')}${d.statusCode ? ` (${d.statusCode})` : ''}${d.target ? ` · ${d.target}` : ''}`} />
                  </ListItem>
                ))}
              </List>
            </Box>
          )}

          {!closed && (
            <Box component="section" aria-labelledby="message-deliver">
              <Typography id="message-deliver" variant="subtitle2" component="h3">{t('dialog.deliver')}</Typography>
              <Stack direction={{ sm: 'row' }} spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
                <TextField select size="small" id="message-channel" label={t('fields.channel')} value={channel} onChange={(e) => setChannel(e.target.value as DeliveryChannel)} sx={{ minWidth: 200 }}>
                  {DELIVERY_CHANNELS.map((c) => <MenuItem key={c} value={c}>{t(`channels.${c}`)}</MenuItem>)}
                </TextField>
                {channel === 'sip' && <TextField size="small" id="message-sip-target" label={t('fields.sipTarget')} value={sipTarget} onChange={(e) => setTarget(e.target.value)} />}
                <Button variant="outlined" disabled={busy || (channel === 'sip' && !sipTarget.trim())} onClick={() => void deliver()}>
                  {channel === 'sip' ? t('actions.sendSip') : channel === 'slip' ? t('actions.printSlip') : t('actions.recordDelivery')}
                </Button>
              </Stack>
            </Box>
          )}

          <Divider />
          {acknowledged ? (
            <Box component="section" aria-labelledby="message-ack" data-testid="message-acknowledgement">
              <Typography id="message-ack" variant="subtitle2" component="h3">{t('dialog.acknowledged')}</Typography>
              <Typography>{t('dialog.ackBy', { name: message.acknowledgedBy ?? '', time: format(message.acknowledgedAt!) })} · {t(`ackMethod.${message.acknowledgement?.method ?? 'typed'}`)}</Typography>
              {message.acknowledgement?.signature && <Box component="img" src={message.acknowledgement.signature} alt={t('dialog.signatureOf', { name: message.acknowledgedBy ?? '' })} sx={{ maxHeight: 100, border: 1, borderColor: 'divider', bgcolor: '#fff' }} />}
            </Box>
          ) : !closed ? (
            <Box component="section" aria-labelledby="message-ack-form">
              <Typography id="message-ack-form" variant="subtitle2" component="h3">{t('dialog.acknowledge')}</Typography>
              <Stack spacing={1} sx={{ mt: 1 }}>
                <TextField size="small" id="message-ack-name" label={t('fields.ackName')} value={name} onChange={(e) => setAckName(e.target.value)} required slotProps={{ htmlInput: { maxLength: 64 } }} />
                <SignatureField id="message-signature" label={t('fields.signature')} value={signature} onChange={setSignature} required />
                <Box>
                  <Button variant="contained" disabled={busy || !name.trim() || !signature} onClick={() => void run(() => repo.acknowledge(message.id, { name, signature }), t('ackDone', { name }))}>
                    {t('actions.acknowledge')}
                  </Button>
                </Box>
              </Stack>
            </Box>
          ) : null}

          {message.closedAt !== undefined && (
            <Typography data-testid="message-closed">{t('dialog.closedAt', { time: format(message.closedAt) })}{message.closeReason ? ` · ${t('dialog.closeReason', { reason: message.closeReason })}` : ''}</Typography>
          )}

          {!closed && !acknowledged && (
            <Box component="section" aria-labelledby="message-close-early">
              <Typography id="message-close-early" variant="subtitle2" component="h3">{t('dialog.closeEarly')}</Typography>
              <Typography variant="body2" color="text.secondary">{t('dialog.closeEarlyHelp')}</Typography>
              {mayCloseEarly && <Stack direction={{ sm: 'row' }} spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
                <TextField size="small" id="message-close-reason" label={t('fields.closeReason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { maxLength: 2000 } }} />
                <Button color="warning" variant="outlined" disabled={busy || !reason.trim()} onClick={() => void run(() => repo.close(message.id, { reason }), t('closedDone'))}>
                  {t('actions.closeEarly')}
                </Button>
              </Stack>}
            </Box>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {!closed && <Button disabled={busy} onClick={() => void run(() => repo.remind(message.id, t('reminderText')), t('remindDone'))}>{t('actions.remind')}</Button>}
        {closed && <Button disabled={busy} onClick={() => void run(() => repo.reopen(message.id), t('reopenDone'))}>{t('actions.reopen')}</Button>}
        {message.status === 'acknowledged' && (
          <Button variant="contained" disabled={busy} onClick={() => void run(() => repo.close(message.id), t('closedDone'))}>{t('actions.close')}</Button>
        )}
        <Button onClick={onClose}>{t('common:actions.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
