// A new message (留言) for a person or a department, written from a call note (pre-filled) or on its own.
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Message, MessageUrgency } from '@shared/domain/switchboard';
import { MESSAGE_URGENCIES } from '@shared/domain/plain/switchboard';
import { repositoriesOf, useDatabase, ValidationError } from '../../db';
import { describeError } from '../../ui/describeError';
import { notifications } from '../../ui/notifications/notificationStore';
import { RecipientPicker, type Recipient } from './RecipientPicker';

export interface MessageDraft {
  fromName?: string | undefined;
  fromCompany?: string | undefined;
  fromPhone?: string | undefined;
  content?: string | undefined;
  callNoteId?: string | undefined;
  callId?: string | undefined;
  urgency?: MessageUrgency | undefined;
}

export function MessageComposer({ draft = {}, onClose, onCreated }: { draft?: MessageDraft; onClose: () => void; onCreated?: (m: Message) => void }) {
  const { t } = useTranslation('messages');
  const db = useDatabase();
  const [to, setTo] = useState<Recipient | null>(null);
  const [fromName, setFromName] = useState(draft.fromName ?? '');
  const [fromCompany, setFromCompany] = useState(draft.fromCompany ?? '');
  const [fromPhone, setFromPhone] = useState(draft.fromPhone ?? '');
  const [content, setContent] = useState(draft.content ?? '');
  const [urgency, setUrgency] = useState<MessageUrgency>(draft.urgency ?? 'normal');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const problems: Record<string, string> = {};
    if (!to) problems.to = t('errors.toRequired');
    if (!content.trim()) problems.content = t('errors.contentRequired');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const message = await repositoriesOf(db).messages.createMessage({
        toStaffId: to!.kind === 'staff' ? to!.id : undefined,
        toDepartmentId: to!.kind === 'department' ? to!.id : undefined,
        toName: to!.name,
        fromName,
        fromCompany,
        fromPhone,
        content,
        urgency,
        callNoteId: draft.callNoteId,
        callId: draft.callId,
      });
      notifications.notify('success', t('created', { to: to!.name }));
      onCreated?.(message);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors({ content: t('errors.invalid') });
      else notifications.notify('error', t('errors.saveFailed', { message: describeError(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="message-composer-title" fullWidth maxWidth="sm">
      <DialogTitle id="message-composer-title">{t('composer.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }} component="form" id="message-composer-form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <RecipientPicker value={to} onChange={setTo} error={errors.to} autoFocus />
          <TextField select label={t('fields.urgency')} value={urgency} onChange={(e) => setUrgency(e.target.value as MessageUrgency)} id="message-urgency">
            {MESSAGE_URGENCIES.map((u) => <MenuItem key={u} value={u}>{t(`urgency.${u}`)}</MenuItem>)}
          </TextField>
          <Stack direction={{ sm: 'row' }} spacing={2}>
            <TextField label={t('fields.fromName')} value={fromName} onChange={(e) => setFromName(e.target.value)} id="message-from-name" fullWidth slotProps={{ htmlInput: { maxLength: 64 } }} />
            <TextField label={t('fields.fromCompany')} value={fromCompany} onChange={(e) => setFromCompany(e.target.value)} id="message-from-company" fullWidth slotProps={{ htmlInput: { maxLength: 200 } }} />
          </Stack>
          <TextField label={t('fields.fromPhone')} value={fromPhone} onChange={(e) => setFromPhone(e.target.value)} id="message-from-phone" slotProps={{ htmlInput: { maxLength: 64 } }} />
          <TextField label={t('fields.content')} value={content} onChange={(e) => setContent(e.target.value)} id="message-content" multiline minRows={3} required error={Boolean(errors.content)} helperText={errors.content} slotProps={{ htmlInput: { maxLength: 4000 } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button type="submit" form="message-composer-form" variant="contained" disabled={busy}>{t('composer.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
