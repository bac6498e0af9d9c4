// Settings → sign-in and staff accounts: the idle lock time, whether sign-in is required, the people who
// may sign in with their roles (supervisors change them; a supervisor resets a PIN, nobody reads one), and
// the permission matrix, read-only.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, FormGroup, FormLabel, Paper, Switch, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ACTION_MATRIX, TABLE_MATRIX, type SpecialAction } from '@shared/auth/permissions';
import type { Operator, OperatorRole } from '@shared/domain/desk';
import { OPERATOR_ROLES, rolesOf } from '@shared/domain/plain/desk';
import { messageOf } from '@shared/errors/messageOf';
import { isPermissionDenied, useDatabase, ValidationError } from '../../db';
import { notifications } from '../../ui/notifications/notificationStore';
import { useCan, useSessionService } from './useSession';

type T = (key: string, options?: Record<string, unknown>) => string;

function errorText(t: T, e: unknown): string {
  if (e instanceof ValidationError) return t(`staff.errors.${Object.values(e.fields)[0] ?? 'generic'}`, { message: e.message });
  if (isPermissionDenied(e)) return t('session.forbidden', { permission: e.permission });
  return t('staff.errors.generic', { message: messageOf(e) });
}

function RolePicker({ legend, value, onChange, idPrefix }: { legend: string; value: readonly OperatorRole[]; onChange: (roles: OperatorRole[]) => void; idPrefix: string }) {
  const { t } = useTranslation('signin');
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <FormLabel component="legend">{legend}</FormLabel>
      <FormGroup row>
        {OPERATOR_ROLES.map((role) => (
          <FormControlLabel
            key={role}
            control={<Checkbox id={`${idPrefix}-${role}`} checked={value.includes(role)} onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))} />}
            label={t(`roles.${role}`)}
          />
        ))}
      </FormGroup>
    </Box>
  );
}

function PersonRow({ person }: { person: Operator }) {
  const { t } = useTranslation('signin');
  const session = useSessionService();
  const [roles, setRoles] = useState<OperatorRole[]>(rolesOf(person));
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const saveRoles = async (next: OperatorRole[]) => {
    setRoles(next);
    setError(null);
    try {
      if (next.length > 0) await session.operators.setRoles(person.id, next);
      else setError(t('staff.errors.rolesEmpty'));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const reset = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await session.operators.resetPin(person.id, pin);
      setPin('');
      notifications.notify('success', t('staff.resetDone', { name: person.name }));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <TableRow data-person={person.name}>
      <TableCell component="th" scope="row">{person.name}</TableCell>
      <TableCell><RolePicker legend={t('staff.rolesOf', { name: person.name })} value={roles} onChange={(r) => void saveRoles(r)} idPrefix={`roles-${person.id}`} /></TableCell>
      <TableCell>
        <Box component="form" onSubmit={(e) => void reset(e)} sx={{ display: 'flex', gap: 1, alignItems: 'center' }} noValidate>
          <TextField size="small" type="password" id={`reset-${person.id}`} label={t('staff.resetFor', { name: person.name })} value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="new-password" />
          <Button type="submit" disabled={!pin}>{t('staff.resetPin')}</Button>
        </Box>
        {error && <Alert severity="error" role="alert" sx={{ mt: 1 }}>{error}</Alert>}
      </TableCell>
    </TableRow>
  );
}

function AddPerson() {
  const { t } = useTranslation('signin');
  const session = useSessionService();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<OperatorRole[]>(['receptionist']);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!name.trim()) return setError(t('staff.errors.required'));
    setBusy(true);
    try {
      await session.operators.addPerson({ name, roles, secret });
      notifications.notify('success', t('staff.added', { name: name.trim() }));
      setName('');
      setSecret('');
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} sx={{ display: 'grid', gap: 1.5 }} noValidate aria-labelledby="staff-add-title">
      <Typography id="staff-add-title" variant="subtitle1" component="h3">{t('staff.add')}</Typography>
      <TextField id="staff-add-name" label={t('staff.name')} value={name} onChange={(e) => setName(e.target.value)} />
      <RolePicker legend={t('staff.roles')} value={roles} onChange={setRoles} idPrefix="staff-add-role" />
      <TextField id="staff-add-secret" type="password" label={t('staff.secret')} value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" />
      {error && <Alert severity="error" role="alert">{error}</Alert>}
      <Button type="submit" variant="contained" disabled={busy} sx={{ justifySelf: 'start' }}>{t('staff.add')}</Button>
    </Box>
  );
}

function DeskRules() {
  const { t } = useTranslation('signin');
  const session = useSessionService();
  const canChangeRule = useCan('changeSignInRule');
  const [minutes, setMinutes] = useState('');
  const [required, setRequired] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void session.idleLockMinutes().then((m) => setMinutes(String(m)));
    void session.signInRule().then((rule) => setRequired(rule.required));
  }, [session]);
  const saveIdle = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await session.setIdleLockMinutes(Number(minutes));
      notifications.notify('success', t('staff.idleSaved'));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const toggle = async (next: boolean) => {
    setError(null);
    try {
      await session.setSignInRequired(next);
      setRequired(next);
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Box component="form" onSubmit={(e) => void saveIdle(e)} sx={{ display: 'flex', gap: 1, alignItems: 'center' }} noValidate>
        <TextField id="settings-idle-minutes" type="number" size="small" label={t('staff.idle')} value={minutes} onChange={(e) => setMinutes(e.target.value)} slotProps={{ htmlInput: { min: 1, max: 240 } }} />
        <Button type="submit">{t('staff.save')}</Button>
      </Box>
      {required !== null && (
        <FormControlLabel control={<Switch checked={required} disabled={!canChangeRule} onChange={(e) => void toggle(e.target.checked)} />} label={t('staff.signInRequired')} />
      )}
      {error && <Alert severity="error" role="alert">{error}</Alert>}
    </Box>
  );
}

export function PermissionMatrix() {
  const { t } = useTranslation('signin');
  return (
    <Box sx={{ display: 'grid', gap: 2, overflowX: 'auto' }}>
      <Table size="small" aria-labelledby="staff-matrix-title" data-testid="permission-matrix">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('staff.table')}</TableCell>
            {OPERATOR_ROLES.map((r) => <TableCell key={r} component="th" scope="col">{t(`roles.${r}`)}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.entries(TABLE_MATRIX).map(([table, row]) => (
            <TableRow key={table}>
              <TableCell component="th" scope="row">{t(`staff.tables.${table}`, { defaultValue: table })}</TableCell>
              {OPERATOR_ROLES.map((r) => <TableCell key={r}>{t(`staff.access.${row[r]}`)}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="small" aria-label={t('staff.action')}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('staff.action')}</TableCell>
            {OPERATOR_ROLES.map((r) => <TableCell key={r} component="th" scope="col">{t(`roles.${r}`)}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {(Object.entries(ACTION_MATRIX) as [SpecialAction, Record<OperatorRole, boolean>][]).map(([action, row]) => (
            <TableRow key={action}>
              <TableCell component="th" scope="row">{t(`staff.actions.${action}`)}</TableCell>
              {OPERATOR_ROLES.map((r) => <TableCell key={r}>{row[r] ? t('staff.yes') : t('staff.no')}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export function StaffAccountsPanel() {
  const { t } = useTranslation('signin');
  const db = useDatabase();
  const canEditStaff = useCan('editStaff');
  const people = useLiveQuery(() => (canEditStaff ? db.operators.toArray() : Promise.resolve([] as Operator[])), [db, canEditStaff]);
  const live = (people ?? []).filter((p) => p.deletedAt === undefined && p.active === 1).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 2 }} component="section" aria-labelledby="settings-staff">
      <Typography id="settings-staff" variant="h6" component="h2">{t('staff.title')}</Typography>
      <DeskRules />
      {canEditStaff && (
        <>
          <Typography id="staff-people-title" variant="subtitle1" component="h3">{t('staff.people')}</Typography>
          <Table size="small" aria-labelledby="staff-people-title">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">{t('staff.name')}</TableCell>
                <TableCell component="th" scope="col">{t('staff.roles')}</TableCell>
                <TableCell component="th" scope="col">{t('staff.resetPin')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>{live.map((p) => <PersonRow key={p.id} person={p} />)}</TableBody>
          </Table>
          <AddPerson />
        </>
      )}
      <Typography id="staff-matrix-title" variant="subtitle1" component="h3">{t('staff.matrix')}</Typography>
      <PermissionMatrix />
    </Paper>
  );
}
