// Departments: add, rename, delete (soft; refused while people are still in one).
import { describeError } from '../../ui/describeError';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import type { Department } from '@shared/domain/directory';
import { DepartmentInUseError, ValidationError, repositoriesOf, useDatabase } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';

export interface DepartmentsDialogProps {
  open: boolean;
  departments: readonly Department[];
  onClose: () => void;
}

export function DepartmentsDialog({ open, departments, onClose }: DepartmentsDialogProps) {
  const { t } = useTranslation('directory');
  const db = useDatabase();
  const notify = useNotify();
  const [newName, setNewName] = useState('');
  const [newError, setNewError] = useState<string>();
  const [editing, setEditing] = useState<{ id: string; name: string; error?: string }>();
  const [confirming, setConfirming] = useState<string>();
  const memberCounts = useLiveQuery(() => repositoriesOf(db).staff.memberCounts(), [db], new Map<string, number>());

  const repo = repositoriesOf(db).departments;
  const message = (error: unknown) => describeError(error);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await repo.create({ name: newName });
      notify('success', t('department.created', { name: created.name }));
      setNewName('');
      setNewError(undefined);
    } catch (error) {
      if (error instanceof ValidationError) setNewError(error.fields.name);
      else notify('error', t('person.saveFailed', { message: message(error) }));
    }
  };

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    try {
      const saved = await repo.update(editing.id, { name: editing.name });
      notify('success', t('department.renamed', { name: saved.name }));
      setEditing(undefined);
    } catch (error) {
      if (error instanceof ValidationError) setEditing({ ...editing, error: error.fields.name });
      else notify('error', t('person.saveFailed', { message: message(error) }));
    }
  };

  const remove = async (department: Department) => {
    setConfirming(undefined);
    try {
      await repo.softDelete(department.id);
      notify('success', t('department.deleted', { name: department.name }));
    } catch (error) {
      if (error instanceof DepartmentInUseError) notify('warning', t('department.inUse', { name: department.name, count: error.memberCount }));
      else notify('error', t('person.saveFailed', { message: message(error) }));
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="departments-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="departments-dialog-title">{t('department.title')}</DialogTitle>
      <DialogContent>
        <form onSubmit={(e) => void add(e)}>
          <Stack direction="row" spacing={1} sx={{ pt: 1, alignItems: 'flex-start' }}>
            <TextField
              label={t('department.newName')}
              value={newName}
              onChange={(e) => { setNewName(e.target.value); setNewError(undefined); }}
              error={Boolean(newError)}
              helperText={newError ? t(`errors.${newError}`) : undefined}
              size="small"
              fullWidth
              autoFocus
            />
            <Button type="submit" variant="outlined">{t('department.add')}</Button>
          </Stack>
        </form>
        {departments.length === 0 ? (
          <Typography sx={{ mt: 2 }} color="text.secondary">{t('department.empty')}</Typography>
        ) : (
          <List dense aria-label={t('department.title')}>
            {departments.map((d) =>
              editing?.id === d.id ? (
                <ListItem key={d.id}>
                  <form onSubmit={(e) => void rename(e)} style={{ width: '100%' }}>
                    <TextField
                      label={t('department.rename', { name: d.name })}
                      value={editing.name}
                      onChange={(e) => setEditing({ id: d.id, name: e.target.value })}
                      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setEditing(undefined); } }}
                      error={Boolean(editing.error)}
                      helperText={editing.error ? t(`errors.${editing.error}`) : undefined}
                      size="small"
                      fullWidth
                      autoFocus
                    />
                  </form>
                </ListItem>
              ) : (
                <ListItem
                  key={d.id}
                  secondaryAction={
                    confirming === d.id ? (
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="alert">
                        <span>{t('department.confirmDelete', { name: d.name })}</span>
                        <Button color="error" variant="contained" size="small" onClick={() => void remove(d)} autoFocus>
                          {t('common:actions.confirm')}
                        </Button>
                        <Button size="small" onClick={() => setConfirming(undefined)}>{t('common:actions.cancel')}</Button>
                      </Stack>
                    ) : (
                    <>
                      <IconButton aria-label={t('department.rename', { name: d.name })} onClick={() => setEditing({ id: d.id, name: d.name })}>
                        <EditOutlinedIcon />
                      </IconButton>
                      <IconButton aria-label={t('department.remove', { name: d.name })} onClick={() => setConfirming(d.id)}>
                        <DeleteOutlineIcon />
                      </IconButton>
                    </>
                    )
                  }
                >
                  <ListItemText primary={d.name} secondary={t('department.members', { count: memberCounts.get(d.id) ?? 0 })} />
                </ListItem>
              ),
            )}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
