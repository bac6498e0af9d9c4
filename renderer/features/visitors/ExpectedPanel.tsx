// Pre-registration (预约): the expected list for a day (today by default), a short form for the desk
// to add one, and a CSV import. One action checks an expected visitor in: the row's button, or Enter on
// the focused row. The arrival goes through the same watchlist gate as a walk-in.
import { describeError } from '../../ui/describeError';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import type { Staff } from '@shared/domain/directory';
import { parseExpectedCsv } from '@shared/visitors/expectedCsv';
import { checkRegistration, type RegistrationField } from '@shared/visitors/registration';
import { repositoriesOf, useDatabase, ValidationError, type CheckInResult, type FrontDeskDatabase, type VisitWithPeople } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import { readCsvFile } from '../../ui/readCsvFile';
import { AppDateField, AppTimeField } from '../../ui/dates/DateTimeFields';
import { HostPicker } from './HostPicker';
import type { CheckInAttempt } from './useWatchlistClearance';
import { ExpectedImportDialog, type ExpectedImportPreview } from './ExpectedImportDialog';
import { dayBounds, formatTime, isoDate, parseIsoDate } from './visitFormat';

type ExpectedRow = VisitWithPeople;

function loadExpected(db: FrontDeskDatabase, day: number): Promise<ExpectedRow[]> {
  const [from, to] = dayBounds(day);
  return repositoriesOf(db).visits.expectedWithPeople(from, to);
}

export interface ExpectedPanelProps {
  /** Runs a check-in through the watchlist clearance (useWatchlistClearance). */
  checkIn: (attempt: CheckInAttempt) => Promise<CheckInResult | undefined>;
  onCheckedIn: (result: CheckInResult, host: Staff | undefined) => void;
}

export function ExpectedPanel({ checkIn: clearedCheckIn, onCheckedIn }: ExpectedPanelProps) {
  const { t, i18n } = useTranslation('visitors');
  const db = useDatabase();
  const repos = repositoriesOf(db);
  const notify = useNotify();
  const [day, setDay] = useState(() => dayBounds(Date.now())[0]);
  const [form, setForm] = useState({ name: '', company: '', phone: '', time: '09:00', purpose: '' });
  const [host, setHost] = useState<Staff>();
  const [errors, setErrors] = useState<Partial<Record<RegistrationField, string>>>({});
  const [preview, setPreview] = useState<ExpectedImportPreview>();
  const fileRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const rows = useLiveQuery(() => loadExpected(db, day), [db, day]);

  const expectedAt = () => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(form.time);
    const d = new Date(day);
    return m ? new Date(d.getFullYear(), d.getMonth(), d.getDate(), Number(m[1]), Number(m[2])).getTime() : undefined;
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const registration = { ...form, hostStaffId: host?.id, expectedAt: expectedAt() };
    const checked = checkRegistration(registration);
    const found: Partial<Record<RegistrationField, string>> = { ...checked.errors };
    if (registration.expectedAt === undefined) found.expectedAt = 'expectedAt';
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    try {
      const { visitor } = await repos.visits.preRegister({ registration });
      notify('success', t('expected.added', { name: visitor.name }));
      setForm({ name: '', company: '', phone: '', time: form.time, purpose: '' });
      setHost(undefined);
      setErrors({});
      nameRef.current?.focus();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields as Partial<Record<RegistrationField, string>>);
      else notify('error', t('errors.saveFailed', { message: describeError(error) }));
    }
  };

  const checkIn = async (row: ExpectedRow) => {
    try {
      const result = await clearedCheckIn((ids) => repos.visits.checkInExpected(row.visit.id, { acknowledgedAlertIds: ids }));
      if (result) {
        notify('success', t('expected.checkedIn', { name: result.visitor.name }));
        onCheckedIn(result, row.host);
      }
    } catch (error) {
      notify('error', t('errors.saveFailed', { message: describeError(error) }));
    }
  };

  const change = async (row: ExpectedRow, action: 'cancel' | 'markNoShow') => {
    try {
      await repos.visits[action](row.visit.id);
      notify('info', t(action === 'cancel' ? 'expected.cancelled' : 'expected.noShow', { name: row.visitor?.name ?? '' }));
    } catch (error) {
      notify('error', t('errors.saveFailed', { message: describeError(error) }));
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const decoded = await readCsvFile(file);
      if (!decoded.ok) {
        notify('error', t('import.undecodable', { file: file.name }));
        return;
      }
      setPreview({ fileName: file.name, encoding: decoded.encoding, result: parseExpectedCsv(decoded.text, await repositoriesOf(db).staff.hostLookup(), new Date(day)) });
    } catch (error) {
      notify('error', t('import.unreadable', { file: file.name, message: describeError(error) }));
    }
  };

  const err = (field: RegistrationField) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);
  const text = (name: 'name' | 'company' | 'phone' | 'purpose') => ({
    id: `expected-${name}`,
    name,
    label: t(`form.${name}`),
    value: form[name],
    onChange: (e: { target: { value: string } }) => {
      setForm((f) => ({ ...f, [name]: e.target.value }));
      setErrors((er) => ({ ...er, [name]: undefined }));
    },
    error: Boolean(errors[name]),
    helperText: err(name),
    size: 'small' as const,
    autoComplete: 'off',
  });

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id="expected-title" variant="h6" component="h2">{t('expected.title')}</Typography>
        <AppDateField
          id="expected-date"
          label={t('expected.date')}
          value={isoDate(day)}
          required
          onChange={(value) => {
            const parsed = parseIsoDate(value);
            if (parsed !== undefined) setDay(parsed);
          }}
        />
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<UploadFileOutlinedIcon />} onClick={() => fileRef.current?.click()}>{t('actions.importCsv')}</Button>
        <input ref={fileRef} type="file" accept=".csv,text/csv" aria-label={t('actions.chooseFile')} hidden onChange={(e) => void onFile(e)} />
      </Stack>

      <Box component="form" aria-labelledby="expected-add-title" noValidate onSubmit={(e: FormEvent) => void add(e)}>
        <Typography id="expected-add-title" variant="subtitle1" component="h3" sx={{ mb: 1 }}>{t('expected.addTitle')}</Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: 'flex-start' }}>
          <TextField {...text('name')} inputRef={nameRef} required />
          <TextField {...text('company')} />
          <TextField {...text('phone')} type="tel" />
          <Box sx={{ minWidth: 220 }}>
            <HostPicker id="expected-host" value={host} onChange={setHost} error={err('hostStaffId')} />
          </Box>
          <AppTimeField
            id="expected-time"
            label={t('form.expectedTime')}
            value={form.time}
            onChange={(time) => setForm((f) => ({ ...f, time }))}
            error={Boolean(errors.expectedAt)}
            helperText={err('expectedAt')}
            // Wide enough for a 12-hour time with its AM/PM and the picker icon ("09:00 AM").
            sx={{ minWidth: 150, flexShrink: 0 }}
          />
          <TextField {...text('purpose')} />
          <Button type="submit" variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>{t('actions.addExpected')}</Button>
        </Stack>
      </Box>

      <Typography variant="body2" color="text.secondary">{t('expected.rowHelp')}</Typography>
      {rows && rows.length === 0 ? (
        <Typography role="status">{t('expected.empty')}</Typography>
      ) : (
        <Table size="small" aria-label={t('expected.list')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('expected.time')}</TableCell>
              <TableCell>{t('board.name')}</TableCell>
              <TableCell>{t('board.company')}</TableCell>
              <TableCell>{t('board.host')}</TableCell>
              <TableCell>{t('form.purpose')}</TableCell>
              <TableCell>{t('board.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(rows ?? []).map((row) => {
              const name = row.visitor?.name ?? '';
              return (
                <TableRow
                  key={row.visit.id}
                  hover
                  tabIndex={0}
                  data-visit-id={row.visit.id}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && e.target === e.currentTarget) {
                      e.preventDefault();
                      void checkIn(row);
                    }
                  }}
                >
                  <TableCell>{row.visit.expectedAt ? formatTime(row.visit.expectedAt, i18n.language) : ''}</TableCell>
                  <TableCell>{name}</TableCell>
                  <TableCell>{row.visitor?.company}</TableCell>
                  <TableCell>{row.host?.name}</TableCell>
                  <TableCell>{row.visit.purpose}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      <Button size="small" variant="contained" aria-label={t('expected.checkInOf', { name })} onClick={() => void checkIn(row)}>{t('actions.checkIn')}</Button>
                      <Button size="small" aria-label={t('expected.noShowOf', { name })} onClick={() => void change(row, 'markNoShow')}>{t('actions.noShow')}</Button>
                      <Button size="small" color="inherit" aria-label={t('expected.cancelOf', { name })} onClick={() => void change(row, 'cancel')}>{t('actions.cancelVisit')}</Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <ExpectedImportDialog preview={preview} onClose={() => setPreview(undefined)} />
    </Stack>
  );
}
