// Log a suggestion or complaint, or follow one up: owner, due date and status; the reply (saving it
// answers the item, dated today); follow-up notes. Keyboard first: Ctrl+Enter saves from any field,
// Escape cancels. Changes go through the repository, which applies the status rules and audits.
import { describeError } from '../../ui/describeError';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Complaint } from '@shared/domain';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES } from '@shared/domain/plain/visitors';
import { defaultDueAt, endOfLocalDay, isOverdue, localIsoDate } from '@shared/complaints/complaintRules';
import { ValidationError, repositoriesOf, useDatabase } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import { useFocusTarget } from '../../ui/focus/useFocusTarget';
import { AppDateField } from '../../ui/dates/DateTimeFields';
import { OwnerField, type Owner } from './OwnerField';

interface FormValues {
  kind: Complaint['kind'];
  status: Complaint['status'];
  name: string;
  contact: string;
  content: string;
  category: string;
  dueDate: string;
  owner: Owner;
}

function valuesOf(complaint: Complaint | undefined): FormValues {
  return {
    kind: complaint?.kind ?? 'complaint',
    status: complaint?.status ?? 'open',
    name: complaint?.name ?? '',
    contact: complaint?.contact ?? '',
    content: complaint?.content ?? '',
    category: complaint?.category ?? '',
    dueDate: localIsoDate(complaint?.dueAt ?? defaultDueAt(Date.now())),
    owner: { staffId: complaint?.ownerStaffId, name: complaint?.ownerName ?? '' },
  };
}

type ErrorField = 'content' | 'name' | 'contact' | 'category' | 'reply' | 'followUp' | 'dueDate';

export interface ComplaintDialogProps {
  open: boolean;
  /** The complaint to follow up; undefined logs a new one. */
  complaintId: string | undefined;
  onClose: () => void;
}

export function ComplaintDialog({ open, complaintId, onClose }: ComplaintDialogProps) {
  const { t, i18n } = useTranslation('complaints');
  const db = useDatabase();
  const repo = repositoriesOf(db).complaints;
  const notify = useNotify();
  // Alt+N (ComplaintsPanel) promises the first field of a new entry.
  const kindRef = useFocusTarget<HTMLElement>('complaints.newKind');
  const formRef = useRef<HTMLFormElement>(null);
  const complaint = useLiveQuery(() => (complaintId ? repo.get(complaintId) : undefined), [db, complaintId]);
  const [values, setValues] = useState<FormValues>(() => valuesOf(undefined));
  const [reply, setReply] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [errors, setErrors] = useState<Partial<Record<ErrorField, string>>>({});
  const [busy, setBusy] = useState(false);
  const loadedFor = useRef<string | undefined>(undefined);

  // Fill the form once per opened item; live updates afterwards (a reply, a follow-up) do not overwrite typing.
  useEffect(() => {
    if (!open) {
      loadedFor.current = undefined;
      return;
    }
    const key = complaintId ?? 'new';
    if (loadedFor.current === key || (complaintId && !complaint)) return;
    loadedFor.current = key;
    setValues(valuesOf(complaint));
    setReply(complaint?.reply ?? '');
    setFollowUp('');
    setErrors({});
  }, [open, complaintId, complaint]);

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const fail = (error: unknown) => {
    if (error instanceof ValidationError) {
      setErrors(Object.fromEntries(Object.keys(error.fields).map((f) => [f, f === 'content' || f === 'reply' || f === 'followUp' ? 'required' : 'tooLong'])));
    } else {
      notify('error', t('saveFailed', { message: describeError(error) }));
    }
  };

  const fields = () => ({
    kind: values.kind,
    name: values.name || undefined,
    contact: values.contact || undefined,
    content: values.content,
    category: values.category || undefined,
    ownerStaffId: values.owner.staffId,
    ownerName: values.owner.name.trim() || undefined,
    dueAt: endOfLocalDay(values.dueDate),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.content.trim()) {
      setErrors({ content: 'required' });
      return;
    }
    setBusy(true);
    try {
      if (complaint) {
        // The reply box is saved too: a typed reply answers the item even without "Save reply".
        await repo.update(complaint.id, { ...fields(), status: values.status, reply: reply.trim() || undefined });
        notify('success', t('saved'));
      } else {
        await repo.create(fields());
        notify('success', t('created'));
      }
      onClose();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const saveReply = async () => {
    if (!complaint) return;
    if (!reply.trim()) {
      setErrors({ reply: 'required' });
      return;
    }
    setBusy(true);
    try {
      const saved = await repo.reply(complaint.id, reply);
      setValues((v) => ({ ...v, status: saved.status }));
      notify('success', t('replied'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const addFollowUp = async () => {
    if (!complaint) return;
    if (!followUp.trim()) {
      setErrors({ followUp: 'required' });
      return;
    }
    setBusy(true);
    try {
      const saved = await repo.addFollowUp(complaint.id, followUp);
      setValues((v) => ({ ...v, status: saved.status }));
      setFollowUp('');
      notify('success', t('followUpAdded'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const dateTime = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const errorText = (field: ErrorField) => (errors[field] ? t(`errors.${errors[field] as 'required' | 'tooLong'}`) : undefined);
  const text = (field: 'name' | 'contact' | 'category', extra: object = {}) => ({
    id: `complaint-${field}`,
    label: t(`fields.${field}`),
    value: values[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
    error: Boolean(errors[field]),
    helperText: errorText(field),
    size: 'small' as const,
    fullWidth: true,
    ...extra,
  });
  const selectProps = { select: { native: true }, inputLabel: { shrink: true } };
  const titleId = 'complaint-dialog-title';
  const overdue = complaint ? isOverdue(complaint, Date.now()) : false;

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            formRef.current?.requestSubmit();
          }
        }}
      >
        <DialogTitle id={titleId}>{complaintId ? t('editTitle') : t('newTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {overdue && <Alert severity="error">{t('overdue')}</Alert>}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField id="complaint-kind" inputRef={kindRef} select size="small" label={t('fields.kind')} value={values.kind} onChange={(e) => set('kind', e.target.value as Complaint['kind'])} slotProps={selectProps} sx={{ minWidth: 160 }} autoFocus={!complaintId}>
                {COMPLAINT_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
              </TextField>
              <TextField {...text('name')} />
              <TextField {...text('contact')} />
            </Stack>
            <TextField
              id="complaint-content"
              label={t('fields.content')}
              value={values.content}
              onChange={(e) => set('content', e.target.value)}
              error={Boolean(errors.content)}
              helperText={errorText('content')}
              required
              multiline
              minRows={3}
              fullWidth
              size="small"
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField {...text('category')} />
              <OwnerField value={values.owner} onChange={(owner) => set('owner', owner)} />
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <AppDateField
                id="complaint-due"
                label={t('fields.dueAt')}
                value={values.dueDate}
                onChange={(due) => set('dueDate', due)}
                helperText={t('dueHelp')}
              />
              {complaint && (
                <TextField id="complaint-status" select size="small" label={t('fields.status')} value={values.status} onChange={(e) => set('status', e.target.value as Complaint['status'])} slotProps={selectProps} sx={{ minWidth: 160 }}>
                  {COMPLAINT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
                </TextField>
              )}
            </Stack>

            {complaint && (
              <>
                <Divider />
                <TextField
                  id="complaint-reply"
                  label={t('fields.reply')}
                  value={reply}
                  onChange={(e) => {
                    setReply(e.target.value);
                    setErrors((x) => ({ ...x, reply: undefined }));
                  }}
                  error={Boolean(errors.reply)}
                  helperText={errorText('reply') ?? (complaint.repliedAt ? `${t('fields.repliedAt')}: ${dateTime(complaint.repliedAt)}` : undefined)}
                  multiline
                  minRows={2}
                  fullWidth
                  size="small"
                />
                <Button onClick={() => void saveReply()} disabled={busy} sx={{ alignSelf: 'flex-start' }} variant="outlined">
                  {t('saveReply')}
                </Button>
                <Divider />
                <Typography variant="subtitle1" component="h3" id="complaint-followups">{t('followUps')}</Typography>
                {complaint.followUps.length === 0 ? (
                  <Typography color="text.secondary">{t('noFollowUps')}</Typography>
                ) : (
                  <List dense aria-labelledby="complaint-followups">
                    {complaint.followUps.map((f, i) => (
                      <ListItem key={`${f.at}-${i}`} disableGutters>
                        <ListItemText primary={f.text} secondary={t('followUpBy', { time: dateTime(f.at), by: f.by })} />
                      </ListItem>
                    ))}
                  </List>
                )}
                <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <TextField
                    id="complaint-followup"
                    label={t('followUpText')}
                    value={followUp}
                    onChange={(e) => {
                      setFollowUp(e.target.value);
                      setErrors((x) => ({ ...x, followUp: undefined }));
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                        e.preventDefault();
                        void addFollowUp();
                      }
                    }}
                    error={Boolean(errors.followUp)}
                    helperText={errorText('followUp')}
                    size="small"
                    fullWidth
                  />
                  <Button onClick={() => void addFollowUp()} disabled={busy} sx={{ flex: 'none' }}>{t('addFollowUp')}</Button>
                </Stack>
              </>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>{t('common:actions.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
