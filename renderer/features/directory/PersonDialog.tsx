// Add or edit one person. Enter in any single-line field saves (the form submits), Escape cancels.
import { describeError } from '../../ui/describeError';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { staffInputSchema, type Department, type Staff } from '@shared/domain/directory';
import { ValidationError, repositoriesOf, useDatabase } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import { useFocusTarget } from '../../ui/focus/useFocusTarget';

const TEXT_FIELDS = ['title', 'extension', 'mobile', 'email', 'location'] as const;
type FormField = 'name' | 'departmentId' | (typeof TEXT_FIELDS)[number] | 'notes';
type FormValues = Record<FormField, string>;

function valuesOf(person: Staff | undefined): FormValues {
  return {
    name: person?.name ?? '',
    departmentId: person?.departmentId ?? '',
    title: person?.title ?? '',
    extension: person?.extension ?? '',
    mobile: person?.mobile ?? '',
    email: person?.email ?? '',
    location: person?.location ?? '',
    notes: person?.notes ?? '',
  };
}

export interface PersonDialogProps {
  open: boolean;
  /** The person to edit; undefined adds a new one. */
  person: Staff | undefined;
  departments: readonly Department[];
  onClose: () => void;
}

export function PersonDialog({ open, person, departments, onClose }: PersonDialogProps) {
  const { t } = useTranslation('directory');
  const db = useDatabase();
  const notify = useNotify();
  // Ctrl+N (DirectoryScreen) promises the name of the new person.
  const nameRef = useFocusTarget<HTMLInputElement>('directory.personName');
  const [values, setValues] = useState<FormValues>(() => valuesOf(person));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (open) {
      setValues(valuesOf(person));
      setErrors({});
      setConfirmingDelete(false);
    }
  }, [open, person]);

  const set = (field: FormField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const input = () => ({ ...values, departmentId: values.departmentId || undefined });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = staffInputSchema.safeParse(input());
    if (!checked.success) {
      setErrors(ValidationError.fromZod(checked.error).fields as Partial<Record<FormField, string>>);
      return;
    }
    setBusy(true);
    try {
      const repo = repositoriesOf(db).staff;
      if (person) {
        // Every field is sent, so a cleared field is cleared in the record too.
        const saved = await repo.update(person.id, Object.fromEntries(Object.entries(input()).map(([k, v]) => [k, v === '' ? undefined : v])));
        notify('success', t('person.saved', { name: saved.name }));
      } else {
        const saved = await repo.create(input());
        notify('success', t('person.created', { name: saved.name }));
      }
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields as Partial<Record<FormField, string>>);
      else notify('error', t('person.saveFailed', { message: describeError(error) }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!person) return;
    setBusy(true);
    try {
      await repositoriesOf(db).staff.softDelete(person.id);
      notify('success', t('person.deleted', { name: person.name }));
      onClose();
    } catch (error) {
      notify('error', t('person.saveFailed', { message: describeError(error) }));
    } finally {
      setBusy(false);
    }
  };

  const fieldProps = (field: FormField) => ({
    id: `person-${field}`,
    name: field,
    label: t(`fields.${field === 'departmentId' ? 'department' : field}`),
    value: values[field],
    onChange: set(field),
    error: Boolean(errors[field]),
    helperText: errors[field] ? t(`errors.${errors[field]}`) : undefined,
    fullWidth: true,
    size: 'small' as const,
  });

  const titleId = 'person-dialog-title';
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form
        ref={formRef}
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          // Ctrl+Enter saves from any field, also from the notes (where Enter is a new line) and the department list.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            formRef.current?.requestSubmit();
          }
        }}
        noValidate
      >
        <DialogTitle id={titleId}>{person ? t('person.editTitle', { name: person.name }) : t('person.newTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField {...fieldProps('name')} inputRef={nameRef} required autoFocus />
            <TextField {...fieldProps('departmentId')} select slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}>
              <option value="">{t('noDepartment')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>{d.name}</option>
              ))}
            </TextField>
            {TEXT_FIELDS.map((field) => (
              <TextField
                key={field}
                {...fieldProps(field)}
                type={field === 'email' ? 'email' : field === 'extension' || field === 'mobile' ? 'tel' : 'text'}
              />
            ))}
            <TextField {...fieldProps('notes')} multiline minRows={2} />
          </Stack>
        </DialogContent>
        <DialogActions>
          {person && !confirmingDelete && (
            <Button color="error" onClick={() => setConfirmingDelete(true)} disabled={busy} sx={{ mr: 'auto' }}>
              {t('person.remove')}
            </Button>
          )}
          {person && confirmingDelete && (
            <Stack direction="row" spacing={1} sx={{ mr: 'auto', alignItems: 'center' }} role="alert">
              <span>{t('person.confirmDelete', { name: person.name })}</span>
              <Button color="error" variant="contained" onClick={() => void remove()} disabled={busy} autoFocus>
                {t('common:actions.confirm')}
              </Button>
            </Stack>
          )}
          <Button onClick={onClose} disabled={busy}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>{t('common:actions.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
